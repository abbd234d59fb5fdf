using System;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

/// <summary>The clock is <see cref="QueryWorld.Now"/>: Wednesday 12 March 2025, 14:30 UTC.</summary>
public class DateOperatorTests
{
    private readonly QueryWorld _world = new();

    private static DateTime At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private void Interaction(string name, DateTime when) => _world.Opportunity(name, ("coach_nextinteractiondate", when));

    private System.Collections.Generic.List<string> Where(ConditionOperator op, params object[] values) =>
        _world.OpportunitiesWhere("coach_nextinteractiondate", op, values);

    [Fact]
    public void On_OnOrBefore_and_OnOrAfter_compare_the_UTC_date_part()
    {
        Interaction("11th late", At(11, 23, 59));
        Interaction("12th early", At(12, 0, 0));
        Interaction("12th evening", At(12, 22));
        Interaction("13th", At(13, 9));

        Where(ConditionOperator.On, At(12, 15)).Should().Equal("12th early", "12th evening");
        Where(ConditionOperator.OnOrBefore, At(12, 1)).Should().Equal("11th late", "12th early", "12th evening");
        Where(ConditionOperator.OnOrAfter, At(12, 23)).Should().Equal("12th early", "12th evening", "13th");
    }

    [Fact]
    public void Today_Yesterday_and_Tomorrow_cover_whole_UTC_days()
    {
        Interaction("Yesterday", At(11, 8));
        Interaction("Today before now", At(12, 0, 0));
        Interaction("Today after now", At(12, 23, 59));
        Interaction("Tomorrow", At(13, 8));

        Where(ConditionOperator.Today).Should().Equal("Today before now", "Today after now");
        Where(ConditionOperator.Yesterday).Should().Equal("Yesterday");
        Where(ConditionOperator.Tomorrow).Should().Equal("Tomorrow");
    }

    [Fact]
    public void LastXDays_runs_from_midnight_X_days_ago_up_to_now()
    {
        Interaction("Before the window", At(9, 23, 59));
        Interaction("Start of the window", At(10, 0));
        Interaction("Earlier today", At(12, 9));
        Interaction("Later today", At(12, 16));

        Where(ConditionOperator.LastXDays, 2).Should().Equal("Start of the window", "Earlier today");
    }

    [Fact]
    public void NextXDays_runs_from_now_to_the_end_of_the_Xth_day()
    {
        Interaction("Earlier today", At(12, 9));
        Interaction("Later today", At(12, 16));
        Interaction("End of the window", At(14, 23, 59));
        Interaction("After the window", At(15, 0));

        Where(ConditionOperator.NextXDays, 2).Should().Equal("Later today", "End of the window");
    }

    [Fact]
    public void LastXHours_and_NextXHours_count_whole_hours_from_the_current_one()
    {
        Interaction("Three hours ago", At(12, 11, 10));
        Interaction("Two hours ago", At(12, 12, 10));
        Interaction("In an hour", At(12, 15, 40));
        Interaction("In three hours", At(12, 17, 40));

        Where(ConditionOperator.LastXHours, 2).Should().Equal("Two hours ago");
        Where(ConditionOperator.NextXHours, 2).Should().Equal("In an hour");
    }

    [Fact]
    public void OlderThanXDays_and_OlderThanXMonths_match_dates_before_the_boundary()
    {
        Interaction("Five days ago", At(7, 10));
        Interaction("Three days ago", At(9, 10));
        Interaction("Two months ago", new DateTime(2025, 1, 11, 10, 0, 0, DateTimeKind.Utc));

        Where(ConditionOperator.OlderThanXDays, 4).Should().Equal("Five days ago", "Two months ago");
        Where(ConditionOperator.OlderThanXMonths, 1).Should().Equal("Two months ago");
    }

    [Fact]
    public void Relative_operators_accept_the_count_as_text_as_FetchXML_sends_it()
    {
        Interaction("Yesterday", At(11, 10));

        Where(ConditionOperator.LastXDays, "1").Should().Equal("Yesterday");
    }

    [Fact]
    public void Local_and_unspecified_times_are_compared_in_UTC()
    {
        Interaction("Noon UTC", At(12, 12));

        Where(ConditionOperator.Equal, At(12, 12).ToLocalTime()).Should().Equal("Noon UTC");
        Where(ConditionOperator.Equal, DateTime.SpecifyKind(At(12, 12), DateTimeKind.Unspecified)).Should().Equal("Noon UTC");
    }

    [Fact]
    public void Date_operators_on_a_text_column_fail()
    {
        _world.Opportunity("Any");

        FluentActions.Invoking(() => _world.OpportunitiesWhere("name", ConditionOperator.Today))
            .Should().Throw<InvalidQueryException>().WithMessage("*Today applies to date and time columns*opportunity.name*");
    }

    [Fact]
    public void A_negative_or_missing_period_count_fails()
    {
        Interaction("Any", At(12, 9));

        FluentActions.Invoking(() => Where(ConditionOperator.LastXDays, -1)).Should().Throw<InvalidQueryException>();
        FluentActions.Invoking(() => Where(ConditionOperator.NextXDays)).Should().Throw<InvalidQueryException>();
    }
}
