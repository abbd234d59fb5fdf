using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// Chooses the root rows a query has to look at. When the criteria's top-level AND holds an Equal, In or
/// EqualUserId condition on a root column, the store's equality index gives the candidates (the smallest set wins)
/// instead of a table scan; the full criteria are still evaluated on every candidate. That also keeps column security
/// right: on a secured column the caller may not read, the rows holding the value are a superset of those the caller
/// sees holding it, and the criteria, evaluated with the hidden value as null, drop the rest.
/// An OR filter in that AND gives candidates too when each of its conditions does, on a root column or on a column of
/// a linked table (the linked rows found by the index, then the root rows that join to them): "deals of the reps of
/// this manager, or of the teams they administer" reads those deals, not every open deal. Null, NotEqual and range
/// parts are answered from the column's distinct values: "due by now, or other settings, or never" reads the due deals.
/// </summary>
internal static class CandidateSelector
{
    public static IEnumerable<StoredRow> Select(QueryPlan plan, FilterCompiler compiler, ColumnTypeProbe probe, QueryContext context, QueryStatistics statistics)
    {
        var table = plan.Root.LogicalName;
        var best = SmallestIndexSet(plan, TopLevelAndConditions(plan.Criteria), compiler, probe, context);
        if (best.Ids == null) return context.Store.Scan(table);

        Report(best, plan, compiler, statistics);
        return Rows(context.Store, table, best.Ids);
    }

    /// <summary>An index's candidates: the ids, and the root column (or the OR) that gave them.</summary>
    private readonly record struct IndexChoice(IReadOnlyCollection<Guid>? Ids, string? Column, FilterExpression? AnyOf);

    private static void Report(IndexChoice choice, QueryPlan plan, FilterCompiler compiler, QueryStatistics statistics)
    {
        if (choice.AnyOf != null) ReportAnyOf(choice.AnyOf, plan, compiler, statistics);
        else statistics.UseIndex(plan.Root.LogicalName, choice.Column!);
    }

    // Apart, so only an OR's report makes the closure that names its columns later.
    private static void ReportAnyOf(FilterExpression anyOf, QueryPlan plan, FilterCompiler compiler, QueryStatistics statistics) =>
        statistics.UseIndex(plan.Root.LogicalName, () => ColumnsOf(anyOf, plan, compiler));

    /// <summary>"salesstage or owner.parentsystemuserid": the columns of an OR that gave the candidates.</summary>
    private static string ColumnsOf(FilterExpression anyOf, QueryPlan plan, FilterCompiler compiler) => string.Join(" or ", anyOf.Conditions.Select(condition =>
    {
        var (node, attribute) = compiler.Target(condition, plan.Root);
        return node.IsRoot ? attribute : $"{node.Alias}.{attribute}";
    }));

    /// <summary>The smallest set of ids the indexes give for a root condition or an OR every row must meet, or none.</summary>
    private static IndexChoice SmallestIndexSet(QueryPlan plan, List<ConditionExpression>? andConditions, FilterCompiler compiler, ColumnTypeProbe probe, QueryContext context)
    {
        var best = default(IndexChoice);
        if (andConditions != null)
        {
            foreach (var condition in andConditions)
            {
                var (node, attribute) = compiler.Target(condition, plan.Root);
                if (node != plan.Root) continue;
                var ids = IdsFor(condition, plan.Root.LogicalName, attribute, probe, context, best.Ids?.Count ?? int.MaxValue);
                if (ids != null && (best.Ids == null || ids.Count < best.Ids.Count)) best = new IndexChoice(ids, attribute, null);
            }
        }

        // An OR's ids are gathered, not the index's own set: first under a small bound, so an unselective OR (every
        // early-stage deal) is only gathered when no narrower set exists.
        var anyOfs = TopLevelOrFilters(plan.Criteria, null);
        if (anyOfs == null) return best;
        for (var pass = 0; pass < 2; pass++)
        {
            var bound = pass == 0 ? SelectiveOrBound : int.MaxValue;
            foreach (var anyOf in anyOfs)
            {
                var limit = Math.Min(bound, (best.Ids?.Count ?? int.MaxValue) - 1);
                if (limit <= 0) break;
                var ids = IdsForAnyOf(anyOf, plan, compiler, probe, context, limit);
                if (ids != null && (best.Ids == null || ids.Count < best.Ids.Count)) best = new IndexChoice(ids, null, anyOf);
            }

            if (best.Ids != null && best.Ids.Count <= SelectiveOrBound) break;
        }

        return best;
    }

