using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

public class LinkEntityTests
{
    private readonly QueryWorld _world = new();
    private readonly Entity _manager;
    private readonly Entity _contoso;
    private readonly Entity _fabrikam;

    public LinkEntityTests()
    {
        _manager = _world.Add("systemuser", ("fullname", "Maria Manager"));
        _contoso = _world.Account("Contoso", ("industrycode", new OptionSetValue(7)), ("ownerid", new EntityReference("systemuser", _manager.Id)));
        _fabrikam = _world.Account("Fabrikam", ("industrycode", new OptionSetValue(3)));
        _world.Opportunity("Contoso renewal", ("parentaccountid", _contoso.ToEntityReference()));
        _world.Opportunity("Contoso expansion", ("parentaccountid", _contoso.ToEntityReference()));
        _world.Opportunity("Fabrikam pilot", ("parentaccountid", _fabrikam.ToEntityReference()));
        _world.Opportunity("Orphan deal");
    }

    private static QueryExpression Opportunities() => new("opportunity") { ColumnSet = new ColumnSet("name") };

    [Fact]
    public void Inner_link_drops_rows_without_a_match_and_returns_linked_columns_as_aliased_values()
    {
        var query = Opportunities();
        var account = query.AddLink("account", "parentaccountid", "accountid");
        account.EntityAlias = "acc";
        account.Columns = new ColumnSet("name", "industrycode");

        var rows = _world.Run(query).Entities;

        rows.Select(r => r.GetAttributeValue<string>("name")).Should().Equal("Contoso renewal", "Contoso expansion", "Fabrikam pilot");
        var name = rows[0].GetAttributeValue<AliasedValue>("acc.name");
        name.Value.Should().Be("Contoso");
        name.EntityLogicalName.Should().Be("account");
        name.AttributeLogicalName.Should().Be("name");
        rows[2].GetAttributeValue<AliasedValue>("acc.industrycode").Value.Should().BeEquivalentTo(new OptionSetValue(3));
    }

    [Fact]
    public void Outer_link_keeps_rows_without_a_match_and_returns_no_aliased_value()
    {
        var query = Opportunities();
        var account = query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter);
        account.EntityAlias = "acc";
        account.Columns = new ColumnSet("name");

        var rows = _world.Run(query).Entities;

