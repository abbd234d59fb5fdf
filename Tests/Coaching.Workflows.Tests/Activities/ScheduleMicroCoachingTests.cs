using System;
using System.Collections.Generic;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Coaching.Workflows.Activities;
using Coaching.Workflows.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace Coaching.Workflows.Tests.Activities;

/// <summary>ScheduleMicroCoaching: a process keeps the team at its cadence by scheduling sessions.</summary>
public class ScheduleMicroCoachingTests
{
    private readonly WorkflowTeam _team = new();

    private IReadOnlyDictionary<string, object?> Schedule(Guid deal, out Xrm.Emulator.Metering.PluginExecution execution) =>
        _team.Run(new ScheduleMicroCoaching(), new Dictionary<string, object?>
        {
            [ScheduleMicroCoaching.OpportunityInput] = new EntityReference(OpportunityTable.Name, deal),
        }, out execution);

    [Fact]
    public void It_schedules_a_cadence_session_on_the_deal_with_a_prep_task_for_the_rep()
    {
        var deal = _team.Deal();

        var outputs = Schedule(deal, out var execution);

        outputs[ScheduleMicroCoaching.CreatedOutput].Should().Be(true);
        outputs[ScheduleMicroCoaching.MessageOutput].Should().Be("Micro-coaching session started; the rep has a task to prepare for it.");
        var session = _team.Read(SessionTable.Name, ((EntityReference)outputs[ScheduleMicroCoaching.SessionOutput]!).Id,
            ActivityColumns.Regarding, ActivityColumns.Owner, SessionTable.Rep, SessionTable.Trigger, SessionTable.Step);
        session.GetAttributeValue<EntityReference>(ActivityColumns.Regarding).Id.Should().Be(deal);
        session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_team.Manager);
        session.GetAttributeValue<EntityReference>(SessionTable.Rep).Id.Should().Be(_team.Rep);
        session.GetAttributeValue<OptionSetValue>(SessionTable.Trigger).Value.Should().Be((int)SessionTrigger.Cadence);
        _team.Tasks(deal).Should().ContainSingle().Which.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_team.Rep);
        WorkflowTeam.Calls(execution).Should().Be("2 RetrieveMultiple opportunity, 1 Create coach_microcoachingsession, 1 Create task");
    }

    [Fact]
    public void A_deal_with_an_open_session_keeps_it_and_the_step_says_why()
    {
        var deal = _team.Deal();
        var first = (EntityReference)Schedule(deal, out _)[ScheduleMicroCoaching.SessionOutput]!;

        var outputs = Schedule(deal, out var execution);

        outputs[ScheduleMicroCoaching.CreatedOutput].Should().Be(false);
        ((EntityReference)outputs[ScheduleMicroCoaching.SessionOutput]!).Id.Should().Be(first.Id);
        outputs[ScheduleMicroCoaching.MessageOutput].Should().Be($"A micro-coaching session for this opportunity is still open (created {_team.Now:yyyy-MM-dd}).");
        WorkflowTeam.Calls(execution).Should().Be("2 RetrieveMultiple opportunity, 1 RetrieveMultiple coach_microcoachingsession");
    }

    [Fact]
    public void With_cadence_sessions_switched_off_nothing_is_scheduled_and_the_step_says_so()
    {
        _team.Emulator.SetEnvironmentVariable("coach_CoachingSettings", Core.Settings.CoachingSettings.DefaultJson, "{ \"sessions\": { \"triggers\": [\"Manual\"] } }");
        var deal = _team.Deal();

        var outputs = Schedule(deal, out _);

        outputs[ScheduleMicroCoaching.CreatedOutput].Should().Be(false);
        outputs[ScheduleMicroCoaching.SessionOutput].Should().BeNull();
        outputs[ScheduleMicroCoaching.MessageOutput].Should().Be("Sessions started by Cadence are switched off in coach_CoachingSettings.");
    }

    [Fact]
    public void A_closed_deal_fails_the_step_with_a_clear_message()
    {
        var deal = _team.Deal("Northwind expansion");
        _team.Close(deal, won: true);

        var schedule = () => Schedule(deal, out _);

        schedule.Should().Throw<InvalidPluginExecutionException>()
            .WithMessage("'Northwind expansion' is won: micro-coaching is for open opportunities. Reopen it to coach on it.");
    }
}
