using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// The secured columns one query reads that its caller may not read, decided once when the query is compiled: only
/// the conditions, orders, aggregates and returned columns named here read values through <see cref="ValueOf"/>, so
/// SYSTEM, runs without security and queries that touch no such column read the store as before.
/// </summary>
internal sealed class SecuredColumnReads
{
    private readonly ISecuredColumnAccess _access;
    private readonly IReadOnlySet<string>?[] _hiddenByNode;
    private readonly bool[] _projectsHidden;

    private SecuredColumnReads(ISecuredColumnAccess access, IReadOnlySet<string>?[] hiddenByNode, bool[] projectsHidden)
    {
        _access = access;
        _hiddenByNode = hiddenByNode;
        _projectsHidden = projectsHidden;
    }

    /// <summary>Null when the query reads no column the caller may be unable to read.</summary>
    public static SecuredColumnReads? For(QueryPlan plan, QueryContext context)
    {
        if (context.SecuredColumns is not { } access) return null;
        var hiddenByNode = new IReadOnlySet<string>?[plan.NodeCount];
        var projectsHidden = new bool[plan.NodeCount];
        var any = false;
        foreach (var node in Nodes(plan))
        {
            var hidden = access.HiddenColumnsOf(node.LogicalName);
            if (hidden.Count == 0) continue;
            hiddenByNode[node.Index] = hidden;
            projectsHidden[node.Index] = node.AllColumns || node.Columns.Exists(hidden.Contains) || node.AliasedColumns.Exists(c => hidden.Contains(c.Attribute));
            any |= projectsHidden[node.Index];
        }

        if (!any) any = ReadsHidden(plan, hiddenByNode);
        return any ? new SecuredColumnReads(access, hiddenByNode, projectsHidden) : null;
    }

    public bool Hides(PlanNode node, string attribute) => _hiddenByNode[node.Index] is { } hidden && hidden.Contains(attribute);

    /// <summary>Whether the returned columns of this node may include a hidden one (then each is checked per row).</summary>
    public bool ProjectsHidden(PlanNode node) => _projectsHidden[node.Index];

    /// <summary>Whether the caller reads the column on this row (a hidden column may be opened by a field share of the row).</summary>
    public bool CanRead(StoredRow entity, string attribute) => _access.CanRead(entity, attribute);

    /// <summary>The value the caller sees: the stored one, or null where column security hides it from them.</summary>
    public object? ValueOf(StoredRow entity, string attribute) => _access.CanRead(entity, attribute) ? PrimaryKey.ValueOf(entity, attribute) : null;

    private static IEnumerable<PlanNode> Nodes(QueryPlan plan)
    {
        yield return plan.Root;
        foreach (var link in plan.Links) yield return link;
    }

    /// <summary>Whether a condition, order or aggregate of the query names a hidden column.</summary>
    private static bool ReadsHidden(QueryPlan plan, IReadOnlySet<string>?[] hiddenByNode)
    {
        bool Hidden(PlanNode node, string attribute) => hiddenByNode[node.Index] is { } hidden && hidden.Contains(attribute);

        bool InFilter(FilterExpression? filter, PlanNode owner)
        {
            if (filter == null) return false;
            foreach (var condition in filter.Conditions)
            {
                if (string.IsNullOrEmpty(condition.AttributeName) || condition.CompareColumns) continue; // the filter compiler reports these
                if (Hidden(plan.Resolve(condition.EntityName, owner, "The condition on", condition.AttributeName), condition.AttributeName)) return true;
            }

            foreach (var child in filter.Filters)
            {
                if (InFilter(child, owner)) return true;
            }

            return false;
        }

        if (InFilter(plan.Criteria, plan.Root)) return true;
        foreach (var link in plan.Links)
        {
            if (InFilter(link.LinkCriteria, link)) return true;
        }

        foreach (var order in plan.Orders)
        {
            if (Hidden(order.Node, order.Attribute)) return true;
        }

        if (plan.Aggregates != null)
        {
            foreach (var aggregate in plan.Aggregates)
            {
                if (Hidden(aggregate.Node, aggregate.Attribute)) return true;
            }
        }

        return false;
    }
}
