using Coaching.Core.Sessions;

namespace Coaching.Core.Tests.Sessions
{
    public class SessionStepRuleTests
    {
        [Theory]
        [InlineData(SessionStep.Determine, SessionStep.Compile)]
        [InlineData(SessionStep.Compile, SessionStep.Conduct)]
        [InlineData(SessionStep.Conduct, SessionStep.AssignNextSteps)]
        [InlineData(SessionStep.FollowUp, SessionStep.Done)]
        public void A_session_moves_forward_one_step_at_a_time(SessionStep from, SessionStep to)
        {
            SessionStepRule.Evaluate(from, to, null, 3).Allowed.Should().BeTrue();
        }

        [Fact]
        public void Skipping_a_step_is_refused_naming_the_next_one()
        {
            var decision = SessionStepRule.Evaluate(SessionStep.Compile, SessionStep.AssignNextSteps, "a", 3);

            decision.Allowed.Should().BeFalse();
            decision.Message.Should().Be("Move the session one step at a time: after Compile comes Conduct.");
        }

        [Fact]
        public void Going_back_to_redo_a_step_is_allowed()
        {
            SessionStepRule.Evaluate(SessionStep.Conduct, SessionStep.Compile, null, 3).Allowed.Should().BeTrue();
            SessionStepRule.Evaluate(SessionStep.Conduct, SessionStep.Conduct, null, 3).Allowed.Should().BeTrue();
        }

        [Fact]
        public void A_done_session_cannot_be_reopened()
        {
            SessionStepRule.Evaluate(SessionStep.Done, SessionStep.FollowUp, null, 3)
                .Message.Should().Be("This micro-coaching session is done; start a new session instead of reopening it.");
        }

        [Fact]
        public void Follow_up_needs_between_one_and_the_maximum_action_items()
        {
            SessionStepRule.Evaluate(SessionStep.AssignNextSteps, SessionStep.FollowUp, "", 3)
                .Message.Should().Be("Assign between 1 and 3 action items, one per line; found 0.");
            SessionStepRule.Evaluate(SessionStep.AssignNextSteps, SessionStep.FollowUp, "a\nb\nc\nd", 3)
                .Message.Should().Be("Assign between 1 and 3 action items, one per line; found 4.");
            SessionStepRule.Evaluate(SessionStep.AssignNextSteps, SessionStep.FollowUp, "- a\n- b", 3)
                .Allowed.Should().BeTrue();
        }

        [Fact]
        public void Steps_are_named_as_the_form_shows_them()
        {
            SessionStepRule.Evaluate(SessionStep.Conduct, SessionStep.FollowUp, "a", 3)
                .Message.Should().Be("Move the session one step at a time: after Conduct comes Assign next steps.");
        }
    }
}
