using Coaching.Core.Opportunities;
using Coaching.Core.Review;
using Coaching.Core.Settings;
using Coaching.Core.StageGate;

namespace Coaching.Core.Tests.Settings
{
    /// <summary>icp / review / stageGate / sessions "enabled": each rule can be switched off, and the switch is validated like any setting.</summary>
    public class RuleSwitchTests
    {
        private static readonly System.DateTime Now = new System.DateTime(2026, 3, 2, 9, 0, 0, System.DateTimeKind.Utc);

        [Fact]
        public void Every_rule_is_on_by_default_and_in_the_shipped_json()
        {
            var shipped = CoachingSettingsParser.Parse(CoachingSettings.DefaultJson);

            foreach (var settings in new[] { CoachingSettings.Default, shipped })
            {
                settings.Icp.Enabled.Should().BeTrue();
                settings.Review.Enabled.Should().BeTrue();
                settings.StageGate.Enabled.Should().BeTrue();
                settings.Sessions.Enabled.Should().BeTrue();
            }

            CoachingSettings.DefaultJson.Split("\"enabled\": true").Length.Should().Be(5, "each of the four rules names its switch");
            CoachingSettings.DefaultJson.Length.Should().BeLessThanOrEqualTo(2000);
        }

        [Theory]
        [InlineData("icp")]
        [InlineData("review")]
        [InlineData("stageGate")]
        [InlineData("sessions")]
        public void A_switch_that_is_not_true_or_false_is_refused_with_its_path(string rule)
        {
            var parse = () => CoachingSettingsParser.Parse("{\"" + rule + "\": {\"enabled\": \"no\"}}");

            parse.Should().Throw<CoachingSettingsException>().WithMessage("*" + rule + ".enabled: expected true or false, found*");
        }

        [Fact]
        public void Switching_one_rule_off_leaves_the_others_on()
        {
            var parsed = CoachingSettingsParser.Parse("{\"review\": {\"enabled\": false}}");

            parsed.Review.Enabled.Should().BeFalse();
            parsed.Review.StaleDays.Should().Be(CoachingSettings.Default.Review.StaleDays);
            parsed.Icp.Enabled.Should().BeTrue();
            parsed.StageGate.Enabled.Should().BeTrue();
            parsed.Sessions.Enabled.Should().BeTrue();
        }

        [Fact]
        public void Review_off_flags_nothing_and_stage_gate_off_blocks_nothing()
        {
            var review = CoachingSettings.Default.Review with { Enabled = false };
            var gate = CoachingSettings.Default.StageGate with { Enabled = false };
            var bigStaleDeal = new ReviewInput(SalesStage.Qualify, OpportunityState.Open, 900000m, Now.AddDays(-3), 5, null, Now.AddDays(-200));

            ReviewFlagRule.Evaluate(bigStaleDeal, review, Now).Flag.Should().BeFalse();
            StageGateRule.Evaluate(StageMove.Between("Deal", SalesStage.Qualify, SalesStage.Close, null, null), gate, Now).Allowed.Should().BeTrue();
            (CoachingSettings.Default.Sessions with { Enabled = false }).IsEnabled(Coaching.Core.Sessions.SessionTrigger.Manual).Should().BeFalse();
        }

        [Theory]
        [InlineData("Stale: open since 2026-01-08, more than 60 days, and still in Qualify", true)]
        [InlineData("Closing soon: expected to close 2026-03-05, within 30 days, but still in Qualify", true)]
        [InlineData("Close date passed: 2026-02-27 and the deal is still in Qualify; update the close date or the stage", true)]
        [InlineData("Next interaction date passed: 2026-02-27; record the outcome and schedule the next one", true)]
        [InlineData("High value: 900,000 in Qualify (threshold 100,000)", false)]
        [InlineData("Poor ICP fit: score 5 is below 40", false)]
        [InlineData("No next interaction: schedule one and set its date and goal", false)]
        public void Time_based_reasons_are_the_ones_time_alone_raises(string reason, bool timeBased)
        {
            ReviewFlagRule.IsTimeBased(reason).Should().Be(timeBased);
        }
    }
}
