using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Data;

/// <summary>
/// The emulator's tables. Every write goes through here so that equality indexes stay current and
/// every change is journaled: <see cref="Savepoint"/> / <see cref="RollbackTo"/> give the pipeline
/// its all-or-nothing transaction, nested operations included.
/// Rows are stored as private copies; readers get copies from the service layer, never these objects.
/// </summary>
public sealed class EntityStore
{
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly List<Action> _undo = new();
    private readonly StoredValues _shared = new();

    public IEnumerable<string> TableNames => _tables.Keys;

    public int Count(string logicalName) => _tables.TryGetValue(logicalName, out var t) ? t.Rows.Count : 0;

    /// <summary>Rows of a table in insertion order (stored instances: do not mutate).</summary>
    public IEnumerable<Entity> Scan(string logicalName) =>
        _tables.TryGetValue(logicalName, out var table) ? table.Rows.Values : Array.Empty<Entity>();

    /// <summary>
    /// Rows of a table in primary key order as SQL Server sorts it (<see cref="SqlGuidOrder"/>), from just after
    /// <paramref name="after"/> (or from it, when <paramref name="inclusive"/>), from the first row when null.
    /// The order is kept from its first use on, so a page of a key-ordered query reads its page, not the table.
    /// </summary>
    public IEnumerable<Entity> ScanInKeyOrder(string logicalName, Guid? after = null, bool inclusive = false)
    {
        if (!_tables.TryGetValue(logicalName, out var table)) yield break;
        var keys = table.KeyOrder();
        if (keys.Count == 0 || (after.HasValue && SqlGuidOrder.Instance.Compare(after.Value, keys.Max) > 0)) yield break;
        var range = after.HasValue ? keys.GetViewBetween(after.Value, keys.Max) : keys;
        foreach (var id in range)
        {
            if (!inclusive && after.HasValue && id == after.Value) continue;
            yield return table.Rows[id];
        }
    }

    /// <summary>The stored instance, or null (do not mutate).</summary>
    public Entity? Find(string logicalName, Guid id) =>
        _tables.TryGetValue(logicalName, out var table) && table.Rows.TryGetValue(id, out var row) ? row : null;

    public bool Exists(string logicalName, Guid id) => Find(logicalName, id) != null;

    /// <summary>Ids whose <paramref name="attribute"/> equals <paramref name="value"/>, from an index built on first use.</summary>
    public IReadOnlyCollection<Guid> Lookup(string logicalName, string attribute, object? value)
    {
        if (!_tables.TryGetValue(logicalName, out var table)) return Array.Empty<Guid>();
        var index = table.IndexFor(attribute);
        return index.TryGetValue(IndexKey.Of(value), out var ids) ? ids : Array.Empty<Guid>();
    }

    public void Insert(Entity record)
    {
        var table = TableFor(record.LogicalName);
        if (table.Rows.ContainsKey(record.Id))
        {
            throw new InvalidOperationException($"A record of {record.LogicalName} with id {record.Id} already exists.");
        }

        var stored = ValueCopier.CopyEntity(record);
        _shared.ShareAll(stored);
        table.Add(stored);
        _undo.Add(() => table.Remove(stored.Id));
    }

    /// <summary>Sets the given columns on the stored row; a null value keeps the column with null, as Dataverse does.</summary>
    public void Apply(string logicalName, Guid id, IEnumerable<KeyValuePair<string, object?>> changes)
    {
        var table = TableFor(logicalName);
        if (!table.Rows.TryGetValue(id, out var row))
        {
            throw new InvalidOperationException($"{logicalName} With Id = {id} Does Not Exist");
        }

        foreach (var change in changes)
        {
            var had = row.Attributes.TryGetValue(change.Key, out var old);
            var column = change.Key;
            table.SetValue(row, column, _shared.Share(ValueCopier.CopyValue(change.Value)));
            _undo.Add(() =>
            {
                if (had) table.SetValue(row, column, old);
                else table.RemoveValue(row, column);
            });
        }
    }

