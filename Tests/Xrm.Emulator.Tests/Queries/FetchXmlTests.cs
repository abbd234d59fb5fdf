using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

public class FetchXmlTests
{
    private readonly QueryWorld _world = new();
    private readonly Entity _contoso;
    private readonly Entity _fabrikam;

    public FetchXmlTests()
    {
        var manager = _world.Add("systemuser", ("fullname", "Maria Manager"));
        _contoso = _world.Account("Contoso", ("ownerid", new EntityReference("systemuser", manager.Id)));
        _fabrikam = _world.Account("Fabrikam");
        _world.Opportunity("Contoso renewal",
            ("parentaccountid", _contoso.ToEntityReference()),
            ("coach_buyerstage", new OptionSetValue(731050000)),
            ("estimatedvalue", new Money(50000m)),
            ("coach_reviewflag", true),
            ("coach_nextinteractiondate", new DateTime(2025, 3, 12, 9, 0, 0, DateTimeKind.Utc)),
            ("ownerid", new EntityReference("systemuser", _world.CallingUserId)));
        _world.Opportunity("Contoso expansion",
            ("parentaccountid", _contoso.ToEntityReference()),
            ("coach_buyerstage", new OptionSetValue(731050002)),
            ("estimatedvalue", new Money(120000m)),
            ("coach_reviewflag", false),
            ("coach_nextinteractiondate", new DateTime(2025, 3, 20, 9, 0, 0, DateTimeKind.Utc)));
        _world.Opportunity("Fabrikam pilot",
            ("parentaccountid", _fabrikam.ToEntityReference()),
            ("coach_buyerstage", new OptionSetValue(731050001)),
            ("estimatedvalue", new Money(8000m)),
            ("coach_nextinteractiondate", new DateTime(2025, 2, 1, 9, 0, 0, DateTimeKind.Utc)));
        _world.Opportunity("Orphan deal");
    }

    private string[] Where(string condition) => _world.FetchNames($"""
        <fetch>
          <entity name="opportunity">
            <attribute name="name" />
            <filter>{condition}</filter>
          </entity>
        </fetch>
        """).ToArray();

    [Fact]
    public void Attributes_and_a_filter_select_rows_and_columns()
    {
        var rows = _world.Fetch("""
            <fetch version="1.0" output-format="xml-platform" mapping="logical">
              <entity name="opportunity">
                <attribute name="name" />
                <attribute name="estimatedvalue" />
                <filter type="and">
                  <condition attribute="estimatedvalue" operator="gt" value="10000" />
                </filter>
              </entity>
            </fetch>
            """).Entities;

        rows.Select(r => r.GetAttributeValue<string>("name")).Should().Equal("Contoso renewal", "Contoso expansion");
        rows[0].Attributes.Keys.Should().BeEquivalentTo("name", "estimatedvalue", "opportunityid");
    }

    [Fact]
    public void All_attributes_returns_every_column()
    {
        var row = _world.Fetch("""
            <fetch><entity name="account"><all-attributes /><filter><condition attribute="name" operator="eq" value="Fabrikam" /></filter></entity></fetch>
            """).Entities.Single();

        row.Attributes.Keys.Should().BeEquivalentTo("accountid", "name");
    }

    [Fact]
    public void Text_values_are_read_as_the_type_of_the_column_they_are_compared_with()
    {
        Where("""<condition attribute="coach_buyerstage" operator="eq" value="731050000" />""").Should().Equal("Contoso renewal");
        Where($"""<condition attribute="parentaccountid" operator="eq" value="{_fabrikam.Id:B}" />""").Should().Equal("Fabrikam pilot");
        Where("""<condition attribute="estimatedvalue" operator="ge" value="50000.00" />""").Should().Equal("Contoso renewal", "Contoso expansion");
        Where("""<condition attribute="coach_reviewflag" operator="eq" value="1" />""").Should().Equal("Contoso renewal");
        Where("""<condition attribute="coach_nextinteractiondate" operator="lt" value="2025-03-01T00:00:00Z" />""").Should().Equal("Fabrikam pilot");
    }

