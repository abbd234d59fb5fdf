using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Queries;

/// <summary>
/// RetrieveMultiple for the emulator: runs a QueryExpression, QueryByAttribute or FetchExpression over the
/// <see cref="Data.EntityStore"/> the way Dataverse would, and fails loudly (<see cref="UnsupportedQueryException"/>)
/// on anything it does not implement rather than return different rows. The engine keeps no state between calls;
/// the store is not thread-safe (it even builds its indexes on first use), so one store serves one caller at a time.
/// </summary>
public static class QueryEngine
{
    public static EntityCollection Execute(QueryBase query, QueryContext context) => Execute(query, context, out _);

    /// <summary>Runs the query and reports how much of the store it read.</summary>
    public static EntityCollection Execute(QueryBase query, QueryContext context, out QueryStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);
        var plan = query switch
        {
            QueryExpression expression => QueryPlan.Build(expression),
            QueryByAttribute byAttribute => QueryPlan.Build(QueryByAttributeTranslator.ToQueryExpression(byAttribute)),
            FetchExpression fetch => BuildFetchPlan(fetch),
            _ => throw new UnsupportedQueryException($"{query.GetType().Name} queries"),
        };

        statistics = new QueryStatistics();
        return Run(plan, context, statistics);
    }

    private static QueryPlan BuildFetchPlan(FetchExpression fetch)
    {
        var parsed = FetchXmlParser.Parse(fetch.Query);
        return QueryPlan.Build(parsed.Query, parsed);
    }

    /// <summary>
    /// A TopCount query ordered by the root's primary key alone (ascending), without distinct or aggregates: the
    /// shape of a keyset-paged batch ("the next 5,000 after id x"). Its first rows in key order are its result, so
    /// the engine reads candidates in key order and stops at TopCount instead of joining and sorting them all.
    /// </summary>
    private static bool WantsFirstRowsByKey(QueryPlan plan) =>
        plan.Top.HasValue && plan.Aggregates == null && !plan.Distinct && plan.Orders.Count == 1
        && plan.Orders[0].Node == plan.Root && !plan.Orders[0].Descending
        && PrimaryKey.IsPrimaryIdName(plan.Root.LogicalName, plan.Orders[0].Attribute);

    private static EntityCollection Run(QueryPlan plan, QueryContext context, QueryStatistics statistics)
    {
        Paging.Validate(plan);
        if (context.Metadata != null) Metadata.QueryValidation.Check(plan, context.Metadata);

        // Compile everything first: a bad operator or value fails before any row is read.
        var probe = new ColumnTypeProbe(context.Store);
        var secured = SecuredColumnReads.For(plan, context);
        var filters = new FilterCompiler(plan, context, probe, secured);
        var (rootOnly, where) = filters.CompileCriteria(plan.Criteria);
        foreach (var link in plan.Links)
        {
            link.Filter = filters.Compile(link.LinkCriteria, link);
        }

        var joiner = new LinkJoiner(plan, context.Store, statistics);
        var matched = new List<Entity?[]>();
        var joined = new List<Entity?[]>();
        var rootRow = new Entity?[plan.NodeCount];
        var firstRowsByKey = WantsFirstRowsByKey(plan);
        var candidates = firstRowsByKey
            ? CandidateSelector.SelectInKeyOrder(plan, filters, probe, context, statistics, plan.Top!.Value)
            : CandidateSelector.Select(plan, filters, probe, context, statistics);
        foreach (var root in candidates)
        {
            // In key order the rows of one root are adjacent and already sorted: stop once the page is full.
            if (firstRowsByKey && matched.Count >= plan.Top!.Value) break;
            statistics.RowsExamined++;
            rootRow[0] = root;
            if (context.CanReadRoot != null && !context.CanReadRoot(root)) continue;
            if (rootOnly != null && !rootOnly(rootRow)) continue;
            joined.Clear();
            joiner.Expand(root, joined);
            foreach (var row in joined)
            {
                if (where == null || where(row)) matched.Add(row);
            }
        }

        statistics.RowsMatched = matched.Count;
        if (plan.Aggregates != null)
        {
            var aggregate = Aggregation.Compute(plan, matched, secured);
            statistics.RowsReturned = aggregate.Entities.Count;
            return aggregate;
        }

        var metadata = context.Metadata;
        var ordered = firstRowsByKey ? matched : Ordering.Sort(matched, plan.Orders, metadata == null ? null : reference => Metadata.ReturnedValues.NameOf(reference, metadata, context.Store), secured);

        // Distinct compares the returned columns, so it needs the projection of every row; otherwise only the page is projected.
        List<Entity>? projected = null;
        if (plan.Distinct)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var distinctRows = new List<Entity?[]>();
            projected = new List<Entity>();
            foreach (var row in ordered)
            {
                var entity = Projection.Project(row, plan, secured);
                if (!seen.Add(Projection.DistinctKey(entity))) continue;
                distinctRows.Add(row);
                projected.Add(entity);
            }

            ordered = distinctRows;
        }

        var rootIds = ordered.Select(row => row[0]!.Id).ToList();
        var primaryIdName = ordered.Count > 0 ? PrimaryKey.NameFor(ordered[0][0]!) : plan.Root.LogicalName + "id";
        var window = Paging.Window(rootIds, plan, primaryIdName);

        var page = new List<Entity>(window.Count);
        for (var i = window.Start; i < window.Start + window.Count; i++)
        {
            page.Add(projected != null ? projected[i] : Projection.Project(ordered[i], plan, secured));
        }

        statistics.RowsReturned = page.Count;
        var result = new EntityCollection(page)
        {
            EntityName = plan.Root.LogicalName,
            MoreRecords = window.MoreRecords,
            PagingCookie = window.PagingCookie,
            TotalRecordCount = -1,
        };

        if (plan.Paging.ReturnTotalRecordCount)
        {
            // Dataverse counts up to 5,000 and flags the rest.
            result.TotalRecordCount = Math.Min(ordered.Count, Paging.MaxPageSize);
            result.TotalRecordCountLimitExceeded = ordered.Count > Paging.MaxPageSize;
        }

        return result;
    }
}
