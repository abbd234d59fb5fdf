using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Data;

/// <summary>
/// The emulator's tables. Every write goes through here so that equality indexes stay current and
/// every change is journaled: <see cref="Savepoint"/> / <see cref="RollbackTo"/> give the pipeline
/// its all-or-nothing transaction, nested operations included.
/// Rows are stored compactly (<see cref="StoredRow"/>: a value array per row, the column names per table); readers
/// read them through that view and get copies from the service layer, never the stored values.
/// </summary>
public sealed class EntityStore
{
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly List<Change> _journal = new();
    private readonly StoredValues _shared = new();

    public IEnumerable<string> TableNames => _tables.Keys;

    public int Count(string logicalName) => _tables.TryGetValue(logicalName, out var t) ? t.Rows.Count : 0;

    /// <summary>Rows of a table in insertion order.</summary>
    public IEnumerable<StoredRow> Scan(string logicalName) =>
        _tables.TryGetValue(logicalName, out var table) ? table.Rows.Values : Array.Empty<StoredRow>();

    /// <summary>
    /// Rows of a table in primary key order as SQL Server sorts it (<see cref="SqlGuidOrder"/>), from just after
    /// <paramref name="after"/> (or from it, when <paramref name="inclusive"/>), from the first row when null.
    /// The order is kept from its first use on, so a page of a key-ordered query reads its page, not the table.
    /// </summary>
    public IEnumerable<StoredRow> ScanInKeyOrder(string logicalName, Guid? after = null, bool inclusive = false)
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

    /// <summary>The stored row, or null.</summary>
    public StoredRow? Find(string logicalName, Guid id) =>
        _tables.TryGetValue(logicalName, out var table) && table.Rows.TryGetValue(id, out var row) ? row : null;

    public bool Exists(string logicalName, Guid id) => Find(logicalName, id) != null;

    /// <summary>Ids whose <paramref name="attribute"/> equals <paramref name="value"/>, from an index built on first use.</summary>
    public IReadOnlyCollection<Guid> Lookup(string logicalName, string attribute, object? value)
    {
        if (!_tables.TryGetValue(logicalName, out var table)) return Array.Empty<Guid>();
        var index = table.IndexFor(attribute);
        return index.TryGetValue(IndexKey.Of(value), out var ids) ? ids : Array.Empty<Guid>();
    }

    /// <summary>
    /// The distinct values of a column (in <see cref="IndexKey"/> form, null for rows without one) and the ids holding
    /// each, from the same index: a range or not-equal condition reads the values, not every row.
    /// </summary>
    public IEnumerable<KeyValuePair<IndexKey, IReadOnlyCollection<Guid>>> ValuesOf(string logicalName, string attribute)
    {
        if (!_tables.TryGetValue(logicalName, out var table)) yield break;
        foreach (var pair in table.IndexFor(attribute)) yield return new(pair.Key, pair.Value);
    }

