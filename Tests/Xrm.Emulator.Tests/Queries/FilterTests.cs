using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

public class FilterTests
{
    private readonly QueryWorld _world = new();

    public FilterTests()
    {
        _world.Opportunity("Early small", ("salesstage", new OptionSetValue(0)), ("estimatedvalue", new Money(5000m)));
        _world.Opportunity("Early large", ("salesstage", new OptionSetValue(1)), ("estimatedvalue", new Money(90000m)));
        _world.Opportunity("Late large", ("salesstage", new OptionSetValue(3)), ("estimatedvalue", new Money(80000m)));
        _world.Opportunity("Late small", ("salesstage", new OptionSetValue(2)), ("estimatedvalue", new Money(1000m)), ("coach_reviewflag", true));
    }

    private static QueryExpression Opportunities() => new("opportunity") { ColumnSet = new ColumnSet("name") };

    [Fact]
    public void Conditions_of_a_filter_are_ANDed_by_default()
    {
        var query = Opportunities();
        query.Criteria.AddCondition("salesstage", ConditionOperator.LessEqual, 1);
        query.Criteria.AddCondition("estimatedvalue", ConditionOperator.GreaterThan, 10000);

        _world.Names(query).Should().Equal("Early large");
    }

    [Fact]
    public void An_OR_nested_in_an_AND_keeps_rows_meeting_the_AND_and_any_branch()
    {
        var query = Opportunities();
        query.Criteria.AddCondition("estimatedvalue", ConditionOperator.GreaterThan, 2000);
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("salesstage", ConditionOperator.Equal, 0);
        either.AddCondition("salesstage", ConditionOperator.Equal, 3);

        _world.Names(query).Should().Equal("Early small", "Late large");
    }

    [Fact]
    public void ANDs_nested_in_an_OR_are_alternatives()
    {
        var query = Opportunities();
        query.Criteria.FilterOperator = LogicalOperator.Or;
        var earlyLarge = query.Criteria.AddFilter(LogicalOperator.And);
        earlyLarge.AddCondition("salesstage", ConditionOperator.LessEqual, 1);
        earlyLarge.AddCondition("estimatedvalue", ConditionOperator.GreaterThan, 50000);
        var flagged = query.Criteria.AddFilter(LogicalOperator.And);
        flagged.AddCondition("coach_reviewflag", ConditionOperator.Equal, true);

        _world.Names(query).Should().Equal("Early large", "Late small");
    }

    /// <summary>
    /// The daily refresh's filter: a due date-time on or before now, or a text column that is null or differs. NotEqual
    /// never matches a null column, so a row with neither a due date nor a fingerprint is found only through Null.
    /// </summary>
    [Fact]
    public void An_OR_of_a_date_time_comparison_a_null_and_a_not_equal_on_custom_columns_in_QueryExpression_and_FetchXml()
    {
        var world = new QueryWorld();
        var now = QueryWorld.Now;
        world.Opportunity("Due", ("coach_signalsdueon", now.AddSeconds(-1)), ("coach_signalssettings", "current"));
        world.Opportunity("Due this second", ("coach_signalsdueon", now), ("coach_signalssettings", "current"));
        world.Opportunity("Due later", ("coach_signalsdueon", now.AddSeconds(1)), ("coach_signalssettings", "current"));
        world.Opportunity("Never due", ("coach_signalssettings", "current"));
        world.Opportunity("Other settings", ("coach_signalsdueon", now.AddDays(5)), ("coach_signalssettings", "older"));
        world.Opportunity("Never evaluated");

        var query = Opportunities();
        var due = query.Criteria.AddFilter(LogicalOperator.Or);
        due.AddCondition("coach_signalsdueon", ConditionOperator.LessEqual, now);
        due.AddCondition("coach_signalssettings", ConditionOperator.Null);
        due.AddCondition("coach_signalssettings", ConditionOperator.NotEqual, "current");
        var fetched = world.FetchNames($"""
            <fetch><entity name="opportunity"><attribute name="name" />
              <filter type="or">
                <condition attribute="coach_signalsdueon" operator="le" value="{now:yyyy-MM-ddTHH:mm:ssZ}" />
                <condition attribute="coach_signalssettings" operator="null" />
                <condition attribute="coach_signalssettings" operator="ne" value="current" />
              </filter>
            </entity></fetch>
            """);

        world.Names(query).Should().BeEquivalentTo("Due", "Due this second", "Other settings", "Never evaluated");
        fetched.Should().BeEquivalentTo("Due", "Due this second", "Other settings", "Never evaluated");
    }

    [Fact]
    public void An_empty_filter_inside_an_OR_is_ignored_rather_than_matching_everything()
    {
        var query = Opportunities();
        query.Criteria.FilterOperator = LogicalOperator.Or;
        query.Criteria.AddCondition("salesstage", ConditionOperator.Equal, 3);
        query.Criteria.AddFilter(new FilterExpression(LogicalOperator.And));

        _world.Names(query).Should().Equal("Late large");
    }

    [Fact]
    public void A_query_without_conditions_returns_every_row()
    {
        _world.Names(Opportunities()).Should().HaveCount(4);
    }

    [Fact]
    public void A_condition_naming_an_unknown_entity_fails()
    {
        var query = Opportunities();
        query.Criteria.AddCondition("nowhere", "name", ConditionOperator.Equal, "x");

        FluentActions.Invoking(() => _world.Run(query))
            .Should().Throw<InvalidQueryException>().WithMessage("*'nowhere'*neither the query's table nor a link-entity alias*");
    }

    [Fact]
    public void A_refused_condition_or_order_says_which_operator_column_and_entity_it_is_about()
    {
        string Refusal(QueryExpression query) =>
            FluentActions.Invoking(() => _world.Run(query)).Should().Throw<InvalidQueryException>().Which.Message;

        var twoValues = Opportunities();
        twoValues.Criteria.AddCondition("name", ConditionOperator.Equal, "a", "b");
        Refusal(twoValues).Should().Be("ConditionOperator.Equal on opportunity.name takes 1 value(s), but the condition has 2.");

        var text = Opportunities();
        text.Criteria.AddCondition("estimatedvalue", ConditionOperator.GreaterThan, "a lot");
        Refusal(text).Should().Be("The value 'a lot' cannot be compared with opportunity.estimatedvalue, which holds numeric (number, choice or money) values.");

        var order = Opportunities();
        order.Orders.Add(new OrderExpression("name", OrderType.Ascending) { EntityName = "nowhere" });
        Refusal(order).Should().StartWith("The order on 'name' refers to entity 'nowhere', which is neither the query's table nor a link-entity alias");

        var linked = Opportunities();
        linked.AddLink("account", "parentaccountid", "accountid").EntityAlias = "acc";
        linked.Criteria.AddCondition("acc", "name", ConditionOperator.BeginsWith, "A", "B");
        Refusal(linked).Should().Be("ConditionOperator.BeginsWith on acc.name takes 1 value(s), but the condition has 2.");
    }

    [Fact]
    public void A_condition_may_name_the_root_table_as_its_entity()
    {
        var query = Opportunities();
        query.Criteria.AddCondition("opportunity", "salesstage", ConditionOperator.Equal, 3);

        _world.Names(query).Should().Equal("Late large");
    }
}