    /// <summary>Ids an OR may gather on the first pass (a manager's deals, a day's due deals).</summary>
    private const int SelectiveOrBound = 2048;

    /// <summary>
    /// The candidates in ascending primary key order, for a query ordered by its primary key that wants only its first
    /// rows (TopCount, or a page after a paging cookie): the index's rows sorted when an equality index narrows them to a
    /// few pages, else the table in key order; either from the tightest bound of the cookie and a top-level "id &gt; x"
    /// (or "&gt;=") condition, so the caller can stop at its page.
    /// </summary>
    /// <param name="wanted">Rows the caller stops at.</param>
    /// <param name="cookieLast">The last id of the previous page (a paging cookie), read after; null from the start.</param>
    public static IEnumerable<StoredRow> SelectInKeyOrder(QueryPlan plan, FilterCompiler compiler, ColumnTypeProbe probe, QueryContext context, QueryStatistics statistics, int wanted, Guid? cookieLast)
    {
        var table = plan.Root.LogicalName;
        Guid? after = cookieLast;
        var inclusive = false;
        var andConditions = TopLevelAndConditions(plan.Criteria);
        if (andConditions != null)
        {
            foreach (var condition in andConditions)
            {
                var (node, attribute) = compiler.Target(condition, plan.Root);
                if (node == plan.Root && PrimaryKey.IsPrimaryIdName(table, attribute)
                    && condition.Operator is ConditionOperator.GreaterThan or ConditionOperator.GreaterEqual
                    && condition.Values.Count == 1 && condition.Values[0] is Guid bound)
                {
                    // The tightest bound wins; at a tie "after" beats "from" (the criteria still check every row).
                    var compared = after == null ? 1 : SqlGuidOrder.Instance.Compare(bound, after.Value);
                    if (compared > 0) (after, inclusive) = (bound, condition.Operator == ConditionOperator.GreaterEqual);
                    else if (compared == 0) inclusive &= condition.Operator == ConditionOperator.GreaterEqual;
                }
            }
        }

        var best = SmallestIndexSet(plan, andConditions, compiler, probe, context);

        // An index that leaves a few pages of rows beats walking the table; the criteria are evaluated either way.
        if (best.Ids != null && best.Ids.Count <= 4 * wanted)
        {
            Report(best, plan, compiler, statistics);
            var sorted = best.Ids.ToArray();
            Array.Sort(sorted, SqlGuidOrder.Instance);
            // A cookie's bound is not among the criteria: the rows up to it are left out here.
            var from = after == null ? 0 : Array.FindIndex(sorted, id => SqlGuidOrder.Instance.Compare(id, after.Value) is var c && (c > 0 || (inclusive && c == 0)));
            return Rows(context.Store, table, from < 0 ? Array.Empty<Guid>() : sorted.Skip(from).ToArray());
        }

        return context.Store.ScanInKeyOrder(table, after, inclusive);
    }

    private static IEnumerable<StoredRow> Rows(EntityStore store, string table, IReadOnlyCollection<Guid> ids)
    {
        foreach (var id in ids)
        {
            var row = store.Find(table, id);
            if (row != null) yield return row;
        }
    }

