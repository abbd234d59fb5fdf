using System;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Core.Text;

namespace Coaching.Core.Tests.Sessions
{
    public class NextStepsPlannerTests
    {
        private static readonly DateTime Now = new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Utc);

        private static readonly DateTime Interaction = Now.AddDays(3);

        [Fact]
        public void Each_action_item_becomes_a_task_due_the_lead_time_before_the_interaction()
        {
            var plan = NextStepsPlanner.Plan(new[] { "Send the ROI sheet", "Book the CFO" }, "Contoso renewal", Interaction, "Agree the pilot", 24, Now);

            plan.ActionItemTasks.Select(t => t.Subject).Should().Equal("Action item: Send the ROI sheet", "Action item: Book the CFO");
            plan.ActionItemTasks.Should().OnlyContain(t => t.Due == Interaction.AddHours(-24));
            plan.ActionItemTasks[0].Description.Should().Be(
                "Agreed in the micro-coaching session on Contoso renewal.\nGet it done before the next interaction on 2026-03-12 10:00 UTC.\nGoal of that interaction: Agree the pilot\nYour manager checks on it before that interaction.");
        }

        [Fact]
        public void The_follow_up_falls_between_the_action_items_and_the_interaction()
        {
            var plan = NextStepsPlanner.Plan(new[] { "Send the ROI sheet" }, "Contoso renewal", Interaction, null, 24, Now);

            plan.FollowUpTask.Subject.Should().Be("Follow up micro-coaching: Contoso renewal");
            plan.FollowUpTask.Due.Should().Be(Interaction.AddHours(-12));
            plan.FollowUpTask.Due.Should().BeBefore(Interaction).And.BeAfter(plan.ActionItemTasks[0].Due);
            plan.FollowUpTask.Description.Should().Be(
                "Check with the rep that the action items agreed in the micro-coaching session on Contoso renewal are done before the next interaction on 2026-03-12 10:00 UTC:\n- Send the ROI sheet\nThen move the session to Done.");
        }

        [Fact]
        public void Without_an_upcoming_interaction_items_are_due_in_two_days_and_the_follow_up_a_day_later()
        {
            var plan = NextStepsPlanner.Plan(new[] { "Send the ROI sheet" }, "Contoso renewal", Now.AddDays(-1), null, 24, Now);

            plan.ActionItemTasks[0].Due.Should().Be(Now.AddDays(2));
            plan.ActionItemTasks[0].Description.Should().EndWith("Your manager checks on it once it is due.");
            plan.FollowUpTask.Due.Should().Be(Now.AddDays(3));
        }

        [Fact]
        public void A_long_item_is_cut_to_the_subject_length()
        {
            var plan = NextStepsPlanner.Plan(new[] { new string('x', 300) }, "Contoso", Interaction, null, 24, Now);

            plan.ActionItemTasks[0].Subject.Should().HaveLength(ColumnLimits.TaskSubject).And.EndWith(Shorten.EndMarker);
        }
    }
}
