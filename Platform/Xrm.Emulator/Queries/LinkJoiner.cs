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

    public LinkJoiner(QueryPlan plan, EntityStore store, QueryStatistics statistics)
    {
        _plan = plan;
        _store = store;
        _statistics = statistics;
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
        if (parent != null)
        {
            foreach (var candidate in Matches(link, PrimaryKey.ValueOf(parent, link.FromAttribute)))
            {
                var joined = (StoredRow?[])row.Clone();
                joined[link.Index] = candidate;
                if (link.Filter != null && !link.Filter(joined)) continue;
                matched = true;
                Expand(joined, linkPosition + 1, output);
            }
        }

        if (!matched && link.Outer)
        {
            Expand(row, linkPosition + 1, output); // the slot stays null: conditions on it see null columns
        }
    }

    private IEnumerable<StoredRow> Matches(PlanNode link, object? parentValue)
    {
        var key = QueryValues.Normalize(parentValue);
        if (key == null) yield break; // SQL: null never joins

        if (PrimaryKey.IsPrimaryIdName(link.LogicalName, link.ToAttribute))
        {
            if (key is Guid id && _store.Find(link.LogicalName, id) is { } row)
            {
                _statistics.LinkRowsExamined++;
                yield return row;
            }

            yield break;
        }

        foreach (var id in _store.Lookup(link.LogicalName, link.ToAttribute, parentValue).ToList())
        {
            if (_store.Find(link.LogicalName, id) is { } row)
            {
                _statistics.LinkRowsExamined++;
                yield return row;
            }
        }
    }
}
