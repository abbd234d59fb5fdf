using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// The count aggregates of FetchXML over the whole result: one entity carrying each aggregate as an int
/// AliasedValue under its alias, as Dataverse returns it.
/// </summary>
internal static class Aggregation
{
    /// <param name="secured">The query's secured columns the caller may not read: counted as null where hidden, as SQL counts nulls.</param>
    public static EntityCollection Compute(QueryPlan plan, IReadOnlyList<StoredRow?[]> rows, SecuredColumnReads? secured = null)
    {
        var result = new Entity(plan.Root.LogicalName);
        foreach (var aggregate in plan.Aggregates!)
        {
            result[aggregate.Alias] = new AliasedValue(aggregate.Node.LogicalName, aggregate.Attribute, Count(aggregate, rows, secured));
        }

        return new EntityCollection(new List<Entity> { result })
        {
            EntityName = plan.Root.LogicalName,
            MoreRecords = false,
            TotalRecordCount = -1,
        };
    }

    private static int Count(PlanAggregate aggregate, IReadOnlyList<StoredRow?[]> rows, SecuredColumnReads? secured)
    {
        // count is COUNT(*) unless distinct; countcolumn counts the rows where the column has a value.
        if (aggregate.Function == FetchAggregateFunction.Count && !aggregate.Distinct) return rows.Count;

        var hidden = secured != null && secured.Hides(aggregate.Node, aggregate.Attribute);
        var values = rows
            .Select(row => row[aggregate.Node.Index])
            .Select(entity => entity == null ? null : QueryValues.Normalize(hidden ? secured!.ValueOf(entity, aggregate.Attribute) : PrimaryKey.ValueOf(entity, aggregate.Attribute)))
            .Where(value => value != null);
        return aggregate.Distinct ? values.Select(QueryValues.EqualityKey).Distinct().Count() : values.Count();
    }
}
