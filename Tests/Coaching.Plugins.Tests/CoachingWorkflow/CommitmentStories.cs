using System;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>CommitmentFollowThrough: each new session starts with the previous session's commitments checked.</summary>
public class CommitmentStories
{
    private readonly CoachingTeam _team = new();

    /// <summary>A week later (past the dedupe window), with the next interaction moved ahead, the manager starts the next session.</summary>
    private Guid NextSessionAWeekLater(Guid deal)
    {
        _team.Emulator.AdvanceTime(TimeSpan.FromDays(8));
        _team.AsRep.Update(new Entity(OpportunityTable.Name, deal) { [OpportunityTable.NextInteractionDate] = _team.Now.AddDays(3) });
        return _team.StartSession(deal);
    }

    private Guid ActionItemTask(Guid deal, string item) =>
        _team.Tasks(deal, TaskTable.ActionItemSubcategory).Single(t => t.GetAttributeValue<string>(ActivityColumns.Subject) == "Action item: " + item).Id;

    [Fact]
    public void The_first_session_on_a_deal_has_nothing_to_follow_up()
    {
        var session = _team.Session(_team.StartSession(_team.Deal()));

        session.GetAttributeValue<int?>(SessionTable.CommitmentsKept).Should().BeNull();
        session.GetAttributeValue<int?>(SessionTable.CommitmentsMissed).Should().BeNull();
        session.FormattedValues[SessionTable.ExecutionConcern].Should().Be("None");
    }

    [Fact]
    public void The_next_session_counts_the_action_items_kept_and_missed()
    {
        var deal = _team.Deal();
        var first = _team.StartSession(deal);
        _team.AgreeNextSteps(first, "Send the ROI sheet\nBook the CFO");
        _team.Complete(TaskTable.Name, ActionItemTask(deal, "Send the ROI sheet")); // done on time; the other is left open past its due date
        _team.MoveSession(first, SessionStep.Done);

        var second = _team.Session(NextSessionAWeekLater(deal));

        second.GetAttributeValue<int?>(SessionTable.CommitmentsKept).Should().Be(1);
        second.GetAttributeValue<int?>(SessionTable.CommitmentsMissed).Should().Be(1);
        second.FormattedValues[SessionTable.ExecutionConcern].Should().Be("None", "one session with a miss is not yet a pattern");
    }

    [Fact]
    public void Missing_commitments_in_two_consecutive_sessions_raises_the_execution_concern()
    {
        var deal = _team.Deal();
        var first = _team.StartSession(deal);
        _team.AgreeNextSteps(first, "Send the ROI sheet");
        _team.MoveSession(first, SessionStep.Done);
        var second = NextSessionAWeekLater(deal);
        _team.AgreeNextSteps(second, "Book the CFO");
        _team.MoveSession(second, SessionStep.Done);

        var third = _team.Session(NextSessionAWeekLater(deal));

        _team.Session(second).GetAttributeValue<int?>(SessionTable.CommitmentsMissed).Should().Be(1);
        third.GetAttributeValue<int?>(SessionTable.CommitmentsMissed).Should().Be(1);
        third.FormattedValues[SessionTable.ExecutionConcern].Should().Be("Will", "missing agreed actions again is an execution problem, not a skill problem");
    }

    [Fact]
    public void Keeping_the_commitments_after_a_miss_clears_the_concern()
    {
        var deal = _team.Deal();
        var first = _team.StartSession(deal);
        _team.AgreeNextSteps(first, "Send the ROI sheet");
        _team.MoveSession(first, SessionStep.Done);
        var second = NextSessionAWeekLater(deal);
        _team.AgreeNextSteps(second, "Book the CFO");
        _team.Complete(TaskTable.Name, ActionItemTask(deal, "Book the CFO"));
        _team.MoveSession(second, SessionStep.Done);

        var third = _team.Session(NextSessionAWeekLater(deal));

        third.GetAttributeValue<int?>(SessionTable.CommitmentsKept).Should().Be(1);
        third.GetAttributeValue<int?>(SessionTable.CommitmentsMissed).Should().Be(0);
        third.FormattedValues[SessionTable.ExecutionConcern].Should().Be("None");
    }
}