    [Fact]
    public void In_not_in_between_and_null_operators_read_value_children()
    {
        Where("""<condition attribute="coach_buyerstage" operator="in"><value>731050000</value><value>731050001</value></condition>""")
            .Should().Equal("Contoso renewal", "Fabrikam pilot");
        Where("""<condition attribute="coach_buyerstage" operator="not-in"><value>731050000</value></condition>""")
            .Should().Equal("Contoso expansion", "Fabrikam pilot");
        Where("""<condition attribute="estimatedvalue" operator="between"><value>8000</value><value>50000</value></condition>""")
            .Should().Equal("Contoso renewal", "Fabrikam pilot");
        Where("""<condition attribute="estimatedvalue" operator="null" />""").Should().Equal("Orphan deal");
        Where("""<condition attribute="estimatedvalue" operator="not-null" />""").Should().HaveCount(3);
    }

    [Fact]
    public void Comparison_and_text_operators_are_understood()
    {
        Where("""<condition attribute="name" operator="ne" value="contoso renewal" />""").Should().HaveCount(3);
        Where("""<condition attribute="estimatedvalue" operator="lt" value="50000" />""").Should().Equal("Fabrikam pilot");
        Where("""<condition attribute="estimatedvalue" operator="le" value="50000" />""").Should().Equal("Contoso renewal", "Fabrikam pilot");
        Where("""<condition attribute="name" operator="like" value="%renewal" />""").Should().Equal("Contoso renewal");
        Where("""<condition attribute="name" operator="not-like" value="Contoso%" />""").Should().Equal("Fabrikam pilot", "Orphan deal");
        Where("""<condition attribute="name" operator="begins-with" value="fab" />""").Should().Equal("Fabrikam pilot");
        Where("""<condition attribute="name" operator="ends-with" value="DEAL" />""").Should().Equal("Orphan deal");
    }

    [Fact]
    public void Date_and_user_operators_are_understood()
    {
        Where("""<condition attribute="coach_nextinteractiondate" operator="on" value="2025-03-12" />""").Should().Equal("Contoso renewal");
        Where("""<condition attribute="coach_nextinteractiondate" operator="on-or-before" value="2025-03-12" />""").Should().Equal("Contoso renewal", "Fabrikam pilot");
        Where("""<condition attribute="coach_nextinteractiondate" operator="on-or-after" value="2025-03-12" />""").Should().Equal("Contoso renewal", "Contoso expansion");
        Where("""<condition attribute="coach_nextinteractiondate" operator="today" />""").Should().Equal("Contoso renewal");
        Where("""<condition attribute="coach_nextinteractiondate" operator="last-x-days" value="1" />""").Should().Equal("Contoso renewal");
        Where("""<condition attribute="coach_nextinteractiondate" operator="next-x-days" value="10" />""").Should().Equal("Contoso expansion");
        Where("""<condition attribute="coach_nextinteractiondate" operator="olderthan-x-days" value="30" />""").Should().Equal("Fabrikam pilot");
        Where("""<condition attribute="ownerid" operator="eq-userid" />""").Should().Equal("Contoso renewal");
    }

    [Fact]
    public void Nested_filters_combine_with_and_and_or()
    {
        Where("""
            <filter type="or">
              <condition attribute="coach_reviewflag" operator="eq" value="true" />
              <filter type="and">
                <condition attribute="estimatedvalue" operator="lt" value="10000" />
                <condition attribute="name" operator="like" value="Fab%" />
              </filter>
            </filter>
            """).Should().Equal("Contoso renewal", "Fabrikam pilot");
    }

    [Fact]
    public void Link_entities_join_inner_and_outer_with_aliased_attributes_filters_and_nesting()
    {
        var rows = _world.Fetch("""
            <fetch>
              <entity name="opportunity">
                <attribute name="name" />
                <link-entity name="account" from="accountid" to="parentaccountid" alias="acc" link-type="outer">
                  <attribute name="name" />
                  <attribute name="name" alias="accountname" />
                  <link-entity name="systemuser" from="systemuserid" to="ownerid" alias="manager" link-type="outer">
                    <attribute name="fullname" />
                  </link-entity>
                </link-entity>
              </entity>
            </fetch>
            """).Entities;

        rows.Should().HaveCount(4);
        var renewal = rows[0];
        renewal.GetAttributeValue<AliasedValue>("acc.name").Value.Should().Be("Contoso");
        renewal.GetAttributeValue<AliasedValue>("accountname").Value.Should().Be("Contoso");
        renewal.GetAttributeValue<AliasedValue>("manager.fullname").Value.Should().Be("Maria Manager");
        rows[2].Contains("manager.fullname").Should().BeFalse();
        rows[3].Contains("acc.name").Should().BeFalse();
    }

