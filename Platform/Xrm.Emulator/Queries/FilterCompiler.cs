using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>A test of one joined row: slot 0 is the root row, slot n the n-th link-entity's row (null when an outer join found none).</summary>
internal delegate bool RowPredicate(StoredRow?[] row);

/// <summary>Compiles nested AND/OR filters into one predicate over joined rows, resolving each condition's table once.</summary>
internal sealed class FilterCompiler
{
    private readonly QueryPlan _plan;
    private readonly QueryContext _context;
    private readonly ColumnTypeProbe _probe;
    private readonly SecuredColumnReads? _secured;

    public FilterCompiler(QueryPlan plan, QueryContext context, ColumnTypeProbe probe, SecuredColumnReads? secured = null)
    {
        _plan = plan;
        _context = context;
        _probe = probe;
        _secured = secured;
    }

    /// <summary>The filter as a predicate, or null when it restricts nothing (no conditions anywhere inside).</summary>
    /// <param name="owner">The table unqualified conditions refer to: the root for Criteria, the link for LinkCriteria.</param>
    public RowPredicate? Compile(FilterExpression? filter, PlanNode owner)
    {
        if (filter == null) return null;

        var parts = new List<RowPredicate>();
        foreach (var condition in filter.Conditions)
        {
            parts.Add(Compile(condition, owner));
        }

        foreach (var child in filter.Filters)
        {
            // An empty child filter is ignored, as Dataverse does (it must not turn an OR into "always true").
            var compiled = Compile(child, owner);
            if (compiled != null) parts.Add(compiled);
        }

        if (parts.Count == 0) return null;
        if (parts.Count == 1) return parts[0];

        var all = parts.ToArray();
        if (filter.FilterOperator == LogicalOperator.Or)
        {
            return row =>
            {
                foreach (var part in all)
                {
                    if (part(row)) return true;
                }

                return false;
            };
        }

        return row =>
        {
            foreach (var part in all)
            {
                if (!part(row)) return false;
            }

            return true;
        };
    }

    /// <summary>
    /// The query's criteria split into the AND-ed parts that read only the root row, tested before any join so a
    /// rejected row costs no link lookups, and the parts that need the joined row. Same rows either way.
    /// </summary>
    public (RowPredicate? RootOnly, RowPredicate? Joined) CompileCriteria(FilterExpression? criteria)
    {
        var root = _plan.Root;
        if (criteria == null) return (null, null);
        if (_plan.Links.Count == 0) return (Compile(criteria, root), null);

        var single = criteria.Conditions.Count + criteria.Filters.Count == 1;
        if (criteria.FilterOperator != LogicalOperator.And && !single) return (null, Compile(criteria, root));

        var rootOnly = new FilterExpression(LogicalOperator.And);
        var joined = new FilterExpression(LogicalOperator.And);
        foreach (var condition in criteria.Conditions)
        {
            (ReadsOnlyRoot(condition) ? rootOnly : joined).Conditions.Add(condition);
        }

        foreach (var filter in criteria.Filters)
        {
            (ReadsOnlyRoot(filter) ? rootOnly : joined).Filters.Add(filter);
        }

        return (Compile(rootOnly, root), Compile(joined, root));

        bool ReadsOnlyRoot(object part) => part switch
        {
            ConditionExpression condition => Target(condition, root).Node == root,
            FilterExpression filter => filter.Conditions.All(ReadsOnlyRoot) && filter.Filters.All(ReadsOnlyRoot),
            _ => false,
        };
    }

    /// <summary>True when the caller may not read the column on some rows, so conditions see null there.</summary>
    public bool MayHide(PlanNode node, string attribute) => _secured is { } secured && secured.Hides(node, attribute);

    public (PlanNode Node, string Attribute) Target(ConditionExpression condition, PlanNode owner)
    {
        if (condition.CompareColumns)
        {
            throw new UnsupportedQueryException($"column comparison (CompareColumns) in the condition on '{condition.AttributeName}'");
        }

        if (string.IsNullOrWhiteSpace(condition.AttributeName))
        {
            throw new InvalidQueryException($"A condition on {owner} does not name its attribute.");
        }

        if (condition.AttributeName.Contains('.'))
        {
            throw new InvalidQueryException(
                $"The condition attribute '{condition.AttributeName}' contains a '.'; name the link-entity alias in ConditionExpression.EntityName instead.");
        }

        var node = _plan.Resolve(condition.EntityName, owner, $"The condition on '{condition.AttributeName}'");
        return (node, condition.AttributeName);
    }

    private RowPredicate Compile(ConditionExpression condition, PlanNode owner)
    {
        var (node, attribute) = Target(condition, owner);
        var column = $"{node.Alias}.{attribute}";
        var test = ConditionEvaluator.Compile(condition.Operator, condition.Values, column, _probe.KindOf(node.LogicalName, attribute), _context);
        var slot = node.Index;
        if (_secured is { } secured && secured.Hides(node, attribute)) return CompileHidden(condition.Operator, test, slot, attribute, secured);
        if (condition.Operator is ConditionOperator.Null or ConditionOperator.NotNull)
        {
            // Emptiness needs no comparable value: works on any column type (party lists, images...).
            var wantNull = condition.Operator == ConditionOperator.Null;
            return row =>
            {
                var entity = row[slot];
                return (entity == null || PrimaryKey.ValueOf(entity, attribute) == null) == wantNull;
            };
        }

        return row =>
        {
            var entity = row[slot];
            return test(entity == null ? null : QueryValues.Normalize(PrimaryKey.ValueOf(entity, attribute)));
        };
    }

    /// <summary>A condition on a secured column the caller may not read: the platform substitutes null where it is hidden.</summary>
    private static RowPredicate CompileHidden(ConditionOperator op, System.Func<object?, bool> test, int slot, string attribute, SecuredColumnReads secured)
    {
        if (op is ConditionOperator.Null or ConditionOperator.NotNull)
        {
            var wantNull = op == ConditionOperator.Null;
            return row =>
            {
                var entity = row[slot];
                return (entity == null || secured.ValueOf(entity, attribute) == null) == wantNull;
            };
        }

        return row =>
        {
            var entity = row[slot];
            return test(entity == null ? null : QueryValues.Normalize(secured.ValueOf(entity, attribute)));
        };
    }
}