        rows.Should().HaveCount(4);
        var orphan = rows.Single(r => r.GetAttributeValue<string>("name") == "Orphan deal");
        orphan.Attributes.Keys.Should().NotContain("acc.name");
    }

    [Fact]
    public void A_link_without_alias_is_named_after_its_table_numbered_per_table()
    {
        var query = Opportunities();
        query.AddLink("account", "parentaccountid", "accountid").Columns = new ColumnSet("name");
        query.AddLink("account", "parentaccountid", "accountid").Columns = new ColumnSet("industrycode");

        var row = _world.Run(query).Entities.First();

        row.GetAttributeValue<AliasedValue>("account1.name").Value.Should().Be("Contoso");
        row.GetAttributeValue<AliasedValue>("account2.industrycode").Value.Should().BeEquivalentTo(new OptionSetValue(7));
    }

    [Fact]
    public void Link_criteria_restrict_the_linked_rows_and_an_inner_link_then_drops_the_parent()
    {
        var query = Opportunities();
        var account = query.AddLink("account", "parentaccountid", "accountid");
        account.LinkCriteria.AddCondition("industrycode", ConditionOperator.Equal, 3);

        _world.Names(query).Should().Equal("Fabrikam pilot");
    }

    [Fact]
    public void Link_criteria_on_an_outer_link_keep_every_parent_and_only_link_the_matching_rows()
    {
        var query = Opportunities();
        var account = query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter);
        account.EntityAlias = "acc";
        account.Columns = new ColumnSet("name");
        account.LinkCriteria.AddCondition("industrycode", ConditionOperator.Equal, 3);

        var rows = _world.Run(query).Entities;

        rows.Should().HaveCount(4);
        rows.Where(r => r.Contains("acc.name")).Select(r => r.GetAttributeValue<string>("name")).Should().Equal("Fabrikam pilot");
    }

    [Fact]
    public void A_condition_on_an_outer_linked_column_evaluates_against_null_where_the_link_found_no_row()
    {
        // "Accounts without any opportunity": outer link, then Null on the linked id in the root criteria.
        _world.Account("Lonely account");
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var opportunity = query.AddLink("opportunity", "accountid", "parentaccountid", JoinOperator.LeftOuter);
        opportunity.EntityAlias = "opp";
        query.Criteria.AddCondition("opp", "opportunityid", ConditionOperator.Null);

        _world.Names(query).Should().Equal("Lonely account");
    }

    [Fact]
    public void A_condition_in_the_root_criteria_can_name_a_link_alias()
    {
        var query = Opportunities();
        var account = query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter);
        account.EntityAlias = "acc";
        query.Criteria.AddCondition("acc", "name", ConditionOperator.Equal, "contoso");

        _world.Names(query).Should().Equal("Contoso renewal", "Contoso expansion");
    }

    [Fact]
    public void A_one_to_many_link_returns_one_row_per_linked_record()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var opportunity = query.AddLink("opportunity", "accountid", "parentaccountid");
        opportunity.EntityAlias = "opp";
        opportunity.Columns = new ColumnSet("name");

        var rows = _world.Run(query).Entities;

        rows.Select(r => (string)r.GetAttributeValue<AliasedValue>("opp.name").Value)
            .Should().Equal("Contoso renewal", "Contoso expansion", "Fabrikam pilot");
        rows.Select(r => r.Id).Should().Equal(_contoso.Id, _contoso.Id, _fabrikam.Id);
    }

    [Fact]
    public void Nested_links_join_from_their_parent_link()
    {
        var query = Opportunities();
        var account = query.AddLink("account", "parentaccountid", "accountid");
        account.EntityAlias = "acc";
        var owner = account.AddLink("systemuser", "ownerid", "systemuserid");
        owner.EntityAlias = "manager";
        owner.Columns = new ColumnSet("fullname");

        var rows = _world.Run(query).Entities;

        rows.Select(r => r.GetAttributeValue<string>("name")).Should().Equal("Contoso renewal", "Contoso expansion");
        rows[0].GetAttributeValue<AliasedValue>("manager.fullname").Value.Should().Be("Maria Manager");
    }

    [Fact]
    public void An_inner_link_nested_in_an_outer_link_drops_rows_the_outer_link_could_not_match()
    {
        var query = Opportunities();
        var account = query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter);
        account.AddLink("systemuser", "ownerid", "systemuserid");

        _world.Names(query).Should().Equal("Contoso renewal", "Contoso expansion");
    }

    [Fact]
    public void A_link_with_all_columns_returns_every_linked_column_aliased()
    {
        var query = Opportunities();
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Fabrikam pilot");
        var account = query.AddLink("account", "parentaccountid", "accountid");
        account.EntityAlias = "acc";
        account.Columns = new ColumnSet(true);

        var row = _world.Run(query).Entities.Single();

        row.Attributes.Keys.Where(k => k.StartsWith("acc.", System.StringComparison.Ordinal))
            .Should().BeEquivalentTo("acc.accountid", "acc.name", "acc.industrycode");
    }

    [Fact]
    public void A_link_on_a_non_key_column_joins_through_the_index_of_that_column()
    {
        _world.Add("task", ("subject", "Prep call"), ("regardingobjectid", _contoso.ToEntityReference()));
        _world.Add("task", ("subject", "Send deck"), ("regardingobjectid", _contoso.ToEntityReference()));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var task = query.AddLink("task", "accountid", "regardingobjectid");
        task.EntityAlias = "t";
        task.Columns = new ColumnSet("subject");

        var rows = _world.Run(query, out var statistics).Entities;

        rows.Select(r => (string)r.GetAttributeValue<AliasedValue>("t.subject").Value).Should().BeEquivalentTo("Prep call", "Send deck");
        statistics.LinkRowsExamined.Should().Be(2);
    }

    [Fact]
    public void A_join_type_other_than_inner_or_outer_fails_naming_it()
    {
        var query = Opportunities();
        query.AddLink("account", "parentaccountid", "accountid", JoinOperator.Exists);

        FluentActions.Invoking(() => _world.Run(query))
            .Should().Throw<UnsupportedQueryException>().WithMessage("*JoinOperator.Exists*");
    }

    [Fact]
    public void Two_links_with_the_same_alias_fail()
    {
        var query = Opportunities();
        query.AddLink("account", "parentaccountid", "accountid").EntityAlias = "a";
        query.AddLink("systemuser", "ownerid", "systemuserid").EntityAlias = "a";

        FluentActions.Invoking(() => _world.Run(query))
            .Should().Throw<InvalidQueryException>().WithMessage("*alias 'a'*");
    }
}
