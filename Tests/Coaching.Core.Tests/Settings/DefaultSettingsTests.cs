using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Settings
{
    public class DefaultSettingsTests
    {
        [Fact]
        public void The_shipped_default_json_reads_as_exactly_the_default_settings()
        {
            var parsed = CoachingSettingsParser.Parse(CoachingSettings.DefaultJson);

            parsed.Should().BeEquivalentTo(CoachingSettings.Default, options => options.ComparingRecordsByMembers().WithStrictOrdering());
        }

        [Fact]
        public void The_default_json_fits_an_environment_variable_default_and_is_pretty_printed_with_lf()
        {
            CoachingSettings.DefaultJson.Length.Should().BeLessThan(2000);
            CoachingSettings.DefaultJson.Should().NotContain("\r");
            CoachingSettings.DefaultJson.Should().StartWith("{\n  \"icp\": {\n    \"industries\": [");
        }

        [Fact]
        public void An_empty_object_keeps_every_default()
        {
            var parsed = CoachingSettingsParser.Parse("{}");

            parsed.Should().BeEquivalentTo(CoachingSettings.Default, options => options.ComparingRecordsByMembers().WithStrictOrdering());
        }

        [Fact]
        public void Defaults_follow_the_coaching_method()
        {
            var d = CoachingSettings.Default;

            d.Cadence.Should().Be(new CadenceSettings(3, 30));
            d.Sessions.MaxActionItems.Should().Be(3);
            d.Sessions.DedupeWindowDays.Should().Be(7);
            d.Sessions.PrepLeadHours.Should().Be(24);
            d.Sessions.Triggers.Should().Equal(SessionTrigger.StageChange, SessionTrigger.ReviewFlag, SessionTrigger.Manual, SessionTrigger.Cadence);
            d.Review.EarlyStages.Should().Equal(SalesStage.Qualify, SalesStage.Develop);
            d.StageGate.Should().Be(new StageGateSettings(SalesStage.Develop, 15, true));
            d.Icp.Weights.Total.Should().Be(100);
            d.Icp.Bands.Should().Be(new IcpBands(70, 40));
        }

        [Fact]
        public void Default_target_industries_are_account_industry_labels()
        {
            // Labels of the standard account.industrycode choice, which the plugins pass in.
            var standardLabels = new[]
            {
                "Accounting", "Business Services", "Consulting", "Durable Manufacturing", "Financial", "Wholesale",
                "Transportation", "Insurance", "Legal Services",
            };

            CoachingSettings.Default.Icp.Industries.Should().OnlyContain(i => standardLabels.Contains(i));
        }
    }
}
