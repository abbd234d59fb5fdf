using System;
using System.Collections.Generic;
using Coaching.Workflows.Activities;
using Coaching.Workflows.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace Coaching.Workflows.Tests.Activities;

/// <summary>CheckCoachingCadence: a weekly process reminds a manager who is behind on coaching.</summary>
public class CheckCoachingCadenceTests
{
    private readonly WorkflowTeam _team = new();
    private readonly DateTime _monday;

    public CheckCoachingCadenceTests()
    {
        _monday = _team.Now.Date; // the emulator's clock starts on a Monday morning
        _team.LogSession(_team.Rep, _monday.AddHours(9), 20);
        _team.LogSession(_team.Rep, _monday.AddDays(1).AddHours(9), 25);
        _team.LogSession(_team.Rep, _monday.AddDays(2).AddHours(9), 40);
        _team.LogSession(_team.OtherRep, _monday.AddDays(1).AddHours(14), 30);
        _team.LogSession(_team.OtherRep, _monday.AddDays(-4), 30); // last week
    }

    private IReadOnlyDictionary<string, object?> Check(DateTime? weekStart, out Xrm.Emulator.Metering.PluginExecution execution)
    {
        var inputs = new Dictionary<string, object?> { [CheckCoachingCadence.ManagerInput] = new EntityReference("systemuser", _team.Manager) };
        if (weekStart != null) inputs[CheckCoachingCadence.WeekStartInput] = weekStart.Value;
        return _team.Run(new CheckCoachingCadence(), inputs, out execution);
    }

    [Fact]
    public void The_team_totals_show_who_is_behind()
    {
        var outputs = Check(_monday, out var execution);

        outputs[CheckCoachingCadence.SessionsHeldOutput].Should().Be(4);
        outputs[CheckCoachingCadence.SessionsTargetOutput].Should().Be(6);
        outputs[CheckCoachingCadence.ShortfallOutput].Should().Be(2);
        outputs[CheckCoachingCadence.RepsBelowTargetOutput].Should().Be(1);
        outputs[CheckCoachingCadence.MeetsTargetOutput].Should().Be(false);
        outputs[CheckCoachingCadence.SummaryOutput].Should().Be(
            "1 of 2 reps below the target of 3 sessions: 2 sessions short (4 sessions held, 115 minutes). 1 session ran over the 30-minute maximum.");
        WorkflowTeam.Calls(execution).Should().Be("1 RetrieveMultiple systemuser");
    }

    [Fact]
    public void Without_a_week_start_the_current_week_is_checked()
    {
        _team.Emulator.AdvanceTime(TimeSpan.FromDays(3)); // Thursday

        Check(null, out _)[CheckCoachingCadence.SessionsHeldOutput].Should().Be(4);
    }

    [Fact]
    public void A_team_at_target_meets_it()
    {
        _team.LogSession(_team.OtherRep, _monday.AddDays(3).AddHours(9), 20);
        _team.LogSession(_team.OtherRep, _monday.AddDays(4).AddHours(9), 20);

        var outputs = Check(_monday, out _);

        outputs[CheckCoachingCadence.MeetsTargetOutput].Should().Be(true);
        outputs[CheckCoachingCadence.ShortfallOutput].Should().Be(0);
    }
}
