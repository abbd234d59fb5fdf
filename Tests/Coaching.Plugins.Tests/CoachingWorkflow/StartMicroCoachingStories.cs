using System;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>coach_StartMicroCoaching: the "Start micro-coaching" button on the opportunity form.</summary>
public class StartMicroCoachingStories
{
    private readonly CoachingTeam _team = new();

    [Fact]
    public void The_button_starts_a_manual_session_owned_by_the_manager_and_gives_the_rep_a_prep_task()
    {
        var deal = _team.Deal();

        var response = _team.StartMicroCoaching(deal);

        response[StartMicroCoachingMessage.Created].Should().Be(true);
        response[StartMicroCoachingMessage.Message].Should().Be("Micro-coaching session started; the rep has a task to prepare for it.");
        var session = _team.Read(
            SessionTable.Name, ((EntityReference)response[StartMicroCoachingMessage.Session]).Id,
            ActivityColumns.Regarding, ActivityColumns.Owner, SessionTable.Rep, SessionTable.Trigger, SessionTable.Step);
        session.GetAttributeValue<EntityReference>(ActivityColumns.Regarding).Id.Should().Be(deal);
        session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_team.Manager);
        session.GetAttributeValue<EntityReference>(SessionTable.Rep).Id.Should().Be(_team.Rep);
        session.GetAttributeValue<OptionSetValue>(SessionTable.Trigger).Value.Should().Be((int)SessionTrigger.Manual);
        session.GetAttributeValue<OptionSetValue>(SessionTable.Step).Value.Should().Be((int)SessionStep.Compile);
        _team.Tasks(deal).Should().ContainSingle(t => t.GetAttributeValue<string>(ActivityColumns.Subject) == "Prepare for micro-coaching: Contoso renewal");
    }

    [Fact]
    public void Pressing_it_again_returns_the_open_session_with_the_reason_instead_of_a_second_one()
    {
        var deal = _team.Deal();
        var first = _team.StartSession(deal);

        var again = _team.StartMicroCoaching(deal);

        again[StartMicroCoachingMessage.Created].Should().Be(false);
        ((EntityReference)again[StartMicroCoachingMessage.Session]).Id.Should().Be(first);
        again[StartMicroCoachingMessage.Message].Should().Be($"A micro-coaching session for this opportunity is still open (created {_team.Now:yyyy-MM-dd}).");
        _team.Tasks(deal).Should().ContainSingle("no second prep task either");
    }

    [Fact]
    public void A_session_done_within_the_dedupe_window_is_returned_too()
    {
        var deal = _team.Deal();
        var first = _team.StartSession(deal);
        _team.AgreeNextSteps(first, "Send the ROI sheet");
        _team.MoveSession(first, SessionStep.Done);
        _team.Emulator.AdvanceTime(TimeSpan.FromDays(2));

        var again = _team.StartMicroCoaching(deal);

        again[StartMicroCoachingMessage.Created].Should().Be(false);
        ((EntityReference)again[StartMicroCoachingMessage.Session]).Id.Should().Be(first);
        again[StartMicroCoachingMessage.Message].Should().Be($"A micro-coaching session for this opportunity was created on {_team.Now.AddDays(-2):yyyy-MM-dd}, within the last 7 days.");
    }

    [Fact]
    public void A_closed_deal_is_refused()
    {
        var deal = _team.Deal("Northwind expansion");
        _team.Close(deal, won: false);

        var start = () => _team.StartMicroCoaching(deal);

        start.Should().Throw<InvalidPluginExecutionException>()
            .WithMessage("'Northwind expansion' is lost: micro-coaching is for open opportunities. Reopen it to coach on it.");
    }

    [Fact]
    public void With_manual_starts_switched_off_the_button_says_so()
    {
        var team = new CoachingTeam("{ \"sessions\": { \"triggers\": [\"StageChange\", \"ReviewFlag\"] } }");
        var deal = team.Deal();

        var start = () => team.StartMicroCoaching(deal);

        start.Should().Throw<InvalidPluginExecutionException>().WithMessage("Sessions started by Manual are switched off in coach_CoachingSettings.");
    }
}
