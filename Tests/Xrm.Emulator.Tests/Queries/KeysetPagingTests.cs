using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Data;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

/// <summary>
/// "The next n after id x, in id order": how a batch job (the daily signal refresh) pages through a large table. The
/// engine reads the rows in key order and stops at the page, and returns what sorting every match would.
/// </summary>
public class KeysetPagingTests
{
    private readonly QueryWorld _world = new();

    private static QueryExpression NextPage(Guid? after, int size, bool withJoin = true)
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "statecode"), TopCount = size };
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        if (after.HasValue) query.Criteria.AddCondition("opportunityid", ConditionOperator.GreaterThan, after.Value);
        query.AddOrder("opportunityid", OrderType.Ascending);
        if (withJoin)
        {
            var account = query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter);
            account.EntityAlias = "parent";
            account.Columns = new ColumnSet("name");
        }

        return query;
    }

    [Fact]
    public void Paging_by_last_id_reads_each_page_not_the_whole_table_and_visits_every_open_row_once_in_SQL_order()
    {
        QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 20_000, accountCount: 100);
        var open = _world.Store.Scan("opportunity").Where(r => r.GetAttributeValue<Microsoft.Xrm.Sdk.OptionSetValue>("statecode")?.Value == 0)
            .Select(r => r.Id).ToList();
        open.Sort(SqlGuidOrder.Instance);

        var seen = new List<Guid>();
        Guid? after = null;
        var examined = 0;
        while (true)
        {
            var page = _world.Run(NextPage(after, 1000), out var statistics).Entities;
            examined += statistics.RowsExamined;
            seen.AddRange(page.Select(e => e.Id));
            if (page.Count > 0) page.Should().OnlyContain(e => e.Contains("parent.name"), "the join still runs on every returned row");
            if (page.Count < 1000) break;
            after = page[^1].Id;
        }

        seen.Should().Equal(open, "pages follow SQL Server's uniqueidentifier order without gaps or repeats");
        examined.Should().BeLessThan(2 * 20_000, "each page reads from the last id on and stops once full, instead of every open row per page");
    }

    [Fact]
    public void A_key_ordered_first_page_returns_what_sorting_all_matches_returns()
    {
        QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 3_000, accountCount: 50);
        var middle = _world.Store.Scan("opportunity").Select(r => r.Id).OrderBy(id => id, SqlGuidOrder.Instance).ElementAt(1_000);

        var firstRows = _world.Run(NextPage(middle, 250)).Entities.Select(e => e.Id).ToList();
        // The same rows through the general path: paging by page number sorts every match first.
        var general = NextPage(middle, 250);
        general.TopCount = null;
        general.PageInfo = new PagingInfo { Count = 250, PageNumber = 1 };
        var sortedAll = _world.Run(general).Entities.Select(e => e.Id).ToList();

        firstRows.Should().HaveCount(250).And.Equal(sortedAll);
    }
    private static QueryExpression ById(Guid? owner = null)
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        if (owner.HasValue) query.Criteria.AddCondition("ownerid", ConditionOperator.Equal, owner.Value);
        query.AddOrder("opportunityid", OrderType.Ascending);
        return query;
    }

    private List<Guid> ReadWithCookies(QueryExpression query, int size, out int examined)
    {
        var ids = new List<Guid>();
        examined = 0;
        query.PageInfo = new PagingInfo { Count = size, PageNumber = 1 };
        while (true)
        {
            var page = _world.Run(query, out var statistics);
            examined += statistics.RowsExamined;
            ids.AddRange(page.Entities.Select(e => e.Id));
            if (!page.MoreRecords) return ids;
            if (ids.Count > 100_000) throw new InvalidOperationException("The pages do not end: a cookie led back to rows already read.");
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    private List<Guid> ReadByPageNumber(QueryExpression query, int size)
    {
        var ids = new List<Guid>();
        for (var number = 1; ; number++)
        {
            query.PageInfo = new PagingInfo { Count = size, PageNumber = number };
            var page = _world.Run(query);
            ids.AddRange(page.Entities.Select(e => e.Id));
            if (!page.MoreRecords) return ids;
        }
    }

    [Fact]
    public void Cookie_paging_in_id_order_reads_each_page_once_and_returns_the_pages_numbered_paging_returns()
    {
        QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 20_000, accountCount: 100);

        var withCookies = ReadWithCookies(ById(), 1000, out var examined);

        withCookies.Should().HaveCount(18_000).And.OnlyHaveUniqueItems();
        withCookies.Should().Equal(ReadByPageNumber(ById(), 1000), "a cookie continues right after its last record");
        examined.Should().BeLessThan(2 * 20_000, "each page seeks past the cookie's last id and stops once full");
    }

    [Fact]
    public void Cookie_paging_of_rows_an_index_narrows_leaves_out_the_rows_of_earlier_pages()
    {
        var pipeline = QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 5_000, accountCount: 100, ownerCount: 50);

        // 100 rows of one owner, pages of 30: the owner index gives the candidates, sorted, and each page starts after its cookie.
        var withCookies = ReadWithCookies(ById(pipeline.OwnerIds[3]), 30, out _);

        withCookies.Should().HaveCount(100, "owner 3 has every fiftieth deal, all open").And.OnlyHaveUniqueItems();
        withCookies.Should().Equal(ReadByPageNumber(ById(pipeline.OwnerIds[3]), 30));
    }
}