    /// <summary>Stores a copy of <paramref name="record"/>: its columns, formatted values and keys.</summary>
    public void Insert(Entity record)
    {
        var table = TableFor(record.LogicalName);
        if (table.Rows.ContainsKey(record.Id))
        {
            throw new InvalidOperationException($"A record of {record.LogicalName} with id {record.Id} already exists.");
        }

        var last = -1;
        foreach (var pair in record.Attributes) last = Math.Max(last, table.Columns.SlotFor(pair.Key));
        var values = new object?[last + 1];
        foreach (var pair in record.Attributes)
        {
            table.Columns.TryGetSlot(pair.Key, out var slot);
            values[slot] = Stored(pair.Value, record.Id);
        }

        var row = new StoredRow(table.Columns, record.Id, values);
        row.KeepExtras(record);
        table.Add(row);
        _journal.Add(new Change(table, row, Change.Inserted, null));
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
            var slot = table.Columns.SlotFor(change.Key);
            var old = row.SlotValue(slot);
            table.SetSlot(row, slot, Stored(change.Value, id));
            _journal.Add(new Change(table, row, slot, old));
        }
    }

    public bool Delete(string logicalName, Guid id)
    {
        if (!_tables.TryGetValue(logicalName, out var table) || !table.Rows.TryGetValue(id, out var row)) return false;
        table.Remove(row);
        _journal.Add(new Change(table, row, Change.Deleted, null));
        return true;
    }

    /// <summary>A position in the change journal to roll back to.</summary>
    public int Savepoint() => _journal.Count;

    /// <summary>Undoes every change made after <paramref name="savepoint"/>, newest first.</summary>
    public void RollbackTo(int savepoint)
    {
        for (var i = _journal.Count - 1; i >= savepoint; i--)
        {
            var change = _journal[i];
            switch (change.Slot)
            {
                case Change.Inserted:
                    change.Table.Remove(change.Row);
                    break;
                case Change.Deleted:
                    change.Table.Add(change.Row);
                    break;
                default:
                    change.Table.SetSlot(change.Row, change.Slot, change.Old);
                    break;
            }
        }

        _journal.RemoveRange(savepoint, _journal.Count - savepoint);
    }

    /// <summary>Forgets the journal once the outermost operation has committed.</summary>
    public void Commit(int savepoint)
    {
        if (savepoint == 0) _journal.Clear();
    }

    /// <summary>
    /// The slot form of a value: a private copy, shared with equal stored values where possible; null as
    /// <see cref="StoredRow.NullValue"/>, the row's own id as <see cref="StoredRow.OwnId"/>.
    /// </summary>
    private object Stored(object? value, Guid rowId) =>
        value is Guid id && id == rowId ? StoredRow.OwnId : _shared.Store(value) ?? StoredRow.NullValue;

    private Table TableFor(string logicalName)
    {
        if (string.IsNullOrEmpty(logicalName)) throw new ArgumentException("The record has no LogicalName.");
        if (!_tables.TryGetValue(logicalName, out var table))
        {
            table = new Table(logicalName);
            _tables.Add(logicalName, table);
        }

        return table;
    }

    /// <summary>One journaled change: a row inserted or deleted, or a slot's previous value (null: the column was absent).</summary>
    private readonly record struct Change(Table Table, StoredRow Row, int Slot, object? Old)
    {
        public const int Inserted = -1;
        public const int Deleted = -2;
    }

    private sealed class Table
    {
        private readonly Dictionary<int, Dictionary<IndexKey, IdSet>> _indexes = new();

        private SortedSet<Guid>? _keyOrder;

        public Table(string logicalName) => Columns = new ColumnMap(logicalName);

        public ColumnMap Columns { get; }

        public Dictionary<Guid, StoredRow> Rows { get; } = new();

        public SortedSet<Guid> KeyOrder() => _keyOrder ??= new SortedSet<Guid>(Rows.Keys, SqlGuidOrder.Instance);

        public void Add(StoredRow row)
        {
            Rows.Add(row.Id, row);
            _keyOrder?.Add(row.Id);
            foreach (var index in _indexes)
            {
                AddToIndex(index.Value, row.Read(row.SlotValue(index.Key)), row.Id);
            }
        }

        public void Remove(StoredRow row)
        {
            if (!Rows.Remove(row.Id)) return;
            _keyOrder?.Remove(row.Id);
            foreach (var index in _indexes)
            {
                RemoveFromIndex(index.Value, row.Read(row.SlotValue(index.Key)), row.Id);
            }
        }

        /// <summary>Sets a slot (null: removes the column) and moves the row between its index keys.</summary>
        public void SetSlot(StoredRow row, int slot, object? stored)
        {
            if (_indexes.TryGetValue(slot, out var index))
            {
                RemoveFromIndex(index, row.Read(row.SlotValue(slot)), row.Id);
                AddToIndex(index, row.Read(stored), row.Id);
            }

            row.SetSlot(slot, stored);
        }

        public Dictionary<IndexKey, IdSet> IndexFor(string column)
        {
            var slot = Columns.SlotFor(column);
            if (_indexes.TryGetValue(slot, out var index)) return index;
            index = new Dictionary<IndexKey, IdSet>();
            foreach (var row in Rows.Values)
            {
                AddToIndex(index, row.Read(row.SlotValue(slot)), row.Id);
            }

            _indexes.Add(slot, index);
            return index;
        }

        // Absent and null are one key (value null): a condition sees both as null.
        private static void AddToIndex(Dictionary<IndexKey, IdSet> index, object? value, Guid id)
        {
            var key = IndexKey.Of(value);
            if (index.TryGetValue(key, out var ids)) ids.Add(id);
            else index.Add(key, new IdSet(id));
        }

        private static void RemoveFromIndex(Dictionary<IndexKey, IdSet> index, object? value, Guid id)
        {
            var key = IndexKey.Of(value);
            if (index.TryGetValue(key, out var ids) && ids.RemoveAndCheckEmpty(id)) index.Remove(key);
        }
    }
}
