using System;
using Coaching.Core.Icp;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Icp
{
    public class IcpFitRuleTests
    {
        // Defaults: industry 25, employees 20, revenue 20, country 15, deal size 20; bands 70 / 40.
        private static readonly IcpSettings Settings = CoachingSettings.Default.Icp;

        private static readonly IcpAccount Ideal = new IcpAccount("Durable Manufacturing", 1200, 50000000m, "Germany");

        [Fact]
        public void An_account_and_deal_meeting_every_criterion_score_100_with_one_reason_each()
        {
            var result = IcpFitRule.Evaluate(Ideal, 30000m, Settings);

            result.Score.Should().Be(100);
            result.Band.Should().Be(IcpFitBand.Strong);
            result.Reasons.Should().Equal(
                "Industry: Durable Manufacturing is a target industry (+25)",
                "Employees: 1,200 is within the target range 200–5,000 (+20)",
                "Revenue: 50,000,000 is within the target range 10,000,000–1,000,000,000 (+20)",
                "Country: Germany is a target country (+15)",
                "Deal size: 30,000 meets the minimum 25,000 (+20)");
            result.ReasonsText.Should().Be(string.Join("\n", result.Reasons));
        }

        [Fact]
        public void Missed_criteria_say_why_and_what_they_would_have_added()
        {
            var result = IcpFitRule.Evaluate(new IcpAccount("Service Retail", 40, 2000000000m, "Brazil"), 10000m, Settings);

            result.Score.Should().Be(0);
            result.Band.Should().Be(IcpFitBand.Poor);
            result.Reasons.Should().Equal(
                "Industry: Service Retail is not a target industry (0 of 25)",
                "Employees: 40 is below the target range 200–5,000 (0 of 20)",
                "Revenue: 2,000,000,000 is above the target range 10,000,000–1,000,000,000 (0 of 20)",
                "Country: Brazil is not a target country (0 of 15)",
                "Deal size: 10,000 is below the minimum 25,000 (0 of 20)");
        }

        [Fact]
        public void Missing_data_counts_as_not_met_and_reads_unknown()
        {
            var result = IcpFitRule.Evaluate(new IcpAccount("Wholesale", 300, null, "  "), 25000m, Settings);

            result.Score.Should().Be(65);
            result.Band.Should().Be(IcpFitBand.Partial);
            result.Reasons.Should().Equal(
                "Industry: Wholesale is a target industry (+25)",
                "Employees: 300 is within the target range 200–5,000 (+20)",
                "Revenue: unknown (0 of 20)",
                "Country: unknown (0 of 15)",
                "Deal size: 25,000 meets the minimum 25,000 (+20)");
        }

        [Fact]
        public void Industry_and_country_match_regardless_of_case_and_surrounding_spaces()
        {
            var result = IcpFitRule.Evaluate(new IcpAccount("  wholesale ", 1000, 50000000m, "UNITED KINGDOM"), 30000m, Settings);

            result.Score.Should().Be(100);
            result.Reasons[0].Should().Be("Industry: wholesale is a target industry (+25)");
        }

        [Theory]
        [InlineData(199, false)]
        [InlineData(200, true)]
        [InlineData(5000, true)]
        [InlineData(5001, false)]
        public void The_employee_range_includes_both_ends(int employees, bool met)
        {
            var result = IcpFitRule.Evaluate(Ideal with { Employees = employees }, 30000m, Settings);

            result.Score.Should().Be(met ? 100 : 80);
        }

        [Theory]
        [InlineData("9999999.99", false)]
        [InlineData("10000000", true)]
        [InlineData("1000000000", true)]
        [InlineData("1000000000.01", false)]
        public void The_revenue_range_includes_both_ends(string revenue, bool met)
        {
            var result = IcpFitRule.Evaluate(Ideal with { AnnualRevenue = decimal.Parse(revenue, System.Globalization.CultureInfo.InvariantCulture) }, 30000m, Settings);

            result.Score.Should().Be(met ? 100 : 80);
        }

        [Fact]
        public void A_deal_exactly_at_the_minimum_size_fits_and_one_below_does_not()
        {
            IcpFitRule.Evaluate(Ideal, 25000m, Settings).Score.Should().Be(100);
            IcpFitRule.Evaluate(Ideal, 24999.99m, Settings).Score.Should().Be(80);
        }

        [Theory]
        [InlineData(70, IcpFitBand.Strong)]
        [InlineData(69, IcpFitBand.Partial)]
        [InlineData(40, IcpFitBand.Partial)]
        [InlineData(39, IcpFitBand.Poor)]
        [InlineData(100, IcpFitBand.Strong)]
        [InlineData(0, IcpFitBand.Poor)]
        public void A_score_at_a_band_threshold_belongs_to_that_band(int score, IcpFitBand band)
        {
            IcpFitRule.BandOf(score, Settings.Bands).Should().Be(band);
        }

        [Fact]
        public void An_evaluated_score_exactly_at_the_strong_threshold_is_strong_and_one_below_is_partial()
        {
            var account = Ideal with { Country = "Brazil" }; // 85 of 100

            IcpFitRule.Evaluate(account, 30000m, Settings with { Bands = new IcpBands(85, 40) }).Band.Should().Be(IcpFitBand.Strong);
            IcpFitRule.Evaluate(account, 30000m, Settings with { Bands = new IcpBands(86, 40) }).Band.Should().Be(IcpFitBand.Partial);
            IcpFitRule.Evaluate(account, 30000m, Settings with { Bands = new IcpBands(90, 85) }).Band.Should().Be(IcpFitBand.Partial);
            IcpFitRule.Evaluate(account, 30000m, Settings with { Bands = new IcpBands(90, 86) }).Band.Should().Be(IcpFitBand.Poor);
        }

        [Theory]
        [InlineData(1, 2, 33)] // 1 of 3 = 33.3
        [InlineData(2, 1, 67)] // 2 of 3 = 66.7
        [InlineData(1, 7, 13)] // 1 of 8 = 12.5, half rounds up
        public void The_score_is_the_met_share_of_the_total_weight_rounded(int industryWeight, int employeesWeight, int expected)
        {
            var settings = Settings with { Weights = new IcpWeights(industryWeight, employeesWeight, 0, 0, 0), Bands = new IcpBands(70, 0) };

            var result = IcpFitRule.Evaluate(Ideal with { Employees = 1 }, null, settings);

            result.Score.Should().Be(expected);
        }

        [Fact]
        public void A_criterion_weighted_zero_is_neither_scored_nor_listed()
        {
            var settings = Settings with { Weights = new IcpWeights(25, 20, 20, 0, 20) };

            var result = IcpFitRule.Evaluate(Ideal with { Country = "Brazil" }, 30000m, settings);

            result.Score.Should().Be(100);
            result.Reasons.Should().HaveCount(4).And.NotContain(r => r.StartsWith("Country", StringComparison.Ordinal));
        }

        [Fact]
        public void Without_an_account_the_fit_is_unknown_and_unscored()
        {
            var result = IcpFitRule.Evaluate(null, 500000m, Settings);

            result.Score.Should().BeNull();
            result.Band.Should().Be(IcpFitBand.Unknown);
            result.Reasons.Should().Equal(
                "No account: link an account to the opportunity to score ICP fit",
                "Industry: unknown (0 of 25)",
                "Employees: unknown (0 of 20)",
                "Revenue: unknown (0 of 20)",
                "Country: unknown (0 of 15)",
                "Deal size: 500,000 meets the minimum 25,000 (+20)");
        }

        [Fact]
        public void With_data_for_less_than_half_of_the_weight_the_fit_is_unknown()
        {
            // Industry (25) + deal size (20) = 45 of 100 points have data.
            var result = IcpFitRule.Evaluate(new IcpAccount("Wholesale", null, null, null), 30000m, Settings);

            result.Score.Should().BeNull();
            result.Band.Should().Be(IcpFitBand.Unknown);
            result.Reasons[0].Should().Be("Not enough data: 45 of 100 points have data (at least half needed)");
            result.Reasons.Should().HaveCount(6);
        }

        [Fact]
        public void With_data_for_exactly_half_of_the_weight_the_fit_is_scored()
        {
            var settings = Settings with { Weights = new IcpWeights(25, 25, 25, 25, 0) };

            var half = IcpFitRule.Evaluate(new IcpAccount("Wholesale", 1000, null, null), null, settings);
            var quarter = IcpFitRule.Evaluate(new IcpAccount("Wholesale", null, null, null), null, settings);

            half.Score.Should().Be(50);
            half.Band.Should().Be(IcpFitBand.Partial);
            quarter.Band.Should().Be(IcpFitBand.Unknown);
        }

        [Fact]
        public void An_account_with_every_field_empty_is_unknown_not_poor()
        {
            var result = IcpFitRule.Evaluate(new IcpAccount(null, null, null, null), null, Settings);

            result.Band.Should().Be(IcpFitBand.Unknown);
            result.Score.Should().BeNull();
        }
    }
}