    /// <summary>Conditions every result row must satisfy: those of the top-level AND and of AND filters nested in it; null for none.</summary>
    private static List<ConditionExpression>? TopLevelAndConditions(FilterExpression? filter, List<ConditionExpression>? into = null)
    {
        if (filter == null) return into;
        var single = filter.Conditions.Count + filter.Filters.Count == 1; // an OR of one condition is that condition
        if (filter.FilterOperator != LogicalOperator.And && !single) return into;
        // Indexed loops: enumerating an SDK collection allocates an enumerator, and this runs for every query.
        for (var i = 0; i < filter.Conditions.Count; i++) (into ??= new List<ConditionExpression>()).Add(filter.Conditions[i]);
        for (var i = 0; i < filter.Filters.Count; i++) into = TopLevelAndConditions(filter.Filters[i], into);
        return into;
    }

    /// <summary>OR filters (of two or more parts) every result row must satisfy: those in the top-level AND; null for none.</summary>
    private static List<FilterExpression>? TopLevelOrFilters(FilterExpression? filter, List<FilterExpression>? into)
    {
        if (filter == null) return into;
        if (filter.Conditions.Count + filter.Filters.Count != 1 && filter.FilterOperator != LogicalOperator.And)
        {
            (into ??= new List<FilterExpression>()).Add(filter);
            return into;
        }

        for (var i = 0; i < filter.Filters.Count; i++) into = TopLevelOrFilters(filter.Filters[i], into);
        return into;
    }

    /// <summary>
    /// Root ids an OR filter of conditions can match: the union over its conditions, each answered by an index on its
    /// table and, for a linked table, carried up the links to the root (a superset: link criteria and the rest of the
    /// filter are still evaluated on every candidate). Null when any part cannot be answered that way.
    /// </summary>
    private static IReadOnlyCollection<Guid>? IdsForAnyOf(FilterExpression anyOf, QueryPlan plan, FilterCompiler compiler, ColumnTypeProbe probe, QueryContext context, int limit)
    {
        if (anyOf.Filters.Count > 0 || anyOf.Conditions.Count == 0) return null;
        // Before any lookup: one part no index can answer (a text pattern, a date-only operator) makes the others' sets useless.
        if (!anyOf.Conditions.All(c => AnsweredByIndex(c.Operator) || AnsweredByValues(c.Operator))) return null;
        var union = new HashSet<Guid>();
        foreach (var condition in anyOf.Conditions)
        {
            var (node, attribute) = compiler.Target(condition, plan.Root);
            var room = limit - union.Count;
            var ids = IdsFor(condition, node.LogicalName, attribute, probe, context, room) ?? IdsByValue(condition, node, attribute, compiler, probe, context, room);
            if (ids == null || ids.Count > room) return null;
            for (var link = node; !link.IsRoot && ids.Count > 0; link = link.Parent!)
            {
                ids = JoiningParentIds(link, ids, probe, context);
                if (ids == null) return null;
            }

            union.UnionWith(ids);
            if (union.Count > limit) return null;
        }

        return union;
    }

    /// <summary>
    /// Ids a Null, NotEqual or range condition can match, from the column's distinct values: each value is tested as the
    /// evaluator tests a row's (text compares case-insensitively, so the index's upper-cased text answers alike; a date
    /// is tried both as UTC and as local time, a superset). Null when a value cannot be compared, or for Null on a
    /// column the caller may not read on some rows (those look null to the criteria but hold a value).
    /// </summary>
    private static IReadOnlyCollection<Guid>? IdsByValue(ConditionExpression condition, PlanNode node, string attribute, FilterCompiler compiler, ColumnTypeProbe probe, QueryContext context, int limit)
    {
        var table = node.LogicalName;
        if (PrimaryKey.IsPrimaryIdName(table, attribute)) return null;
        if (condition.Operator == ConditionOperator.Null)
        {
            if (compiler.MayHide(node, attribute)) return null;
            return context.Store.Lookup(table, attribute, null);
        }

        if (!AnsweredByValues(condition.Operator)) return null;
        var kind = probe.KindOf(table, attribute);
        if (kind == null) return probe.Sample(table, attribute) == null ? Array.Empty<Guid>() : null; // no value anywhere: nothing matches
        try
        {
            var test = ConditionEvaluator.Compile(condition.Operator, condition.Values, new ColumnName(node.Alias, attribute), kind, context);
            return Gather(context.Store.ValuesOf(table, attribute)
                .Where(pair => pair.Key.Value != null && Matches(test, pair.Key.Value)) // none of these operators matches null
                .Select(pair => pair.Value), limit);
        }
        catch (Exception e) when (e is InvalidQueryException or UnsupportedQueryException or InvalidCastException or InvalidOperationException)
        {
            return null; // the evaluator reports what it must
        }
    }

