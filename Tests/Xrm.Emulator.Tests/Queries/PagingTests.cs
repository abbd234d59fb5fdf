using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

public class PagingTests
{
    private readonly QueryWorld _world = new();

    private void AddOpportunities(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            _world.Opportunity($"Deal {i:D4}", ("coach_icpfitscore", i));
        }
    }

    private static QueryExpression Opportunities()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("name", OrderType.Ascending);
        return query;
    }

    private static List<string> Names(EntityCollection result) => result.Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();

    [Fact]
    public void TopCount_limits_the_rows_and_reports_no_more_records()
    {
        AddOpportunities(5);
        var query = Opportunities();
        query.TopCount = 2;

        var result = _world.Run(query);

        Names(result).Should().Equal("Deal 0001", "Deal 0002");
        result.MoreRecords.Should().BeFalse();
        result.PagingCookie.Should().BeNull();
    }

    [Fact]
    public void TopCount_together_with_PageInfo_fails_like_Dataverse()
    {
        AddOpportunities(3);
        var query = Opportunities();
        query.TopCount = 2;
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };

        FluentActions.Invoking(() => _world.Run(query))
            .Should().Throw<InvalidQueryException>().WithMessage("The Top and PageInfo properties cannot be used together*");
    }

    [Fact]
    public void PageNumber_and_Count_return_the_requested_page_with_MoreRecords()
    {
        AddOpportunities(5);
        var query = Opportunities();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 2 };

        var result = _world.Run(query);

        Names(result).Should().Equal("Deal 0003", "Deal 0004");
        result.MoreRecords.Should().BeTrue();
    }

    [Fact]
    public void Paging_cookie_returns_the_next_page_and_MoreRecords_false_on_the_last()
    {
        AddOpportunities(5);
        var seen = new List<string>();
        var query = Opportunities();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
        EntityCollection page;
        var pages = 0;
        do
        {
            page = _world.Run(query);
            pages++;
            seen.AddRange(Names(page));
            page.PagingCookie.Should().StartWith($"<cookie page=\"{query.PageInfo.PageNumber}\"><opportunityid last=\"{{");
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
        while (page.MoreRecords);

        pages.Should().Be(3);
        seen.Should().Equal("Deal 0001", "Deal 0002", "Deal 0003", "Deal 0004", "Deal 0005");
    }

    [Fact]
    public void The_paging_cookie_names_the_page_and_its_last_and_first_ids_in_upper_case_braces()
    {
        AddOpportunities(5);
        var query = Opportunities();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 2 };

        var page = _world.Run(query);

        string Braced(Entity entity) => entity.Id.ToString("B").ToUpperInvariant();
        page.PagingCookie.Should().Be(
            $"<cookie page=\"2\"><opportunityid last=\"{Braced(page.Entities[1])}\" first=\"{Braced(page.Entities[0])}\" /></cookie>");
    }

    [Fact]
    public void A_paging_cookie_continues_after_its_last_record_even_when_earlier_rows_were_deleted()
    {
        AddOpportunities(6);
        var query = Opportunities();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
        var first = _world.Run(query);
        _world.Store.Delete("opportunity", first.Entities[0].Id);

        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;

        Names(_world.Run(query)).Should().Equal("Deal 0003", "Deal 0004");
    }

    [Fact]
    public void ReturnTotalRecordCount_counts_every_matching_row_and_is_minus_one_otherwise()
    {
        AddOpportunities(7);
        var query = Opportunities();
        query.PageInfo = new PagingInfo { Count = 3, PageNumber = 1, ReturnTotalRecordCount = true };

        var counted = _world.Run(query);
        var uncounted = _world.Run(Opportunities());

        counted.TotalRecordCount.Should().Be(7);
        counted.TotalRecordCountLimitExceeded.Should().BeFalse();
        uncounted.TotalRecordCount.Should().Be(-1);
    }

    [Fact]
    public void Without_paging_at_most_5000_rows_come_back_with_MoreRecords_and_a_cookie()
    {
        for (var i = 0; i < 5001; i++)
        {
            _world.Add("opportunity");
        }

        var result = _world.Run(new QueryExpression("opportunity"));

        result.Entities.Should().HaveCount(5000);
        result.MoreRecords.Should().BeTrue();
        result.PagingCookie.Should().NotBeNull();

        var counted = _world.Run(new QueryExpression("opportunity") { PageInfo = new PagingInfo { Count = 10, PageNumber = 1, ReturnTotalRecordCount = true } });
        counted.TotalRecordCount.Should().Be(5000, "Dataverse counts up to 5,000");
        counted.TotalRecordCountLimitExceeded.Should().BeTrue();
    }

    [Fact]
    public void A_page_size_over_5000_fails()
    {
        var query = Opportunities();
        query.PageInfo = new PagingInfo { Count = 5001, PageNumber = 1 };

        FluentActions.Invoking(() => _world.Run(query)).Should().Throw<InvalidQueryException>().WithMessage("*5000*");
    }

    [Fact]
    public void A_paging_cookie_that_is_not_one_the_service_issued_fails()
    {
        AddOpportunities(3);
        var query = Opportunities();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 2, PagingCookie = "not a cookie" };

        FluentActions.Invoking(() => _world.Run(query)).Should().Throw<InvalidQueryException>().WithMessage("*paging cookie*");
    }

    [Fact]
    public void A_page_past_the_end_is_empty()
    {
        AddOpportunities(3);
        var query = Opportunities();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 5 };

        var result = _world.Run(query);

        result.Entities.Should().BeEmpty();
        result.MoreRecords.Should().BeFalse();
    }
}
