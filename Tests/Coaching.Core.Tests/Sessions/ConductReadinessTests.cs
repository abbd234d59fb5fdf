using System;
using Coaching.Core.Sessions;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Sessions
{
    public class ConductReadinessTests
    {
        private static readonly StageGateSettings Settings = CoachingSettings.Default.StageGate; // goal of 15+ characters, future date

        private static readonly DateTime Now = new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void A_goal_and_a_future_date_let_the_session_be_conducted()
        {
            ConductReadiness.Check("Contoso renewal", "Agree pilot scope with the CFO", Now.AddDays(2), Settings, Now)
                .Allowed.Should().BeTrue();
        }

        [Fact]
        public void Without_goal_and_date_the_rep_is_told_what_to_fill_in_on_the_opportunity()
        {
            var decision = ConductReadiness.Check("Contoso renewal", null, null, Settings, Now);

            decision.Allowed.Should().BeFalse();
            decision.Message.Should().Be("Before conducting the micro-coaching session, update 'Contoso renewal': fill in Next interaction goal (at least 15 characters) and a Next interaction date in the future.");
        }

        [Fact]
        public void A_past_date_is_named()
        {
            ConductReadiness.Check("Contoso renewal", "Agree pilot scope with the CFO", new DateTime(2026, 3, 1), Settings, Now)
                .Message.Should().Be("Before conducting the micro-coaching session, update 'Contoso renewal': set Next interaction date to a date in the future (it is 2026-03-01).");
        }

        [Fact]
        public void The_date_is_needed_even_where_the_stage_gate_does_not_ask_for_a_future_one()
        {
            var lenient = Settings with { RequireFutureInteractionDate = false };

            ConductReadiness.Check(null, "Agree pilot scope with the CFO", null, lenient, Now)
                .Message.Should().Be("Before conducting the micro-coaching session, update the opportunity: fill in a Next interaction date.");
            ConductReadiness.Check(null, "Agree pilot scope with the CFO", Now.AddDays(-1), lenient, Now).Allowed.Should().BeTrue();
        }
    }
}
