using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Tests.Queries;

/// <summary>
/// "Open deals that are due, or were computed with other settings, or never": the daily refresh's question, an OR of a
/// date range, a not-equal and a null test. The engine answers each part from the column's distinct values, so a
/// refresh that finds a few due deals reads those, not every open deal; the rows returned are those a full scan returns.
/// </summary>
public class ValueRangeCandidateTests
{
    private static readonly DateTime Now = QueryWorld.Now;
    private readonly QueryWorld _world = new();

    /// <summary>2,000 open deals due in the coming days with the current fingerprint, plus a few due now, stale or never computed.</summary>
    private void Seed()
    {
        for (var i = 0; i < 2000; i++)
        {
            _world.Opportunity($"Later {i}", ("statecode", new OptionSetValue(0)), ("coach_signalsdueon", Now.Date.AddDays(1 + (i % 40)).AddHours(i % 24)), ("coach_signalssettings", "a1b2"));
        }

        _world.Opportunity("Due at midnight", ("statecode", new OptionSetValue(0)), ("coach_signalsdueon", Now.Date), ("coach_signalssettings", "a1b2"));
        _world.Opportunity("Due this very moment", ("statecode", new OptionSetValue(0)), ("coach_signalsdueon", Now), ("coach_signalssettings", "A1B2"));
        _world.Opportunity("Old settings", ("statecode", new OptionSetValue(0)), ("coach_signalsdueon", Now.AddDays(3)), ("coach_signalssettings", "ffff"));
        _world.Opportunity("Never computed", ("statecode", new OptionSetValue(0)));
        _world.Opportunity("Closed and due", ("statecode", new OptionSetValue(1)), ("coach_signalsdueon", Now.AddDays(-2)), ("coach_signalssettings", "a1b2"));
        _world.Opportunity("No due moment", ("statecode", new OptionSetValue(0)), ("coach_signalssettings", "a1b2"));
    }

    private static QueryExpression DueDeals(bool withUnindexedPart = false)
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        var due = query.Criteria.AddFilter(LogicalOperator.Or);
        due.AddCondition("coach_signalsdueon", ConditionOperator.LessEqual, Now);
        due.AddCondition("coach_signalssettings", ConditionOperator.Null);
        due.AddCondition("coach_signalssettings", ConditionOperator.NotEqual, "a1b2");
        if (withUnindexedPart) due.AddCondition("name", ConditionOperator.BeginsWith, "No deal is named so");
        query.AddOrder("name", OrderType.Ascending);
        return query;
    }

    [Fact]
    public void The_refresh_question_reads_the_due_deals_not_every_open_deal()
    {
        Seed();

        var names = _world.Run(DueDeals(), out var statistics).Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();

        names.Should().Equal("Due at midnight", "Due this very moment", "Never computed", "Old settings");
        statistics.RowsExamined.Should().BeLessThan(10, "the closed deal is the only other candidate");
        statistics.IndexUsed.Should().Contain("coach_signalsdueon");
    }

    [Fact]
    public void The_narrowed_read_returns_what_scanning_every_open_deal_returns()
    {
        Seed();
        var narrowed = _world.Names(DueDeals());

        var scanned = _world.Run(DueDeals(withUnindexedPart: true), out var statistics).Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();

        statistics.IndexUsed.Should().Be("opportunity.statecode");
        narrowed.Should().Equal(scanned);
    }

    [Theory]
    [InlineData(ConditionOperator.LessThan, 1)]
    [InlineData(ConditionOperator.LessEqual, 3)]
    [InlineData(ConditionOperator.GreaterThan, 1)]
    [InlineData(ConditionOperator.GreaterEqual, 3)]
    [InlineData(ConditionOperator.NotEqual, 2)]
    public void Each_comparison_on_a_number_reads_only_the_rows_it_matches(ConditionOperator op, int expected)
    {
        foreach (var value in new[] { 10, 20, 20, 30 }) _world.Opportunity($"Deal {value}", ("estimatedvalue", new Money(value)));
        _world.Opportunity("No value");
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("estimatedvalue", op, 20);
        either.AddCondition("name", ConditionOperator.Equal, "nothing");

        var rows = _world.Run(query, out var statistics).Entities;

        rows.Should().HaveCount(expected);
        statistics.RowsExamined.Should().Be(expected, "the deals without a value are not read");
    }
}