    /// <summary>A null test, a not-equal or a comparison: answered from the column's distinct values.</summary>
    private static bool AnsweredByValues(ConditionOperator op) => op is ConditionOperator.Null or ConditionOperator.NotEqual
        or ConditionOperator.LessThan or ConditionOperator.LessEqual or ConditionOperator.GreaterThan or ConditionOperator.GreaterEqual;

    /// <summary>Equal, In, the calling user: answered from the equality index.</summary>
    private static bool AnsweredByIndex(ConditionOperator op) => op is ConditionOperator.Equal or ConditionOperator.In or ConditionOperator.EqualUserId;

    // A stored date is tried as UTC and as local time: the rows holding it are a superset of those the evaluator keeps.
    private static bool Matches(Func<object?, bool> test, object value) => value is DateTime date
        ? test(QueryValues.Normalize(DateTime.SpecifyKind(date, DateTimeKind.Utc))) || test(QueryValues.Normalize(DateTime.SpecifyKind(date, DateTimeKind.Local)))
        : test(QueryValues.Normalize(value));

    /// <summary>
    /// The ids of index sets of different values (so no id is in two of them), or null once there are more than
    /// <paramref name="limit"/>: not worth gathering.
    /// </summary>
    private static List<Guid>? Gather(IEnumerable<IReadOnlyCollection<Guid>> sets, int limit)
    {
        var kept = new List<IReadOnlyCollection<Guid>>();
        var total = 0;
        foreach (var set in sets)
        {
            total += set.Count;
            if (total > limit) return null;
            kept.Add(set);
        }

        var ids = new List<Guid>(total);
        foreach (var set in kept) ids.AddRange(set);
        return ids;
    }

    /// <summary>Ids of the parent's rows whose link column holds the link column value of one of <paramref name="ids"/>.</summary>
    private static IReadOnlyCollection<Guid>? JoiningParentIds(PlanNode link, IReadOnlyCollection<Guid> ids, ColumnTypeProbe probe, QueryContext context)
    {
        var parent = link.Parent!;
        var parentSample = probe.Sample(parent.LogicalName, link.FromAttribute);
        if (parentSample == null) return Array.Empty<Guid>(); // no parent row has a value to join on
        var joinsOnParentKey = PrimaryKey.IsPrimaryIdName(parent.LogicalName, link.FromAttribute);
        var parentIds = new HashSet<Guid>();
        var toColumn = new ColumnReader(link.ToAttribute);
        try
        {
            foreach (var id in ids)
            {
                var row = context.Store.Find(link.LogicalName, id);
                var value = row == null ? null : QueryValues.Normalize(toColumn.ValueOf(row));
                if (value == null) continue; // null joins nothing
                if (joinsOnParentKey)
                {
                    if (value is not Guid parentId) return null;
                    parentIds.Add(parentId);
                }
                else
                {
                    if (!TryIndexKey(value, parentSample, new ColumnName(parent.LogicalName, link.FromAttribute), out var key)) return null;
                    if (key != null) parentIds.UnionWith(context.Store.Lookup(parent.LogicalName, link.FromAttribute, key));
                }
            }
        }
        catch (Exception e) when (e is InvalidQueryException or UnsupportedQueryException)
        {
            return null; // values that do not compare: the evaluator joins them (and reports what it must)
        }

        return parentIds;
    }