    public bool Delete(string logicalName, Guid id)
    {
        if (!_tables.TryGetValue(logicalName, out var table) || !table.Rows.TryGetValue(id, out var row)) return false;
        table.Remove(id);
        _undo.Add(() => table.Add(row));
        return true;
    }

    /// <summary>A position in the change journal to roll back to.</summary>
    public int Savepoint() => _undo.Count;

    /// <summary>Undoes every change made after <paramref name="savepoint"/>, newest first.</summary>
    public void RollbackTo(int savepoint)
    {
        for (var i = _undo.Count - 1; i >= savepoint; i--)
        {
            _undo[i]();
        }

        _undo.RemoveRange(savepoint, _undo.Count - savepoint);
    }

    /// <summary>Forgets the journal once the outermost operation has committed.</summary>
    public void Commit(int savepoint)
    {
        if (savepoint == 0) _undo.Clear();
    }

    private Table TableFor(string logicalName)
    {
        if (string.IsNullOrEmpty(logicalName)) throw new ArgumentException("The record has no LogicalName.");
        if (!_tables.TryGetValue(logicalName, out var table))
        {
            table = new Table();
            _tables.Add(logicalName, table);
        }

        return table;
    }

    private sealed class Table
    {
        private readonly Dictionary<string, Dictionary<IndexKey, HashSet<Guid>>> _indexes = new(StringComparer.Ordinal);

        private SortedSet<Guid>? _keyOrder;

        public Dictionary<Guid, Entity> Rows { get; } = new();

        public SortedSet<Guid> KeyOrder() => _keyOrder ??= new SortedSet<Guid>(Rows.Keys, SqlGuidOrder.Instance);

        public void Add(Entity row)
        {
            Rows.Add(row.Id, row);
            _keyOrder?.Add(row.Id);
            foreach (var index in _indexes)
            {
                row.Attributes.TryGetValue(index.Key, out var value);
                AddToIndex(index.Value, value, row.Id);
            }
        }

        public void Remove(Guid id)
        {
            if (!Rows.TryGetValue(id, out var row)) return;
            Rows.Remove(id);
            _keyOrder?.Remove(id);
            foreach (var index in _indexes)
            {
                row.Attributes.TryGetValue(index.Key, out var value);
                RemoveFromIndex(index.Value, value, id);
            }
        }

        public void SetValue(Entity row, string column, object? value)
        {
            if (_indexes.TryGetValue(column, out var index))
            {
                row.Attributes.TryGetValue(column, out var old);
                RemoveFromIndex(index, old, row.Id);
                AddToIndex(index, value, row.Id);
            }

            row.Attributes[column] = value!;
        }

        public void RemoveValue(Entity row, string column)
        {
            if (_indexes.TryGetValue(column, out var index))
            {
                row.Attributes.TryGetValue(column, out var old);
                RemoveFromIndex(index, old, row.Id);
                AddToIndex(index, null, row.Id);
            }

            row.Attributes.Remove(column);
        }

        public Dictionary<IndexKey, HashSet<Guid>> IndexFor(string column)
        {
            if (_indexes.TryGetValue(column, out var index)) return index;
            index = new Dictionary<IndexKey, HashSet<Guid>>();
            foreach (var row in Rows.Values)
            {
                row.Attributes.TryGetValue(column, out var value);
                AddToIndex(index, value, row.Id);
            }

            _indexes.Add(column, index);
            return index;
        }

        private static void AddToIndex(Dictionary<IndexKey, HashSet<Guid>> index, object? value, Guid id)
        {
            var key = IndexKey.Of(value);
            if (!index.TryGetValue(key, out var ids))
            {
                ids = new HashSet<Guid>();
                index.Add(key, ids);
            }

            ids.Add(id);
        }

        private static void RemoveFromIndex(Dictionary<IndexKey, HashSet<Guid>> index, object? value, Guid id)
        {
            var key = IndexKey.Of(value);
            if (index.TryGetValue(key, out var ids))
            {
                ids.Remove(id);
                if (ids.Count == 0) index.Remove(key);
            }
        }
    }
}
