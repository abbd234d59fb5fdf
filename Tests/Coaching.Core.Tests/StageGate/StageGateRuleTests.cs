using System;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;
using Coaching.Core.StageGate;

namespace Coaching.Core.Tests.StageGate
{
    public class StageGateRuleTests
    {
        // Defaults: a goal is needed from Develop on, at least 15 characters, and a future date.
        private static readonly StageGateSettings Settings = CoachingSettings.Default.StageGate;

        private static readonly DateTime Now = new DateTime(2026, 11, 5, 10, 0, 0, DateTimeKind.Utc);

        private const string GoodGoal = "Agree pilot scope with the CFO";

        private static StageMove ToPropose(string? goal, DateTime? date) =>
            StageMove.Between("Contoso renewal", SalesStage.Develop, SalesStage.Propose, goal, date);

        [Fact]
        public void A_forward_move_with_a_goal_and_a_future_date_is_allowed()
        {
            var decision = StageGateRule.Evaluate(ToPropose(GoodGoal, Now.AddDays(2)), Settings, Now);

            decision.Allowed.Should().BeTrue();
            decision.Message.Should().BeEmpty();
        }

        [Fact]
        public void With_neither_goal_nor_date_the_rep_is_told_to_fill_in_both()
        {
            var decision = StageGateRule.Evaluate(ToPropose(null, null), Settings, Now);

            decision.Allowed.Should().BeFalse();
            decision.Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters) and a Next interaction date in the future.");
        }

