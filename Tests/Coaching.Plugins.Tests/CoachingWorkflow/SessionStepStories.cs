using System;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>SessionWorkflow: a session moves Determine → Compile → Conduct → Assign next steps → Follow up → Done.</summary>
public class SessionStepStories
{
    private readonly CoachingTeam _team = new();

    private SessionStep StepOf(Guid session) => (SessionStep)_team.Session(session).GetAttributeValue<OptionSetValue>(SessionTable.Step).Value;

    [Fact]
    public void A_session_created_at_Determine_moves_on_to_Compile()
    {
        var deal = _team.Deal();
        var session = _team.AsManager.Create(new Entity(SessionTable.Name)
        {
            [ActivityColumns.Subject] = "Micro-coaching: Contoso renewal",
            [ActivityColumns.Regarding] = new EntityReference(OpportunityTable.Name, deal),
            [SessionTable.Rep] = new EntityReference(SystemUserTable.Name, _team.Rep),
            [SessionTable.Step] = new OptionSetValue((int)SessionStep.Determine),
        });

        _team.MoveSession(session, SessionStep.Compile);

        StepOf(session).Should().Be(SessionStep.Compile);
    }

    [Fact]
    public void Conducting_starts_the_conversation_clock_once_the_rep_has_compiled_the_next_interaction()
    {
        var session = _team.StartSession(_team.Deal());

        _team.MoveSession(session, SessionStep.Conduct);

        var conducted = _team.Session(session);
        conducted.GetAttributeValue<OptionSetValue>(SessionTable.Step).Value.Should().Be((int)SessionStep.Conduct);
        conducted.GetAttributeValue<DateTime?>(ActivityColumns.ActualStart).Should().Be(_team.Now);
    }

    [Fact]
    public void Conducting_is_refused_until_the_deal_has_a_next_interaction_goal_and_date()
    {
        var deal = _team.Deal("Fabrikam pilot", with: d =>
        {
            d[OpportunityTable.SalesStage] = new OptionSetValue(0);
            d.Attributes.Remove(OpportunityTable.NextInteractionDate);
            d[OpportunityTable.NextInteractionGoal] = "Demo";
        });
        var session = _team.StartSession(deal);

        var conduct = () => _team.MoveSession(session, SessionStep.Conduct);

        conduct.Should().Throw<InvalidPluginExecutionException>().WithMessage(
            "Before conducting the micro-coaching session, update 'Fabrikam pilot': fill in Next interaction goal (at least 15 characters; it has 4) and a Next interaction date in the future.");
        StepOf(session).Should().Be(SessionStep.Compile, "a refused step change saves nothing");
    }

    [Fact]
    public void Skipping_a_step_is_refused_naming_the_next_one()
    {
        var session = _team.StartSession(_team.Deal());

        var skip = () => _team.MoveSession(session, SessionStep.AssignNextSteps);

        skip.Should().Throw<InvalidPluginExecutionException>().WithMessage("Move the session one step at a time: after Compile comes Conduct.");
    }

    [Fact]
    public void Done_is_reached_from_Follow_up_only()
    {
        var session = _team.StartSession(_team.Deal());
        _team.MoveSession(session, SessionStep.Conduct);

        var finishEarly = () => _team.MoveSession(session, SessionStep.Done);

        finishEarly.Should().Throw<InvalidPluginExecutionException>().WithMessage("Move the session one step at a time: after Conduct comes Assign next steps.");
    }

    [Theory]
    [InlineData("", "Assign between 1 and 3 action items, one per line; found 0.")]
    [InlineData("Send the ROI sheet\nBook the CFO\nShare the pilot plan\nCall the champion", "Assign between 1 and 3 action items, one per line; found 4.")]
    public void Follow_up_needs_one_to_three_action_items(string actionItems, string message)
    {
        var session = _team.StartSession(_team.Deal());
        _team.MoveSession(session, SessionStep.Conduct);
        _team.MoveSession(session, SessionStep.AssignNextSteps);

        var followUp = () => _team.MoveSession(session, SessionStep.FollowUp, actionItems);

        followUp.Should().Throw<InvalidPluginExecutionException>().WithMessage(message);
        _team.Tasks(_team.Read(SessionTable.Name, session, ActivityColumns.Regarding).GetAttributeValue<EntityReference>(ActivityColumns.Regarding).Id, TaskTable.ActionItemSubcategory)
            .Should().BeEmpty("a refused step change creates no tasks");
    }