    /// <summary>Ids the condition can match according to the index, or null when the index cannot answer it.</summary>
    /// <param name="limit">Beyond this many ids from several index sets, null: not worth gathering (one set is returned as it is).</param>
    private static IReadOnlyCollection<Guid>? IdsFor(ConditionExpression condition, string table, string attribute, ColumnTypeProbe probe, QueryContext context, int limit = int.MaxValue)
    {
        if (!AnsweredByIndex(condition.Operator)) return null;
        var values = condition.Operator == ConditionOperator.EqualUserId
            ? new object?[] { context.CallingUserId }
            : ConditionEvaluator.Flatten(condition.Values);
        if (values.Count == 0) return null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == null) return null; // the evaluator reports the mistake
        }

        if (PrimaryKey.IsPrimaryIdName(table, attribute))
        {
            // Distinct, in the order given: "In (a, a)" reads a once. A set only for long lists (bulk reads by id).
            var ids = new List<Guid>(values.Count);
            var seen = values.Count > 8 ? new HashSet<Guid>() : null;
            for (var i = 0; i < values.Count; i++)
            {
                var id = (Guid)QueryValues.Coerce(QueryValues.Normalize(values[i])!, ValueKind.Guid, new ColumnName(table, attribute));
                if (seen != null ? seen.Add(id) : !ids.Contains(id)) ids.Add(id);
            }

            return ids;
        }

        var sample = probe.Sample(table, attribute);
        if (sample == null) return Array.Empty<Guid>(); // no row has a value in this column: Equal / In match nothing

        if (values.Count == 1)
        {
            // The index's own set: copying it per query made large, unselective sets (statecode = 0) the
            // emulator's main allocation and GC cost. Queries finish reading before any write, so no copy is needed.
            if (!TryIndexKey(QueryValues.Normalize(values[0])!, sample, new ColumnName(table, attribute), out var single)) return null;
            return single == null ? Array.Empty<Guid>() : context.Store.Lookup(table, attribute, single);
        }

        return IdsForValues(values, table, attribute, sample, context, limit);
    }

    /// <summary>The union of the index's sets for several values (an In), or null as <see cref="IdsFor"/>.</summary>
    private static IReadOnlyCollection<Guid>? IdsForValues(IReadOnlyList<object?> values, string table, string attribute, object sample, QueryContext context, int limit)
    {
        var keys = new List<object>();
        var column = new ColumnName(table, attribute);
        foreach (var value in values)
        {
            if (!TryIndexKey(QueryValues.Normalize(value)!, sample, column, out var key)) return null;
            if (key != null && !keys.Any(k => IndexKey.Of(k).Equals(IndexKey.Of(key)))) keys.Add(key); // "In (1, 1)" reads one set
        }

        return Gather(keys.Select(key => context.Store.Lookup(table, attribute, key)), limit);
    }

    /// <summary>
    /// The condition value in the shape the store indexes this column by (IndexKey: a choice by int, other numbers by
    /// decimal, a lookup by id, text upper-cased). False when the column's type has no index-safe form (dates, ...);
    /// a null key means the value can match nothing (a fractional choice value).
    /// </summary>
    private static bool TryIndexKey(object value, object sample, ColumnName column, out object? key)
    {
        key = null;
        switch (sample)
        {
            case OptionSetValue or Enum:
                var number = (decimal)QueryValues.Coerce(value, ValueKind.Number, column);
                if (number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue) key = new OptionSetValue((int)number);
                return true;
            case EntityReference or Guid:
                key = QueryValues.Coerce(value, ValueKind.Guid, column);
                return true;
            case Money or int or long or decimal or double:
                key = QueryValues.Coerce(value, ValueKind.Number, column);
                return true;
            case string:
                key = QueryValues.Coerce(value, ValueKind.Text, column);
                return true;
            case bool:
                key = QueryValues.Coerce(value, ValueKind.Boolean, column);
                return true;
            default:
                return false;
        }
    }
}