        [Fact]
        public void A_short_goal_is_refused_with_its_length()
        {
            var decision = StageGateRule.Evaluate(ToPropose("Demo  ", Now.AddDays(2)), Settings, Now);

            decision.Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters; it has 4).");
        }

        [Fact]
        public void A_six_character_goal_reads_it_has_6()
        {
            StageGateRule.Evaluate(ToPropose("Pilot!", Now.AddDays(2)), Settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters; it has 6).");
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\t\n ")]
        public void A_blank_goal_counts_as_missing(string goal)
        {
            var decision = StageGateRule.Evaluate(ToPropose(goal, Now.AddDays(2)), Settings, Now);

            decision.Allowed.Should().BeFalse();
            decision.Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters).");
        }

        [Fact]
        public void A_goal_of_exactly_the_minimum_length_after_trimming_is_enough_and_one_less_is_not()
        {
            var exactly15 = "  " + new string('g', 15) + "  ";
            var only14 = "  " + new string('g', 14) + "      ";

            StageGateRule.Evaluate(ToPropose(exactly15, Now.AddDays(2)), Settings, Now).Allowed.Should().BeTrue();
            StageGateRule.Evaluate(ToPropose(only14, Now.AddDays(2)), Settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters; it has 14).");
        }

        [Fact]
        public void A_missing_date_is_asked_for()
        {
            StageGateRule.Evaluate(ToPropose(GoodGoal, null), Settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in a Next interaction date in the future.");
        }

        [Fact]
        public void A_past_date_is_shown_back_to_the_rep()
        {
            StageGateRule.Evaluate(ToPropose(GoodGoal, new DateTime(2026, 11, 1, 15, 0, 0, DateTimeKind.Utc)), Settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Propose, set Next interaction date to a date in the future (it is 2026-11-01).");
        }

        [Fact]
        public void A_date_equal_to_now_is_not_in_the_future()
        {
            StageGateRule.Evaluate(ToPropose(GoodGoal, Now), Settings, Now).Allowed.Should().BeFalse();
            StageGateRule.Evaluate(ToPropose(GoodGoal, Now.AddMinutes(1)), Settings, Now).Allowed.Should().BeTrue();
        }

        [Fact]
        public void A_short_goal_and_a_past_date_are_both_named_in_one_sentence()
        {
            StageGateRule.Evaluate(ToPropose("Pilot!", new DateTime(2026, 11, 1)), Settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters; it has 6) and set Next interaction date to a date in the future (it is 2026-11-01).");
            StageGateRule.Evaluate(ToPropose("Pilot!", null), Settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters; it has 6) and a Next interaction date in the future.");
        }

        [Fact]
        public void The_date_is_not_checked_when_a_future_date_is_not_required()
        {
            var settings = Settings with { RequireFutureInteractionDate = false };

            StageGateRule.Evaluate(ToPropose(GoodGoal, null), settings, Now).Allowed.Should().BeTrue();
            StageGateRule.Evaluate(ToPropose(GoodGoal, Now.AddDays(-3)), settings, Now).Allowed.Should().BeTrue();
            StageGateRule.Evaluate(ToPropose(null, null), settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters).");
        }

        [Theory]
        [InlineData(SalesStage.Propose, SalesStage.Develop)]
        [InlineData(SalesStage.Close, SalesStage.Qualify)]
        [InlineData(SalesStage.Propose, SalesStage.Propose)]
        public void Backward_and_same_stage_moves_are_never_blocked(SalesStage from, SalesStage to)
        {
            var move = StageMove.Between("Contoso renewal", from, to, null, null);

            StageGateRule.Evaluate(move, Settings, Now).Allowed.Should().BeTrue();
        }

        [Fact]
        public void Closing_as_won_or_lost_is_never_blocked()
        {
            var move = ToPropose(null, null) with { ToStageIndex = 3, ToStageName = "Close", IsClose = true };

            StageGateRule.Evaluate(move, Settings, Now).Allowed.Should().BeTrue();
        }

        [Fact]
        public void Moves_into_a_stage_before_the_gate_need_nothing()
        {
            var settings = Settings with { RequireGoalFromStage = SalesStage.Propose };

            StageGateRule.Evaluate(StageMove.Between("Contoso renewal", SalesStage.Qualify, SalesStage.Develop, null, null), settings, Now)
                .Allowed.Should().BeTrue();
            StageGateRule.Evaluate(StageMove.Between("Contoso renewal", SalesStage.Develop, SalesStage.Propose, null, null), settings, Now)
                .Allowed.Should().BeFalse();
            StageGateRule.Evaluate(StageMove.Between("Contoso renewal", SalesStage.Qualify, SalesStage.Develop, null, null), Settings, Now)
                .Allowed.Should().BeFalse("with the default gate a move into Develop already needs a goal");
        }

        [Fact]
        public void A_process_flow_stage_is_placed_by_its_name_when_it_has_no_index()
        {
            var settings = Settings with { RequireGoalFromStage = SalesStage.Propose };
            var intoDevelop = new StageMove("Contoso renewal", null, null, "Develop", true, null, null);
            var intoPropose = intoDevelop with { ToStageName = "3-Propose" };

            StageGateRule.Evaluate(intoDevelop, settings, Now).Allowed.Should().BeTrue();
            StageGateRule.Evaluate(intoPropose, settings, Now)
                .Message.Should().StartWith("Before moving 'Contoso renewal' to 3-Propose, fill in");
        }

        [Fact]
        public void A_forward_move_into_a_stage_that_maps_to_no_sales_stage_is_gated()
        {
            var move = new StageMove("Contoso renewal", null, null, "Negotiate terms", true, null, null);

            StageGateRule.Evaluate(move, Settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Negotiate terms, fill in Next interaction goal (at least 15 characters) and a Next interaction date in the future.");
        }

        [Fact]
        public void A_process_flow_move_the_caller_found_to_go_backward_is_allowed()
        {
            var move = new StageMove("Contoso renewal", null, null, "Negotiate terms", false, null, null);

            StageGateRule.Evaluate(move, Settings, Now).Allowed.Should().BeTrue();
        }

        [Fact]
        public void An_unnamed_opportunity_reads_this_opportunity()
        {
            StageGateRule.Evaluate(StageMove.Between("  ", SalesStage.Develop, SalesStage.Propose, GoodGoal, null), Settings, Now)
                .Message.Should().Be("Before moving this opportunity to Propose, fill in a Next interaction date in the future.");
        }

        [Fact]
        public void Without_a_stage_name_the_stage_index_names_the_stage()
        {
            var move = new StageMove("Contoso renewal", 1, 2, null, true, GoodGoal, null);

            StageGateRule.Evaluate(move, Settings, Now)
                .Message.Should().Be("Before moving 'Contoso renewal' to Propose, fill in a Next interaction date in the future.");
        }

        [Fact]
        public void A_sales_stage_move_is_forward_only_when_the_new_stage_is_later()
        {
            StageMove.Between("x", SalesStage.Qualify, SalesStage.Develop, null, null).IsForward.Should().BeTrue();
            StageMove.Between("x", SalesStage.Develop, SalesStage.Develop, null, null).IsForward.Should().BeFalse();
            StageMove.Between("x", SalesStage.Propose, SalesStage.Develop, null, null).IsForward.Should().BeFalse();
        }
    }
}
