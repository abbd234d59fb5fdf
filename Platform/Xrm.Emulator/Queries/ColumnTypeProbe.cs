using System;
using System.Collections.Generic;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// Learns a column's type from the stored data (the query engine runs without metadata too): the first non-null value found.
/// FetchXML values are text, so "731050000" must become a choice number and a guid string a lookup id before
/// they are compared or used as an index key. One probe per query execution.
/// </summary>
internal sealed class ColumnTypeProbe
{
    private readonly EntityStore _store;
    // A query probes a few columns: a list searched in order costs less than a dictionary made per query.
    private List<(string Table, string Column, object? Sample)>? _samples;

    public ColumnTypeProbe(EntityStore store) => _store = store;

    /// <summary>A stored (raw SDK) value of the column, or null when no row has one.</summary>
    public object? Sample(string table, string column)
    {
        if (_samples != null)
        {
            foreach (var known in _samples)
            {
                if (string.Equals(known.Table, table, StringComparison.Ordinal) && string.Equals(known.Column, column, StringComparison.Ordinal)) return known.Sample;
            }
        }

        object? sample = null;
        if (PrimaryKey.IsPrimaryIdName(table, column))
        {
            sample = Guid.Empty;
        }
        else
        {
            var reader = new ColumnReader(column);
            foreach (var row in _store.Scan(table))
            {
                if (reader.TryGetValue(row, out var value) && value != null)
                {
                    sample = value;
                    break;
                }
            }
        }

        (_samples ??= new List<(string, string, object?)>(2)).Add((table, column, sample));
        return sample;
    }

    public ValueKind? KindOf(string table, string column)
    {
        var raw = Sample(table, column);
        if (!QueryValues.IsComparable(raw)) return null; // e.g. a party list: only Null / NotNull can test it
        var sample = QueryValues.Normalize(raw);
        return sample == null ? null : QueryValues.KindOf(sample);
    }
}
