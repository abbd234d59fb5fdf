using System;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>coach_GetCoachingCadence: sessions per rep this week against the target of three.</summary>
public class CoachingCadenceStories
{
    private readonly CoachingTeam _team = new();
    private readonly DateTime _monday;

    public CoachingCadenceStories()
    {
        _monday = _team.Now.Date; // the emulator's clock starts on a Monday morning

        // Rick: one session coached through the steps today (25 minutes) and one logged on Wednesday (40 minutes).
        var session = _team.StartSession(_team.Deal());
        _team.MoveSession(session, SessionStep.Conduct);
        _team.Emulator.AdvanceTime(TimeSpan.FromMinutes(25));
        _team.MoveSession(session, SessionStep.AssignNextSteps);
        _team.MoveSession(session, SessionStep.FollowUp, "Send the ROI sheet");
        LogSession(_team.Rep, _monday.AddDays(2).AddHours(10), minutes: 40);

        // Not this week's, not yet held, and another manager's rep: none of them count.
        LogSession(_team.Rep, _monday.AddDays(-3), minutes: 20);
        LogSession(_team.Rep, _monday.AddDays(3), minutes: null);
        var otherRep = _team.Emulator.AddUser("Omar Other", _team.Emulator.AddUser("Olga Other"));
        LogSession(otherRep, _monday.AddHours(11), minutes: 15);
    }

    private void LogSession(Guid rep, DateTime start, int? minutes) =>
        _team.AsManager.Create(new Entity(SessionTable.Name)
        {
            [ActivityColumns.Subject] = "Micro-coaching",
            [SessionTable.Rep] = new EntityReference(SystemUserTable.Name, rep),
            [ActivityColumns.ActualStart] = start,
            [ActivityColumns.ActualEnd] = minutes.HasValue ? start.AddMinutes(minutes.Value) : null,
            [SessionTable.DurationMinutes] = minutes,
        });

    private OrganizationResponse Cadence(Guid manager, DateTime weekStart) =>
        _team.AsManager.Execute(new OrganizationRequest(CoachingCadenceMessage.Name)
        {
            [CoachingCadenceMessage.ManagerId] = manager,
            [CoachingCadenceMessage.WeekStart] = weekStart,
        });

    [Fact]
    public void Each_rep_shows_sessions_held_target_minutes_and_shortfall()
    {
        var reps = ((EntityCollection)Cadence(_team.Manager, _monday)[CoachingCadenceMessage.Reps]).Entities;

        reps.Select(r => r.GetAttributeValue<string>(CadenceRow.RepName)).Should().Equal("Rick Rep", "Sofia Seller");
        var rick = reps[0];
        rick.GetAttributeValue<EntityReference>(CadenceRow.Rep).Id.Should().Be(_team.Rep);
        rick.GetAttributeValue<int>(CadenceRow.Held).Should().Be(2);
        rick.GetAttributeValue<int>(CadenceRow.Target).Should().Be(3);
        rick.GetAttributeValue<int>(CadenceRow.Minutes).Should().Be(65);
        rick.GetAttributeValue<int>(CadenceRow.Shortfall).Should().Be(1);
        rick.GetAttributeValue<int>(CadenceRow.OverlongSessions).Should().Be(1);
        var sofia = reps[1];
        sofia.GetAttributeValue<int>(CadenceRow.Held).Should().Be(0);
        sofia.GetAttributeValue<int>(CadenceRow.Shortfall).Should().Be(3);
    }

    [Fact]
    public void The_summary_reads_as_one_line_for_the_team()
    {
        Cadence(_team.Manager, _monday)[CoachingCadenceMessage.Summary].Should().Be(
            "2 of 2 reps below the target of 3 sessions: 4 sessions short (2 sessions held, 65 minutes). 1 session ran over the 30-minute maximum.");
    }

    [Fact]
    public void Last_week_is_counted_on_its_own()
    {
        var reps = ((EntityCollection)Cadence(_team.Manager, _monday.AddDays(-7))[CoachingCadenceMessage.Reps]).Entities;

        reps.Single(r => r.GetAttributeValue<EntityReference>(CadenceRow.Rep).Id == _team.Rep).GetAttributeValue<int>(CadenceRow.Held).Should().Be(1);
    }
}
