using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// Joins link-entities onto a root row, as SQL would: one joined row per match, an inner link without a match drops
/// the row, an outer one keeps it with an empty slot. A link on the linked table's primary key uses Find; any other
/// uses the store's index on the link's column.
/// </summary>
internal sealed class LinkJoiner
{
    private readonly QueryPlan _plan;
    private readonly EntityStore _store;
    private readonly QueryStatistics _statistics;

    /// <summary>Each link's column on its parent, by link position.</summary>
    private readonly ColumnReader[] _fromColumns;

    public LinkJoiner(QueryPlan plan, EntityStore store, QueryStatistics statistics)
    {
        _plan = plan;
        _store = store;
        _statistics = statistics;
        _fromColumns = new ColumnReader[plan.Links.Count];
        for (var i = 0; i < _fromColumns.Length; i++) _fromColumns[i] = new ColumnReader(plan.Links[i].FromAttribute);
    }

    public void Expand(StoredRow root, List<StoredRow?[]> output)
    {
        var row = new StoredRow?[_plan.NodeCount];
        row[0] = root;
        Expand(row, 0, output);
    }

    private void Expand(StoredRow?[] row, int linkPosition, List<StoredRow?[]> output)
    {
        if (linkPosition == _plan.Links.Count)
        {
            output.Add(row);
            return;
        }

        var link = _plan.Links[linkPosition];
        var parent = row[link.Parent!.Index];
        var matched = false;
        var parentValue = parent == null ? null : _fromColumns[linkPosition].ValueOf(parent);
        var key = QueryValues.Normalize(parentValue);
        if (key != null) // SQL: null never joins
        {
            if (PrimaryKey.IsPrimaryIdName(link.LogicalName, link.ToAttribute))
            {
                if (key is Guid id && _store.Find(link.LogicalName, id) is { } candidate) matched = Join(row, link, linkPosition, candidate, output);
            }
            else
            {
                foreach (var id in _store.Lookup(link.LogicalName, link.ToAttribute, parentValue).ToList())
                {
                    if (_store.Find(link.LogicalName, id) is { } candidate) matched |= Join(row, link, linkPosition, candidate, output);
                }
            }
        }

        if (!matched && link.Outer)
        {
            Expand(row, linkPosition + 1, output); // the slot stays null: conditions on it see null columns
        }
    }

    /// <summary>The row joined with one candidate of the link, expanded further when the link's own filter keeps it.</summary>
    private bool Join(StoredRow?[] row, PlanNode link, int linkPosition, StoredRow candidate, List<StoredRow?[]> output)
    {
        _statistics.LinkRowsExamined++;
        var joined = (StoredRow?[])row.Clone();
        joined[link.Index] = candidate;
        if (link.Filter != null && !link.Filter(joined)) return false;
        Expand(joined, linkPosition + 1, output);
        return true;
    }
}
