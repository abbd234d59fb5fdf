using Coaching.Core.Icp;
using Coaching.Core.Settings;
using FsCheck;
using FsCheck.Xunit;

namespace Coaching.Core.Tests.Icp
{
    public class IcpFitProperties
    {
        private static readonly IcpSettings Settings = CoachingSettings.Default.Icp;

        private static readonly string?[] Industries = { null, "Wholesale", "Service Retail", "financial" };
        private static readonly string?[] Countries = { null, "Germany", "Brazil", " canada " };
        private static readonly int?[] Employees = { null, 10, 200, 1200, 5000, 9000 };
        private static readonly decimal?[] Revenues = { null, 5m, 10000000m, 70000000m, 2000000000m };
        private static readonly decimal?[] Deals = { null, 0m, 24999m, 25000m, 1000000m };

        [Property(MaxTest = 500)]
        public bool A_score_is_always_between_0_and_100_and_its_band_follows_it(
            byte industry, byte employees, byte revenue, byte country, byte deal, byte w1, byte w2, byte w3, byte w4, byte w5)
        {
            var weights = new IcpWeights(w1 % 101, w2 % 101, w3 % 101, w4 % 101, w5 % 101);
            if (weights.Total == 0)
            {
                weights = weights with { DealSize = 1 };
            }

            var settings = Settings with { Weights = weights };
            var result = IcpFitRule.Evaluate(Account(industry, employees, revenue, country), Pick(Deals, deal), settings);

            return result.Score == null
                ? result.Band == IcpFitBand.Unknown
                : result.Score >= 0 && result.Score <= 100 && result.Band == IcpFitRule.BandOf(result.Score.Value, settings.Bands);
        }

        [Property(MaxTest = 500)]
        public bool Meeting_one_more_criterion_never_lowers_the_score(byte industry, byte employees, byte revenue, byte country, byte deal, byte which)
        {
            var account = Account(industry, employees, revenue, country);
            var dealValue = Pick(Deals, deal);
            var before = IcpFitRule.Evaluate(account, dealValue, Settings);

            switch (which % 5)
            {
                case 0: account = account with { Industry = "Consulting" }; break;
                case 1: account = account with { Employees = 1000 }; break;
                case 2: account = account with { AnnualRevenue = 20000000m }; break;
                case 3: account = account with { Country = "France" }; break;
                default: dealValue = 50000m; break;
            }

            var after = IcpFitRule.Evaluate(account, dealValue, Settings);

            // Filling in data can turn Unknown into a score; a score never drops.
            return before.Score == null || (after.Score != null && after.Score >= before.Score);
        }

        [Property(MaxTest = 500)]
        public bool An_account_scored_once_gives_each_of_its_deals_the_fit_scored_alone(
            byte industry, byte employees, byte revenue, byte country, byte deal1, byte deal2, bool noAccount, byte w1, byte w5)
        {
            var settings = Settings with { Weights = Settings.Weights with { Industry = w1 % 3 * 10, DealSize = w5 % 3 * 10 + 1 } };
            var account = noAccount ? null : Account(industry, employees, revenue, country);
            var scored = IcpFitRule.ScoreAccount(account, settings);

            // Twice with the same scored account: the daily refresh scores an account once for all its deals.
            return Same(IcpFitRule.EvaluateDeal(scored, Pick(Deals, deal1), settings), IcpFitRule.Evaluate(account, Pick(Deals, deal1), settings))
                && Same(IcpFitRule.EvaluateDeal(scored, Pick(Deals, deal2), settings), IcpFitRule.Evaluate(account, Pick(Deals, deal2), settings));
        }

        private static bool Same(IcpFitResult a, IcpFitResult b) =>
            a.Score == b.Score && a.Band == b.Band && a.ReasonsText == b.ReasonsText;

        private static IcpAccount Account(byte industry, byte employees, byte revenue, byte country) =>
            new IcpAccount(Pick(Industries, industry), Pick(Employees, employees), Pick(Revenues, revenue), Pick(Countries, country));

        private static T Pick<T>(T[] values, byte index) => values[index % values.Length];
    }
}
