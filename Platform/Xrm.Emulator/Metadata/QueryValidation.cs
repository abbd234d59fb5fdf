using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Metadata;

/// <summary>
/// The platform refuses a query that names a table or column it does not have, wherever the name appears: the root
/// table, column sets, conditions, orders, link-entities (both join columns) and aggregates. FetchXML is checked as the
/// QueryExpression it parses into. Without this a misspelt column reads as null and a Null condition matches every row.
/// </summary>
internal static class QueryValidation
{
    public static void Check(QueryPlan plan, MetadataCatalog catalog)
    {
        var tables = new TableMetadata[plan.NodeCount];
        tables[0] = catalog.Require(plan.Root.LogicalName);
        CheckColumns(plan.Root, tables[0], catalog);
        foreach (var link in plan.Links)
        {
            var table = tables[link.Index] = catalog.Require(link.LogicalName);
            catalog.RequireColumn(tables[link.Parent!.Index], link.FromAttribute);
            catalog.RequireColumn(table, link.ToAttribute);
            CheckColumns(link, table, catalog);
        }

        CheckFilter(plan, plan.Criteria, plan.Root, tables, catalog);
        foreach (var link in plan.Links) CheckFilter(plan, link.LinkCriteria, link, tables, catalog);
        foreach (var order in plan.Orders) catalog.RequireColumn(tables[order.Node.Index], order.Attribute);
        if (plan.Aggregates != null)
        {
            foreach (var aggregate in plan.Aggregates) catalog.RequireColumn(tables[aggregate.Node.Index], aggregate.Attribute);
        }
    }

    /// <summary>Retrieve: the table and the column set.</summary>
    public static TableMetadata CheckRetrieve(MetadataCatalog catalog, string table, ColumnSet columns)
    {
        var metadata = catalog.Require(table);
        if (columns.AllColumns) return metadata;
        for (var i = 0; i < columns.Columns.Count; i++) catalog.RequireColumn(metadata, columns.Columns[i]);
        return metadata;
    }

    private static void CheckColumns(PlanNode node, TableMetadata table, MetadataCatalog catalog)
    {
        foreach (var column in node.Columns) catalog.RequireColumn(table, column);
        foreach (var (attribute, _) in node.AliasedColumns) catalog.RequireColumn(table, attribute);
    }

    private static void CheckFilter(QueryPlan plan, FilterExpression? filter, PlanNode owner, TableMetadata[] tables, MetadataCatalog catalog)
    {
        if (filter == null) return;
        // Indexed loops: enumerating the SDK's collections allocates, and every query is checked.
        for (var i = 0; i < filter.Conditions.Count; i++)
        {
            var condition = filter.Conditions[i];
            if (string.IsNullOrWhiteSpace(condition.AttributeName) || condition.AttributeName.Contains('.')) continue; // the engine words these
            var node = plan.Resolve(condition.EntityName, owner, "The condition on", condition.AttributeName);
            catalog.RequireColumn(tables[node.Index], condition.AttributeName);
        }

        for (var i = 0; i < filter.Filters.Count; i++) CheckFilter(plan, filter.Filters[i], owner, tables, catalog);
    }
}