    [Fact]
    public void An_inner_link_with_a_filter_restricts_the_root_rows()
    {
        _world.FetchNames("""
            <fetch>
              <entity name="opportunity">
                <attribute name="name" />
                <link-entity name="account" from="accountid" to="parentaccountid" link-type="inner">
                  <filter><condition attribute="name" operator="eq" value="Fabrikam" /></filter>
                </link-entity>
              </entity>
            </fetch>
            """).Should().Equal("Fabrikam pilot");
    }

    [Fact]
    public void An_unaliased_link_entity_is_named_after_its_table_with_a_number()
    {
        var row = _world.Fetch("""
            <fetch top="1">
              <entity name="opportunity">
                <attribute name="name" />
                <link-entity name="account" from="accountid" to="parentaccountid"><attribute name="name" /></link-entity>
              </entity>
            </fetch>
            """).Entities.Single();

        row.GetAttributeValue<AliasedValue>("account1.name").Value.Should().Be("Contoso");
    }

    [Fact]
    public void A_condition_names_a_link_alias_through_entityname()
    {
        _world.FetchNames("""
            <fetch>
              <entity name="opportunity">
                <attribute name="name" />
                <filter><condition entityname="acc" attribute="accountid" operator="null" /></filter>
                <link-entity name="account" from="accountid" to="parentaccountid" alias="acc" link-type="outer" />
              </entity>
            </fetch>
            """).Should().Equal("Orphan deal");
    }

    [Fact]
    public void A_root_attribute_with_an_alias_comes_back_as_an_aliased_value()
    {
        var row = _world.Fetch("""
            <fetch top="1"><entity name="opportunity"><attribute name="name" alias="title" /></entity></fetch>
            """).Entities.Single();

        row.GetAttributeValue<AliasedValue>("title").Value.Should().Be("Contoso renewal");
        row.Contains("name").Should().BeFalse();
    }

    [Fact]
    public void Orders_sort_by_root_link_and_alias_attributes()
    {
        _world.FetchNames("""
            <fetch><entity name="opportunity"><attribute name="name" /><order attribute="estimatedvalue" descending="true" /></entity></fetch>
            """).Should().Equal("Contoso expansion", "Contoso renewal", "Fabrikam pilot", "Orphan deal");

        _world.FetchNames("""
            <fetch>
              <entity name="opportunity">
                <attribute name="name" />
                <order entityname="acc" attribute="name" descending="true" />
                <order attribute="name" />
                <link-entity name="account" from="accountid" to="parentaccountid" alias="acc" />
              </entity>
            </fetch>
            """).Should().Equal("Fabrikam pilot", "Contoso expansion", "Contoso renewal");

        _world.FetchNames("""
            <fetch>
              <entity name="opportunity">
                <attribute name="name" />
                <link-entity name="account" from="accountid" to="parentaccountid" alias="acc">
                  <attribute name="name" alias="accountname" />
                  <order alias="accountname" descending="true" />
                </link-entity>
              </entity>
            </fetch>
            """).Should().Equal("Fabrikam pilot", "Contoso renewal", "Contoso expansion");
    }

    [Fact]
    public void Top_limits_the_rows()
    {
        _world.FetchNames("""<fetch top="2"><entity name="opportunity"><attribute name="name" /></entity></fetch>""")
            .Should().Equal("Contoso renewal", "Contoso expansion");
    }

    [Fact]
    public void Count_page_and_paging_cookie_walk_through_the_pages()
    {
        var first = _world.Fetch("""<fetch count="3" page="1"><entity name="opportunity"><attribute name="name" /><order attribute="name" /></entity></fetch>""");
        first.MoreRecords.Should().BeTrue();

        var cookie = System.Security.SecurityElement.Escape(first.PagingCookie);
        var second = _world.Fetch($"""<fetch count="3" page="2" paging-cookie="{cookie}"><entity name="opportunity"><attribute name="name" /><order attribute="name" /></entity></fetch>""");

        first.Entities.Select(e => e.GetAttributeValue<string>("name")).Should().Equal("Contoso expansion", "Contoso renewal", "Fabrikam pilot");
        second.Entities.Select(e => e.GetAttributeValue<string>("name")).Should().Equal("Orphan deal");
        second.MoreRecords.Should().BeFalse();
    }

