using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Data;

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
    /// A query ordered by the root's primary key alone (ascending), without distinct or aggregates, that wants its first
    /// rows: TopCount ("the next 5,000 after id x"), or a page that is the first or follows a paging cookie. Its rows in
    /// key order after the bound are its result, so the engine reads candidates in key order and stops once it has the
    /// page (plus one row, for MoreRecords) instead of joining and sorting every match, as SQL's index seek does.
    /// </summary>
    private sealed record KeyOrderedRead(int Take, Guid? After, int? PageNumber, int PageSize);

    private static KeyOrderedRead? KeyOrdered(QueryPlan plan, Metadata.MetadataCatalog? metadata)
    {
        if (plan.Aggregates != null || plan.Distinct || plan.Orders.Count != 1 || plan.Orders[0].Node != plan.Root || plan.Orders[0].Descending)
        {
            return null;
        }

        var table = plan.Root.LogicalName;
        var ordered = plan.Orders[0].Attribute;
        // A custom activity's key is activityid, which only its metadata tells.
        if (!PrimaryKey.IsPrimaryIdName(table, ordered) && ordered != metadata?.Find(table)?.PrimaryIdAttribute) return null;

        if (plan.Top.HasValue) return new KeyOrderedRead(plan.Top.Value, null, null, plan.Top.Value);
        var paging = plan.Paging;
        if (!Paging.IsPaged(paging) || paging.ReturnTotalRecordCount) return null;
        var size = paging.Count > 0 ? paging.Count : Paging.MaxPageSize;
        var page = paging.PageNumber > 0 ? paging.PageNumber : 1;
        if (page == 1 && string.IsNullOrEmpty(paging.PagingCookie)) return new KeyOrderedRead(size + 1, null, page, size);
        if (string.IsNullOrEmpty(paging.PagingCookie)) return null; // a page by number alone: counted from the start
        var cookie = Paging.ReadCookie(paging.PagingCookie);
        return cookie.Page == page - 1 && cookie.Last.HasValue ? new KeyOrderedRead(size + 1, cookie.Last, page, size) : null;
    }

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

        // Without link-entities a row is its root alone: no joiner and no list of joined rows.
        var joiner = plan.Links.Count > 0 ? new LinkJoiner(plan, context.Store, statistics) : null;
        var matched = new List<StoredRow?[]>();
        var joined = joiner != null ? new List<StoredRow?[]>() : null;
        var rootRow = new StoredRow?[plan.NodeCount];
        var keyOrdered = KeyOrdered(plan, context.Metadata);
        var candidates = keyOrdered != null
            ? CandidateSelector.SelectInKeyOrder(plan, filters, probe, context, statistics, keyOrdered.Take, keyOrdered.After)
            : CandidateSelector.Select(plan, filters, probe, context, statistics);
        foreach (var root in candidates)
        {
            // In key order the rows of one root are adjacent and already sorted: stop once the page is full.
            if (keyOrdered != null && matched.Count >= keyOrdered.Take) break;
            statistics.RowsExamined++;
            rootRow[0] = root;
            if (context.CanReadRoot != null && !context.CanReadRoot(root)) continue;
            if (rootOnly != null && !rootOnly(rootRow)) continue;
            if (joiner == null)
            {
                var row = new StoredRow?[] { root };
                if (where == null || where(row)) matched.Add(row);
                continue;
            }

            joined!.Clear();
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
        var ordered = keyOrdered != null || matched.Count < 2 || plan.Orders.Count == 0
            ? matched
            : Ordering.Sort(matched, plan.Orders, metadata == null ? null : reference => Metadata.ReturnedValues.NameOf(reference, metadata, context.Store), secured);

        // Distinct compares the returned columns, so it needs the projection of every row; otherwise only the page is projected.
        Projection? projection = null; // made when there is a row to project
        List<Entity>? projected = null;
        if (plan.Distinct)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var distinctRows = new List<StoredRow?[]>();
            projected = new List<Entity>();
            foreach (var row in ordered)
            {
                var entity = (projection ??= new Projection(plan, secured)).Project(row);
                if (!seen.Add(Projection.DistinctKey(entity))) continue;
                distinctRows.Add(row);
                projected.Add(entity);
            }

            ordered = distinctRows;
        }

        var rootIds = new RootIds(ordered);
        var primaryIdName = ordered.Count > 0 ? PrimaryKey.NameFor(ordered[0][0]!) : plan.Root.LogicalName + "id";
        var window = keyOrdered?.PageNumber is { } pageNumber
            ? Paging.FirstRows(rootIds, pageNumber, keyOrdered.PageSize, primaryIdName)
            : Paging.Window(rootIds, plan, primaryIdName);

        var page = new List<Entity>(window.Count);
        for (var i = window.Start; i < window.Start + window.Count; i++)
        {
            page.Add(projected != null ? projected[i] : (projection ??= new Projection(plan, secured)).Project(ordered[i]));
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

    /// <summary>The root record id of each ordered row, read in place (no list of them per query).</summary>
    private sealed class RootIds : IReadOnlyList<Guid>
    {
        private readonly List<StoredRow?[]> _rows;

        public RootIds(List<StoredRow?[]> rows) => _rows = rows;

        public int Count => _rows.Count;

        public Guid this[int index] => _rows[index][0]!.Id;

        public IEnumerator<Guid> GetEnumerator()
        {
            foreach (var row in _rows) yield return row[0]!.Id;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