    [Fact]
    public void Clearing_the_step_is_refused()
    {
        var session = _team.StartSession(_team.Deal());

        var clear = () => _team.AsManager.Update(new Entity(SessionTable.Name, session) { [SessionTable.Step] = null });

        clear.Should().Throw<InvalidPluginExecutionException>().WithMessage("Choose a coaching step*");
    }

    [Fact]
    public void Going_back_to_redo_a_step_is_allowed()
    {
        var session = _team.StartSession(_team.Deal());
        _team.MoveSession(session, SessionStep.Conduct);

        _team.MoveSession(session, SessionStep.Compile);

        StepOf(session).Should().Be(SessionStep.Compile);
    }

    [Fact]
    public void Agreeing_next_steps_gives_the_rep_one_task_per_action_item_due_before_the_next_interaction()
    {
        var deal = _team.Deal();
        var interaction = _team.Now.AddDays(3);
        var session = _team.StartSession(deal);

        _team.AgreeNextSteps(session, "- Send the ROI sheet\n- Book the CFO for the pilot review");

        var actionItems = _team.Tasks(deal, TaskTable.ActionItemSubcategory);
        actionItems.Select(t => t.GetAttributeValue<string>(ActivityColumns.Subject))
            .Should().Equal("Action item: Send the ROI sheet", "Action item: Book the CFO for the pilot review");
        actionItems.Should().OnlyContain(t =>
            t.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id == _team.Rep
            && t.GetAttributeValue<EntityReference>(ActivityColumns.Regarding).Id == deal
            && t.GetAttributeValue<string>(TaskTable.Category) == TaskTable.CoachingCategory
            && t.GetAttributeValue<DateTime>(ActivityColumns.Due) == interaction.AddHours(-24));
        actionItems[0].GetAttributeValue<string>(ActivityColumns.Description).Should().Contain("Goal of that interaction: " + CoachingTeam.GoodGoal);
    }

