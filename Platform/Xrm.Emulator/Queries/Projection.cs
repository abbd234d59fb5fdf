using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// Builds the entity a caller receives from a joined row: copies (never stored instances) of the requested columns
/// that have a value, the primary id as Dataverse adds it, and link-entity columns as AliasedValue under
/// "alias.column" (or the FetchXML attribute alias).
/// </summary>
internal static class Projection
{
    public static Entity Project(Entity?[] row, QueryPlan plan)
    {
        var root = row[0]!;
        var result = new Entity(root.LogicalName) { RowVersion = root.RowVersion };
        var primaryId = PrimaryKey.NameFor(root);

        if (plan.Root.AllColumns)
        {
            foreach (var pair in root.Attributes)
            {
                CopyColumn(root, pair.Key, pair.Key, result, alias: null);
            }
        }
        else
        {
            foreach (var column in plan.Root.Columns)
            {
                CopyColumn(root, column, column, result, alias: null);
            }
        }

        // Dataverse always returns the primary id, except in a distinct query (it would make every row distinct).
        if (!plan.Distinct || result.Attributes.ContainsKey(primaryId))
        {
            result[primaryId] = root.Id;
            result.Id = root.Id;
        }

        foreach (var (attribute, alias) in plan.Root.AliasedColumns)
        {
            CopyColumn(root, attribute, alias, result, alias: root.LogicalName);
        }

        foreach (var link in plan.Links)
        {
            var linked = row[link.Index];
            if (linked == null) continue; // an outer join that found nothing returns no aliased values

            if (link.AllColumns)
            {
                foreach (var column in linked.Attributes.Keys.ToList())
                {
                    CopyColumn(linked, column, $"{link.Alias}.{column}", result, alias: linked.LogicalName);
                }
            }
            else
            {
                for (var i = 0; i < link.Columns.Count; i++)
                {
                    CopyColumn(linked, link.Columns[i], link.ColumnKeys[i], result, alias: linked.LogicalName);
                }
            }

            foreach (var (attribute, alias) in link.AliasedColumns)
            {
                CopyColumn(linked, attribute, alias, result, alias: linked.LogicalName);
            }
        }

        return result;
    }

    /// <summary>A key equal for rows whose returned columns are equal, for Distinct.</summary>
    public static string DistinctKey(Entity projected)
    {
        var key = new StringBuilder();
        foreach (var pair in projected.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            key.Append(pair.Key).Append('=').Append(ValueKey(QueryValues.Normalize(pair.Value))).Append('\u001f');
        }

        return key.ToString();
    }

    /// <param name="alias">Null for a plain column of the root; otherwise the value is wrapped in an AliasedValue of that table.</param>
    private static void CopyColumn(Entity source, string attribute, string key, Entity result, string? alias)
    {
        var value = PrimaryKey.ValueOf(source, attribute);
        if (value == null || result.Attributes.ContainsKey(key)) return;

        var copy = ValueCopier.CopyValue(value);
        result[key] = alias == null ? copy! : new AliasedValue(alias, attribute, copy);
        // HasFormattedValues first: reading FormattedValues would give every stored row an empty collection of its own.
        if (source.HasFormattedValues && source.FormattedValues.TryGetValue(attribute, out var formatted))
        {
            result.FormattedValues[key] = formatted;
        }
    }

    private static string ValueKey(object? normalized) => normalized switch
    {
        null => "\u2205",
        decimal number => "n:" + number.ToString("0.############################", CultureInfo.InvariantCulture),
        DateTime date => "d:" + date.Ticks.ToString(CultureInfo.InvariantCulture),
        string text => "t:" + text.ToUpperInvariant(),
        Guid id => "g:" + id.ToString("N"),
        bool flag => flag ? "b:1" : "b:0",
        _ => "?:" + normalized,
    };
}
