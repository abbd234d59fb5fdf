using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Data;

/// <summary>
/// The column names of one table, each with its slot in the rows' value arrays: shared by every row of the table and
/// grown as columns appear, so a row holds its values and not a dictionary of its own.
/// </summary>
internal sealed class ColumnMap
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();

    public ColumnMap(string table) => Table = table;

    public string Table { get; }

    public string NameAt(int slot) => _names[slot];

    public bool TryGetSlot(string column, out int slot) => _slots.TryGetValue(column, out slot);

    /// <summary>Columns the table has had so far: a slot looked up earlier stays valid, and a grown count says a name may now have one.</summary>
    public int Count => _names.Count;

    public int SlotFor(string column)
    {
        if (_slots.TryGetValue(column, out var slot)) return slot;
        slot = _names.Count;
        _names.Add(column);
        _slots.Add(column, slot);
        return slot;
    }
}

/// <summary>
/// One stored row: its id and its column values by the table's <see cref="ColumnMap"/> slots. Only the store changes it;
/// readers see it through this read-only view and hand out copies (<see cref="ToEntity"/>), never the stored values.
/// A column set to null stays present with null, as Dataverse keeps it; a column never set is absent.
/// </summary>
public sealed class StoredRow
{
    /// <summary>The slot value of a column present with null (a null slot is an absent column).</summary>
    internal static readonly object NullValue = new();

    /// <summary>The slot value of a column holding the row's own id (the primary key column): no box per row.</summary>
    internal static readonly object OwnId = new();

    private readonly ColumnMap _map;
    private object?[] _values;
    private RowExtras? _extras;

    internal StoredRow(ColumnMap map, Guid id, object?[] values)
    {
        _map = map;
        Id = id;
        _values = values;
    }

    public Guid Id { get; }

    public string LogicalName => _map.Table;

    public string? RowVersion => _extras?.RowVersion;

    public bool HasFormattedValues => _extras?.FormattedValues is { Count: > 0 };

    /// <summary>The column's value (null when present with null); false when the row has no such column.</summary>
    public bool TryGetValue(string column, out object? value)
    {
        if (_map.TryGetSlot(column, out var slot)) return TryGetValueAt(slot, out value);
        value = null;
        return false;
    }

    public bool Contains(string column) => TryGetValue(column, out _);

    /// <summary>The table's column names and slots, shared by its rows: a reader looks a column's slot up once for all of them.</summary>
    internal ColumnMap Map => _map;

    /// <summary>As <see cref="Contains"/>, for a slot of <see cref="Map"/> looked up beforehand (and without reading the value).</summary>
    internal bool HasValueAt(int slot) => SlotValue(slot) != null;

