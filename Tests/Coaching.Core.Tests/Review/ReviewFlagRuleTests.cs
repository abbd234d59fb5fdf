using System;
using Coaching.Core.Opportunities;
using Coaching.Core.Review;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Review
{
    public class ReviewFlagRuleTests
    {
        // Defaults: early stages Qualify and Develop, minimum value 100,000, stale after 60 days,
        // closing soon within 30 days, poor fit below 40, next interaction required.
        private static readonly ReviewSettings Settings = CoachingSettings.Default.Review;

        private static readonly DateTime Now = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

        // An early deal with nothing to discuss.
        private static readonly ReviewInput Quiet = new ReviewInput(
            SalesStage.Qualify,
            OpportunityState.Open,
            EstimatedValue: 50000m,
            EstimatedCloseDate: Now.Date.AddDays(90),
            IcpScore: 80,
            NextInteractionDate: Now.AddDays(3),
            CreatedOn: Now.AddDays(-10));

        [Fact]
        public void A_healthy_early_deal_is_not_flagged()
        {
            var result = ReviewFlagRule.Evaluate(Quiet, Settings, Now);

            result.Flag.Should().BeFalse();
            result.Reasons.Should().BeEmpty();
            result.ReasonsText.Should().BeEmpty();
        }

        [Fact]
        public void A_high_value_early_deal_is_flagged()
        {
            var result = ReviewFlagRule.Evaluate(Quiet with { EstimatedValue = 250000m }, Settings, Now);

            result.Flag.Should().BeTrue();
            result.Reasons.Should().Equal("High value: 250,000 in Qualify (threshold 100,000)");
        }

        [Fact]
        public void A_value_exactly_at_the_minimum_is_high_and_one_below_is_not()
        {
            ReviewFlagRule.Evaluate(Quiet with { EstimatedValue = 100000m }, Settings, Now).Flag.Should().BeTrue();
            ReviewFlagRule.Evaluate(Quiet with { EstimatedValue = 99999.99m }, Settings, Now).Flag.Should().BeFalse();
            ReviewFlagRule.Evaluate(Quiet with { EstimatedValue = null }, Settings, Now).Flag.Should().BeFalse();
        }

        [Fact]
        public void A_deal_open_longer_than_the_stale_days_is_flagged()
        {
            var result = ReviewFlagRule.Evaluate(Quiet with { CreatedOn = Now.AddDays(-61) }, Settings, Now);

            result.Reasons.Should().Equal("Stale: open since 2026-01-08, more than 60 days, and still in Qualify");
        }

        [Fact]
        public void A_deal_open_exactly_the_stale_days_is_not_stale_yet()
        {
            ReviewFlagRule.Evaluate(Quiet with { CreatedOn = Now.AddDays(-60).Date }, Settings, Now).Flag.Should().BeFalse();
            ReviewFlagRule.Evaluate(Quiet with { CreatedOn = null }, Settings, Now).Flag.Should().BeFalse();
        }

        [Theory]
        [InlineData(30, "Closing soon: expected to close 2026-04-09, within 30 days, but still in Qualify")]
        [InlineData(1, "Closing soon: expected to close 2026-03-11, within 30 days, but still in Qualify")]
        [InlineData(0, "Closing soon: expected to close 2026-03-10, within 30 days, but still in Qualify")]
        [InlineData(-1, "Close date passed: 2026-03-09 and the deal is still in Qualify; update the close date or the stage")]
        [InlineData(-20, "Close date passed: 2026-02-18 and the deal is still in Qualify; update the close date or the stage")]
        public void A_close_date_within_the_closing_soon_days_or_already_past_is_flagged(int daysAway, string reason)
        {
            var result = ReviewFlagRule.Evaluate(Quiet with { EstimatedCloseDate = Now.Date.AddDays(daysAway) }, Settings, Now);

            result.Flag.Should().BeTrue();
            result.Reasons.Should().Equal(reason);
        }

        [Fact]
        public void A_close_date_one_day_beyond_the_closing_soon_days_is_not_flagged()
        {
            ReviewFlagRule.Evaluate(Quiet with { EstimatedCloseDate = Now.Date.AddDays(31) }, Settings, Now).Flag.Should().BeFalse();
            ReviewFlagRule.Evaluate(Quiet with { EstimatedCloseDate = null }, Settings, Now).Flag.Should().BeFalse();
        }

        [Fact]
        public void A_poor_icp_fit_is_flagged_below_the_threshold_only()
        {
            ReviewFlagRule.Evaluate(Quiet with { IcpScore = 39 }, Settings, Now).Reasons.Should().Equal("Poor ICP fit: score 39 is below 40");
            ReviewFlagRule.Evaluate(Quiet with { IcpScore = 40 }, Settings, Now).Flag.Should().BeFalse();
        }

        [Fact]
        public void An_unknown_icp_fit_is_not_called_poor()
        {
            ReviewFlagRule.Evaluate(Quiet with { IcpScore = null }, Settings, Now).Flag.Should().BeFalse();
        }

        [Fact]
        public void A_deal_without_a_next_interaction_is_flagged()
        {
            var result = ReviewFlagRule.Evaluate(Quiet with { NextInteractionDate = null }, Settings, Now);

            result.Reasons.Should().Equal("No next interaction: schedule one and set its date and goal");
        }

        [Fact]
        public void A_next_interaction_in_the_past_is_flagged()
        {
            var result = ReviewFlagRule.Evaluate(Quiet with { NextInteractionDate = Now.AddMinutes(-1) }, Settings, Now);

            result.Reasons.Should().Equal("Next interaction date passed: 2026-03-10; record the outcome and schedule the next one");
        }

        [Fact]
        public void A_next_interaction_happening_now_is_not_in_the_past()
        {
            ReviewFlagRule.Evaluate(Quiet with { NextInteractionDate = Now }, Settings, Now).Flag.Should().BeFalse();
        }

        [Fact]
        public void A_missing_next_interaction_is_ignored_when_not_required()
        {
            var settings = Settings with { RequireNextInteraction = false };

            ReviewFlagRule.Evaluate(Quiet with { NextInteractionDate = null }, settings, Now).Flag.Should().BeFalse();
            ReviewFlagRule.Evaluate(Quiet with { NextInteractionDate = Now.AddDays(-5) }, settings, Now).Flag.Should().BeFalse();
        }

        [Fact]
        public void Every_reason_that_holds_is_listed_in_a_fixed_order()
        {
            var input = new ReviewInput(
                SalesStage.Develop,
                OpportunityState.Open,
                EstimatedValue: 250000m,
                EstimatedCloseDate: Now.Date.AddDays(5),
                IcpScore: 20,
                NextInteractionDate: null,
                CreatedOn: Now.AddDays(-90));

            var result = ReviewFlagRule.Evaluate(input, Settings, Now);

            result.Flag.Should().BeTrue();
            result.Reasons.Should().Equal(
                "High value: 250,000 in Develop (threshold 100,000)",
                "Closing soon: expected to close 2026-03-15, within 30 days, but still in Develop",
                "Stale: open since 2025-12-10, more than 60 days, and still in Develop",
                "Poor ICP fit: score 20 is below 40",
                "No next interaction: schedule one and set its date and goal");
            result.ReasonsText.Should().Be(string.Join("\n", result.Reasons));
        }

        [Fact]
        public void The_reasons_of_an_untouched_deal_read_the_same_on_later_days_so_the_stored_flag_is_not_rewritten_daily()
        {
            var untouched = Quiet with { CreatedOn = Now.AddDays(-61), EstimatedCloseDate = Now.Date.AddDays(-2), NextInteractionDate = Now.AddDays(-1) };
            var closingSoon = Quiet with { EstimatedCloseDate = Now.Date.AddDays(20), NextInteractionDate = Now.AddDays(14) };

            foreach (var deal in new[] { untouched, closingSoon })
            {
                var today = ReviewFlagRule.Evaluate(deal, Settings, Now);
                today.Flag.Should().BeTrue();
                ReviewFlagRule.Evaluate(deal, Settings, Now.AddDays(1)).ReasonsText.Should().Be(today.ReasonsText);
                ReviewFlagRule.Evaluate(deal, Settings, Now.AddDays(7)).ReasonsText.Should().Be(today.ReasonsText);
            }
        }

        [Theory]
        [InlineData(OpportunityState.Won, SalesStage.Qualify)]
        [InlineData(OpportunityState.Lost, SalesStage.Develop)]
        [InlineData(OpportunityState.Open, SalesStage.Propose)]
        [InlineData(OpportunityState.Open, SalesStage.Close)]
        public void Closed_deals_and_late_stage_deals_are_never_flagged(OpportunityState state, SalesStage stage)
        {
            var everythingWrong = new ReviewInput(stage, state, 900000m, Now.Date.AddDays(-3), 5, null, Now.AddDays(-400));

            var result = ReviewFlagRule.Evaluate(everythingWrong, Settings, Now);

            result.Flag.Should().BeFalse();
            result.Reasons.Should().BeEmpty();
        }

        [Fact]
        public void Which_stages_count_as_early_comes_from_the_settings()
        {
            var settings = Settings with { EarlyStages = new[] { SalesStage.Propose } };

            ReviewFlagRule.Evaluate(Quiet with { Stage = SalesStage.Propose, EstimatedValue = 200000m }, settings, Now)
                .Reasons.Should().Equal("High value: 200,000 in Propose (threshold 100,000)");
            ReviewFlagRule.Evaluate(Quiet with { EstimatedValue = 200000m }, settings, Now).Flag.Should().BeFalse();
        }
    }
}