    [Fact]
    public void Agreeing_next_steps_gives_the_manager_a_follow_up_between_the_action_items_and_the_interaction()
    {
        var deal = _team.Deal();
        var interaction = _team.Now.AddDays(3);
        var session = _team.StartSession(deal);

        _team.AgreeNextSteps(session, "Send the ROI sheet");

        var followUp = _team.Tasks(deal, TaskTable.FollowUpSubcategory).Should().ContainSingle().Subject;
        followUp.GetAttributeValue<string>(ActivityColumns.Subject).Should().Be("Follow up micro-coaching: Contoso renewal");
        followUp.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_team.Manager);
        followUp.GetAttributeValue<EntityReference>(ActivityColumns.Regarding).Id.Should().Be(deal);
        followUp.GetAttributeValue<string>(TaskTable.Category).Should().Be(TaskTable.CoachingCategory);
        followUp.GetAttributeValue<DateTime>(ActivityColumns.Due).Should().Be(interaction.AddHours(-12));
        followUp.GetAttributeValue<string>(ActivityColumns.Description).Should().Contain("- Send the ROI sheet");
        _team.Session(session).GetAttributeValue<DateTime?>(SessionTable.FollowUpDue).Should().Be(interaction.AddHours(-12));
    }

    [Fact]
    public void Going_back_to_Assign_next_steps_and_on_again_creates_nothing_twice()
    {
        var deal = _team.Deal();
        var session = _team.StartSession(deal);
        _team.AgreeNextSteps(session, "Send the ROI sheet\nBook the CFO");

        _team.MoveSession(session, SessionStep.AssignNextSteps);
        _team.MoveSession(session, SessionStep.FollowUp, "Send the ROI sheet\nBook the CFO");

        _team.Tasks(deal, TaskTable.ActionItemSubcategory).Should().HaveCount(2);
        _team.Tasks(deal, TaskTable.FollowUpSubcategory).Should().ContainSingle();
    }

    [Fact]
    public void Done_stamps_the_deal_as_coached_records_the_duration_and_completes_the_session()
    {
        var deal = _team.Deal();
        var session = _team.StartSession(deal);
        _team.MoveSession(session, SessionStep.Conduct);
        _team.Emulator.AdvanceTime(TimeSpan.FromMinutes(25));
        _team.MoveSession(session, SessionStep.AssignNextSteps);
        _team.MoveSession(session, SessionStep.FollowUp, "Send the ROI sheet");
        _team.Emulator.AdvanceTime(TimeSpan.FromDays(2));

        _team.MoveSession(session, SessionStep.Done);

        var done = _team.Session(session);
        done.GetAttributeValue<int?>(SessionTable.DurationMinutes).Should().Be(25);
        done.GetAttributeValue<OptionSetValue>(ActivityColumns.State).Value.Should().Be(1, "a done session is a completed activity");
        done.GetAttributeValue<OptionSetValue>(ActivityColumns.Status).Value.Should().Be(SessionTable.CompletedStatus);
        _team.Read(OpportunityTable.Name, deal, OpportunityTable.LastCoachedOn).GetAttributeValue<DateTime?>(OpportunityTable.LastCoachedOn)
            .Should().Be(_team.Now);
    }

    [Fact]
    public void A_session_on_a_deal_won_meanwhile_can_still_be_done_and_leaves_the_closed_deal_untouched()
    {
        var deal = _team.Deal();
        var session = _team.StartSession(deal);
        _team.AgreeNextSteps(session, "Send the ROI sheet");
        _team.Close(deal, won: true);

        _team.MoveSession(session, SessionStep.Done);

        _team.Session(session).GetAttributeValue<OptionSetValue>(ActivityColumns.State).Value.Should().Be(1, "the session is completed");
        _team.Read(OpportunityTable.Name, deal, OpportunityTable.LastCoachedOn).GetAttributeValue<DateTime?>(OpportunityTable.LastCoachedOn)
            .Should().BeNull("a won deal is read-only; the stamp only ranks open deals on the agenda");
    }

    [Fact]
    public void A_session_longer_than_the_maximum_is_reported_not_blocked()
    {
        var session = _team.StartSession(_team.Deal());
        _team.MoveSession(session, SessionStep.Conduct);
        _team.Emulator.AdvanceTime(TimeSpan.FromMinutes(45));
        _team.MoveSession(session, SessionStep.AssignNextSteps);
        _team.MoveSession(session, SessionStep.FollowUp, "Send the ROI sheet");

        _team.MoveSession(session, SessionStep.Done);

        _team.Session(session).GetAttributeValue<int?>(SessionTable.DurationMinutes).Should().Be(45);
        _team.Emulator.TraceLines("SessionWorkflowPlugin")
            .Should().Contain("Session took 45 minutes, over the 30-minute maximum: reported in the coaching cadence, not blocked");
    }

    [Fact]
    public void A_duration_the_manager_entered_is_kept()
    {
        var session = _team.StartSession(_team.Deal());
        _team.AgreeNextSteps(session, "Send the ROI sheet");

        _team.AsManager.Update(new Entity(SessionTable.Name, session)
        {
            [SessionTable.Step] = new OptionSetValue((int)SessionStep.Done),
            [SessionTable.DurationMinutes] = 20,
        });

        _team.Session(session).GetAttributeValue<int?>(SessionTable.DurationMinutes).Should().Be(20);
    }

    [Fact]
    public void A_done_session_cannot_be_reopened()
    {
        var session = _team.StartSession(_team.Deal());
        _team.AgreeNextSteps(session, "Send the ROI sheet");
        _team.MoveSession(session, SessionStep.Done);

        var reopen = () => _team.MoveSession(session, SessionStep.FollowUp);

        reopen.Should().Throw<InvalidPluginExecutionException>().WithMessage("This micro-coaching session is done; start a new session instead of reopening it.");
    }
}
