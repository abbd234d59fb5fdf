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

        // Indexed loops: enumerating the SDK's collections allocates, and every query compiles its filters.
        var parts = new Parts();
        for (var i = 0; i < filter.Conditions.Count; i++)
        {
            parts.Add(Compile(filter.Conditions[i], owner));
        }

        for (var i = 0; i < filter.Filters.Count; i++)
        {
            // An empty child filter is ignored, as Dataverse does (it must not turn an OR into "always true").
            parts.Add(Compile(filter.Filters[i], owner));
        }

        return parts.Combine(filter.FilterOperator);
    }

    /// <summary>The compiled parts of one filter, combined when done; a single part is used as it is.</summary>
    private struct Parts
    {
        private RowPredicate? _first;
        private List<RowPredicate>? _more;

        public void Add(RowPredicate? part)
        {
            if (part == null) return;
            if (_first == null) _first = part;
            else (_more ??= new List<RowPredicate> { _first }).Add(part);
        }

        public readonly RowPredicate? Combine(LogicalOperator op)
        {
            if (_more == null) return _first;
            var all = _more.ToArray();
            if (op == LogicalOperator.Or)
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

        var conditions = criteria.Conditions;
        var filters = criteria.Filters;
        var single = conditions.Count + filters.Count == 1;
        if (criteria.FilterOperator != LogicalOperator.And && !single) return (null, Compile(criteria, root));

        // Which parts read only the root, all decided first; then the root's parts compiled, then the others.
        var onRoot = new bool[conditions.Count + filters.Count];
        for (var i = 0; i < conditions.Count; i++) onRoot[i] = ReadsOnlyRoot(conditions[i]);
        for (var i = 0; i < filters.Count; i++) onRoot[conditions.Count + i] = ReadsOnlyRoot(filters[i]);

        var rootOnly = CompileWhere(true);
        var joined = CompileWhere(false);
        return (rootOnly, joined);

        RowPredicate? CompileWhere(bool readsOnlyRoot)
        {
            var parts = new Parts();
            for (var i = 0; i < conditions.Count; i++)
            {
                if (onRoot[i] == readsOnlyRoot) parts.Add(Compile(conditions[i], root));
            }

            for (var i = 0; i < filters.Count; i++)
            {
                if (onRoot[conditions.Count + i] == readsOnlyRoot) parts.Add(Compile(filters[i], root));
            }

            return parts.Combine(LogicalOperator.And);
        }

        bool ReadsOnlyRoot(object part)
        {
            if (part is ConditionExpression condition) return Target(condition, root).Node == root;
            if (part is not FilterExpression filter) return false;
            for (var i = 0; i < filter.Conditions.Count; i++)
            {
                if (!ReadsOnlyRoot(filter.Conditions[i])) return false;
            }

            for (var i = 0; i < filter.Filters.Count; i++)
            {
                if (!ReadsOnlyRoot(filter.Filters[i])) return false;
            }

            return true;
        }
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

        var node = _plan.Resolve(condition.EntityName, owner, "The condition on", condition.AttributeName);
        return (node, condition.AttributeName);
    }

    private RowPredicate Compile(ConditionExpression condition, PlanNode owner)
    {
        var (node, attribute) = Target(condition, owner);
        var test = ConditionEvaluator.Compile(condition.Operator, condition.Values, new ColumnName(node.Alias, attribute), _probe.KindOf(node.LogicalName, attribute), _context);
        var slot = node.Index;
        if (_secured is { } secured && secured.Hides(node, attribute)) return CompileHidden(condition.Operator, test, slot, attribute, secured);
        var column = new ColumnReader(attribute);
        if (condition.Operator is ConditionOperator.Null or ConditionOperator.NotNull)
        {
            // Emptiness needs no comparable value: works on any column type (party lists, images...).
            var wantNull = condition.Operator == ConditionOperator.Null;
            return row =>
            {
                var entity = row[slot];
                return (entity == null || column.ValueOf(entity) == null) == wantNull;
            };
        }

        return row =>
        {
            var entity = row[slot];
            return test(entity == null ? null : QueryValues.Normalize(column.ValueOf(entity)));
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