    /// <summary>As <see cref="TryGetValue"/>, for a slot of <see cref="Map"/> looked up beforehand (no name lookup per row).</summary>
    internal bool TryGetValueAt(int slot, out object? value)
    {
        if (slot < _values.Length && _values[slot] is { } stored)
        {
            value = Read(stored);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>As the Entity indexer: the value, or KeyNotFoundException when the row has no such column.</summary>
    public object? this[string column] =>
        TryGetValue(column, out var value) ? value : throw new KeyNotFoundException($"The given key '{column}' was not present in the row.");

    /// <summary>As <see cref="Entity.GetAttributeValue{T}"/>: default when the column is absent or null.</summary>
    public T? GetAttributeValue<T>(string column) => TryGetValue(column, out var value) && value != null ? (T)value : default;

    public bool TryGetFormattedValue(string column, out string formatted)
    {
        if (_extras?.FormattedValues is { } values && values.TryGetValue(column, out var found))
        {
            formatted = found;
            return true;
        }

        formatted = string.Empty;
        return false;
    }

    /// <summary>Number of present columns.</summary>
    public int ColumnCount
    {
        get
        {
            var count = 0;
            foreach (var value in _values)
            {
                if (value != null) count++;
            }

            return count;
        }
    }

    /// <summary>The present columns, in the order they first appeared in the table.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Columns
    {
        get
        {
            for (var slot = 0; slot < _values.Length; slot++)
            {
                if (_values[slot] is { } stored) yield return new(_map.NameAt(slot), Read(stored));
            }
        }
    }

    /// <summary>A copy a caller may keep and change, with every column.</summary>
    public Entity ToEntity() => ToEntity(null);

    /// <summary>
    /// A copy a caller may keep and change: the columns named in <paramref name="columns"/> (every column when null)
    /// and <paramref name="alsoColumn"/>, in the table's column order; with <paramref name="withoutNulls"/>, the
    /// columns holding null are left out (what Retrieve returns).
    /// </summary>
    public Entity ToEntity(IEnumerable<string>? columns, string? alsoColumn = null, bool withoutNulls = false)
    {
        // The picked slots, marked once: no set of names per copy, and each name is looked up once.
        Span<bool> picked = _values.Length <= 256 ? stackalloc bool[_values.Length] : new bool[_values.Length];
        if (columns == null) picked.Fill(true);
        else foreach (var column in columns) Pick(picked, column);
        if (alsoColumn != null) Pick(picked, alsoColumn);

        var count = 0;
        for (var slot = 0; slot < _values.Length; slot++)
        {
            if (picked[slot] && Keeps(_values[slot], withoutNulls)) count++;
            else picked[slot] = false;
        }

        // One AddRange of the exact count: the copy's table has no slack.
        var copy = new Entity(LogicalName, Id) { RowVersion = RowVersion };
        var values = new KeyValuePair<string, object>[count];
        var next = 0;
        for (var slot = 0; next < count; slot++)
        {
            if (picked[slot]) values[next++] = new(_map.NameAt(slot), ValueCopier.CopyValue(Read(_values[slot]))!);
        }

        copy.Attributes.AddRange(values);
        if (_extras != null) CopyExtras(copy, picked, columns == null && !withoutNulls);
        return copy;
    }

    private void Pick(Span<bool> picked, string column)
    {
        if (_map.TryGetSlot(column, out var slot) && slot < picked.Length) picked[slot] = true;
    }

    private static bool Keeps(object? stored, bool withoutNulls) => stored != null && !(withoutNulls && ReferenceEquals(stored, NullValue));

    private void CopyExtras(Entity copy, ReadOnlySpan<bool> picked, bool everything)
    {
        if (_extras!.FormattedValues is { } formatted)
        {
            foreach (var pair in formatted)
            {
                if (everything || (_map.TryGetSlot(pair.Key, out var slot) && slot < picked.Length && picked[slot])) copy.FormattedValues[pair.Key] = pair.Value;
            }
        }

        if (_extras.KeyAttributes is { } keys)
        {
            foreach (var pair in keys) copy.KeyAttributes[pair.Key] = ValueCopier.CopyValue(pair.Value);
        }
    }

    public override string ToString() => $"{LogicalName}({Id})";

    /// <summary>
    /// This row as it is now, kept apart from later writes (an image's source): the value array is copied, the
    /// values themselves are shared, as the store never changes a value it holds, only replaces it.
    /// </summary>
    internal StoredRow Snapshot() => new(_map, Id, (object?[])_values.Clone()) { _extras = _extras };

    /// <summary>The raw slot: null when absent, else a stored value, <see cref="NullValue"/>, <see cref="OwnId"/> or a <see cref="PackedText"/>.</summary>
    internal object? SlotValue(int slot) => slot < _values.Length ? _values[slot] : null;

    /// <summary>The value a raw slot stands for (null for an absent column too).</summary>
    internal object? Read(object? stored) =>
        ReferenceEquals(stored, NullValue) ? null : ReferenceEquals(stored, OwnId) ? Id : stored is PackedText text ? text.ToString() : stored;

    /// <summary>Sets a slot to a stored value (<see cref="NullValue"/> for null, null to remove the column).</summary>
    internal void SetSlot(int slot, object? stored)
    {
        if (slot >= _values.Length)
        {
            if (stored == null) return;
            Array.Resize(ref _values, slot + 1);
        }

        _values[slot] = stored;
    }

    /// <summary>Keeps what an Entity carries besides its columns (rare on stored rows: the platform's writes set none).</summary>
    internal void KeepExtras(Entity source)
    {
        if (source.RowVersion == null && !source.HasFormattedValues && !source.HasKeyAttributes) return;
        _extras = new RowExtras
        {
            RowVersion = source.RowVersion,
            FormattedValues = source.HasFormattedValues ? new Dictionary<string, string>(source.FormattedValues, StringComparer.Ordinal) : null,
            KeyAttributes = source.HasKeyAttributes ? CopyKeys(source.KeyAttributes) : null,
        };
    }

    private static Dictionary<string, object?> CopyKeys(KeyAttributeCollection keys)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in keys) copy[pair.Key] = ValueCopier.CopyValue(pair.Value);
        return copy;
    }

    private sealed class RowExtras
    {
        public string? RowVersion { get; init; }

        public Dictionary<string, string>? FormattedValues { get; init; }

        public Dictionary<string, object?>? KeyAttributes { get; init; }
    }
}
