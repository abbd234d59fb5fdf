using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// Sorts joined rows by the query's orders like SQL Server: nulls first when ascending (last when descending),
/// ties keep the order rows came in (stable). A lookup sorts by the referenced record's name when both references
/// carry one (a stored reference has none: the caller-given resolver reads the referenced record's name), otherwise by id;
/// choices sort by number (Dataverse sorts them by label).
/// </summary>
internal static class Ordering
{
    /// <param name="secured">The query's secured columns the caller may not read: an order on one sorts them as null where hidden.</param>
    public static List<StoredRow?[]> Sort(List<StoredRow?[]> rows, IReadOnlyList<PlanOrder> orders, Func<EntityReference, string?>? nameOf = null, SecuredColumnReads? secured = null)
    {
        if (orders.Count == 0 || rows.Count < 2) return rows;

        bool[]? hidden = null;
        if (secured != null)
        {
            hidden = new bool[orders.Count];
            for (var k = 0; k < orders.Count; k++) hidden[k] = secured.Hides(orders[k].Node, orders[k].Attribute);
        }

        var columns = new ColumnReader[orders.Count];
        for (var k = 0; k < orders.Count; k++) columns[k] = new ColumnReader(orders[k].Attribute);
        var keys = new object?[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var rowKeys = new object?[orders.Count];
            for (var k = 0; k < orders.Count; k++)
            {
                var entity = rows[i][orders[k].Node.Index];
                var value = entity == null ? null
                    : hidden != null && hidden[k] ? secured!.ValueOf(entity, orders[k].Attribute)
                    : columns[k].ValueOf(entity);
                rowKeys[k] = SortKey(value, nameOf);
            }

            keys[i] = rowKeys;
        }

        var positions = new int[rows.Count];
        for (var i = 0; i < positions.Length; i++) positions[i] = i;
        Array.Sort(positions, (a, b) =>
        {
            for (var k = 0; k < orders.Count; k++)
            {
                var compared = CompareKeys(keys[a][k], keys[b][k]);
                if (compared != 0) return orders[k].Descending ? -compared : compared;
            }

            return a.CompareTo(b); // stable
        });

        var sorted = new List<StoredRow?[]>(rows.Count);
        foreach (var position in positions) sorted.Add(rows[position]);
        return sorted;
    }

    private static object? SortKey(object? raw, Func<EntityReference, string?>? nameOf) => raw is EntityReference reference
        ? new LookupKey(reference.Name ?? nameOf?.Invoke(reference), reference.Id)
        : QueryValues.Normalize(raw);

    private static int CompareKeys(object? left, object? right)
    {
        if (left == null) return right == null ? 0 : -1;
        if (right == null) return 1;

        if (left is LookupKey a && right is LookupKey b)
        {
            if (a.Name != null && b.Name != null)
            {
                var byName = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
                if (byName != 0) return byName;
            }

            return Data.SqlGuidOrder.Instance.Compare(a.Id, b.Id);
        }

        if (left is LookupKey lookup) left = lookup.Id;
        if (right is LookupKey other) right = other.Id;

        var leftKind = QueryValues.KindOf(left);
        var rightKind = QueryValues.KindOf(right);
        return leftKind == rightKind ? QueryValues.Compare(left, right) : leftKind.CompareTo(rightKind);
    }

    private sealed record LookupKey(string? Name, Guid Id);
}