    [Fact]
    public void Returntotalrecordcount_reports_the_number_of_matching_rows()
    {
        var result = _world.Fetch("""<fetch count="1" page="1" returntotalrecordcount="true"><entity name="opportunity"><attribute name="name" /></entity></fetch>""");

        result.Entities.Should().ContainSingle();
        result.TotalRecordCount.Should().Be(4);
    }

    [Fact]
    public void Top_with_count_or_page_fails()
    {
        FluentActions.Invoking(() => _world.Fetch("""<fetch top="2" count="2" page="1"><entity name="opportunity" /></fetch>"""))
            .Should().Throw<InvalidQueryException>().WithMessage("*Top and PageInfo*");
    }

    [Fact]
    public void Distinct_returns_unique_rows()
    {
        _world.FetchNames("""
            <fetch distinct="true">
              <entity name="account">
                <attribute name="name" />
                <link-entity name="opportunity" from="parentaccountid" to="accountid" />
              </entity>
            </fetch>
            """).Should().Equal("Contoso", "Fabrikam");
    }

    [Fact]
    public void The_count_aggregate_returns_one_row_with_the_count_under_its_alias()
    {
        var result = _world.Fetch("""
            <fetch aggregate="true">
              <entity name="opportunity">
                <attribute name="opportunityid" alias="total" aggregate="count" />
                <attribute name="estimatedvalue" alias="valued" aggregate="countcolumn" />
                <attribute name="parentaccountid" alias="accounts" aggregate="countcolumn" distinct="true" />
              </entity>
            </fetch>
            """);

        var row = result.Entities.Should().ContainSingle().Subject;
        row.GetAttributeValue<AliasedValue>("total").Value.Should().Be(4);
        row.GetAttributeValue<AliasedValue>("valued").Value.Should().Be(3);
        row.GetAttributeValue<AliasedValue>("accounts").Value.Should().Be(2);
        row.GetAttributeValue<AliasedValue>("total").EntityLogicalName.Should().Be("opportunity");
    }

    [Fact]
    public void The_count_aggregate_respects_filters_and_links()
    {
        var row = _world.Fetch("""
            <fetch aggregate="true">
              <entity name="opportunity">
                <attribute name="opportunityid" alias="n" aggregate="count" />
                <filter><condition attribute="ownerid" operator="eq-userid" /></filter>
                <link-entity name="account" from="accountid" to="parentaccountid">
                  <filter><condition attribute="name" operator="eq" value="Contoso" /></filter>
                </link-entity>
              </entity>
            </fetch>
            """).Entities.Single();

        row.GetAttributeValue<AliasedValue>("n").Value.Should().Be(1);
    }

    [Fact]
    public void FetchXmlParser_turns_fetch_into_a_QueryExpression()
    {
        var parsed = FetchXmlParser.Parse("""
            <fetch top="5" distinct="true">
              <entity name="opportunity">
                <attribute name="name" />
                <filter type="or"><condition attribute="statecode" operator="eq" value="0" /></filter>
                <link-entity name="account" from="accountid" to="parentaccountid" alias="acc" link-type="outer" />
                <order attribute="name" descending="true" />
              </entity>
            </fetch>
            """);

        var query = parsed.Query;
        query.EntityName.Should().Be("opportunity");
        query.TopCount.Should().Be(5);
        query.Distinct.Should().BeTrue();
        query.ColumnSet.Columns.Should().Equal("name");
        query.Criteria.FilterOperator.Should().Be(LogicalOperator.Or);
        query.Criteria.Conditions.Single().Operator.Should().Be(ConditionOperator.Equal);
        var link = query.LinkEntities.Single();
        (link.LinkFromAttributeName, link.LinkToEntityName, link.LinkToAttributeName, link.JoinOperator, link.EntityAlias)
            .Should().Be(("parentaccountid", "account", "accountid", JoinOperator.LeftOuter, "acc"));
        query.Orders.Single().OrderType.Should().Be(OrderType.Descending);
        parsed.IsAggregate.Should().BeFalse();
    }
}
