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
    public void A_condition_may_name_the_root_table_as_its_entity()
    {
        var query = Opportunities();
        query.Criteria.AddCondition("opportunity", "salesstage", ConditionOperator.Equal, 3);

        _world.Names(query).Should().Equal("Late large");
    }
}
