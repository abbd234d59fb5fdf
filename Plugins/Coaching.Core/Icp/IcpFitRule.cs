using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Settings;
using Coaching.Core.Text;

namespace Coaching.Core.Icp
{
    /// <summary>
    /// Scores how well an account and deal fit the Ideal Customer Profile.
    /// Score = weight of met criteria / total weight × 100, rounded half away from zero. A criterion with
    /// weight 0 is not scored and not listed. Missing data counts as not met and reads "unknown".
    /// Band is Unknown (and Score null) when there is no account, or when the criteria with data
    /// carry less than half of the total weight: too little to call the fit poor.
    /// </summary>
    public static class IcpFitRule
    {
        private const string Dash = "\u2013";

        /// <summary>The first reason when the deal names an account the user saving it may not read.</summary>
        public const string AccountNotVisibleReason =
            "The deal's account is not visible to you, so ICP fit cannot be scored: ask the account's owner or your manager to share it";

        private const string NoAccountReason = "No account: link an account to the opportunity to score ICP fit";

        public static IcpFitResult Evaluate(IcpAccount? account, decimal? dealValue, IcpSettings settings) =>
            Evaluate(ScoreAccount(account, settings), dealValue, settings, NoAccountReason);

        /// <summary>
        /// The fit of a deal of <paramref name="dealValue"/> with an account scored by <see cref="ScoreAccount"/>: the same
        /// result as <see cref="Evaluate(IcpAccount, decimal?, IcpSettings)"/>, for callers that score many deals of one account.
        /// </summary>
        public static IcpFitResult EvaluateDeal(IcpAccountScore account, decimal? dealValue, IcpSettings settings) =>
            Evaluate(account, dealValue, settings, NoAccountReason);

        /// <summary>The deal names an account the caller may not read: Unknown, and a reason that says why.</summary>
        public static IcpFitResult EvaluateWithHiddenAccount(decimal? dealValue, IcpSettings settings) =>
            Evaluate(ScoreAccount(null, settings), dealValue, settings, AccountNotVisibleReason);

        /// <summary>The account's criteria (industry, employees, revenue, country), scored once under <paramref name="settings"/>.</summary>
        public static IcpAccountScore ScoreAccount(IcpAccount? account, IcpSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            var w = settings.Weights;
            return new IcpAccountScore(account != null, new[]
            {
                Industry(account?.Industry, settings, w.Industry),
                Employees(account?.Employees, settings, w.Employees),
                Revenue(account?.AnnualRevenue, settings, w.Revenue),
                Country(account?.Country, settings, w.Country),
            });
        }

        private static IcpFitResult Evaluate(IcpAccountScore account, decimal? dealValue, IcpSettings settings, string noAccountReason)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            var criteria = new List<Criterion>(account.Criteria) { DealSize(dealValue, settings, settings.Weights.DealSize) };
            criteria.RemoveAll(c => c.Weight == 0);

            var total = criteria.Sum(c => c.Weight);
            if (total == 0)
            {
                throw new ArgumentException("At least one ICP weight must be above 0.", nameof(settings));
            }

            var known = criteria.Where(c => c.Known).Sum(c => c.Weight);
            var met = criteria.Where(c => c.Met).Sum(c => c.Weight);
            var reasons = criteria.Select(c => c.Reason).ToList();

            if (!account.HasAccount)
            {
                reasons.Insert(0, noAccountReason);
                return new IcpFitResult(null, IcpFitBand.Unknown, reasons.AsReadOnly());
            }

            if (known * 2 < total)
            {
                reasons.Insert(0, "Not enough data: " + known + " of " + total + " points have data (at least half needed)");
                return new IcpFitResult(null, IcpFitBand.Unknown, reasons.AsReadOnly());
            }

            var score = (int)Math.Round(met * 100m / total, MidpointRounding.AwayFromZero);
            return new IcpFitResult(score, BandOf(score, settings.Bands), reasons.AsReadOnly());
        }

        /// <summary>Strong at or above bands.Strong, Partial at or above bands.Partial, else Poor.</summary>
        public static IcpFitBand BandOf(int score, IcpBands bands) =>
            score >= bands.Strong ? IcpFitBand.Strong
            : score >= bands.Partial ? IcpFitBand.Partial
            : IcpFitBand.Poor;

        private static Criterion Industry(string? industry, IcpSettings s, int weight) =>
            InList("Industry", industry, s.Industries, "a target industry", weight);

        private static Criterion Employees(int? employees, IcpSettings s, int weight)
        {
            if (!employees.HasValue)
            {
                return Criterion.Unknown("Employees", weight);
            }

            var range = s.EmployeeRange;
            return InRange("Employees", employees.Value, range.Min, range.Max, weight);
        }

        private static Criterion Revenue(decimal? revenue, IcpSettings s, int weight)
        {
            if (!revenue.HasValue)
            {
                return Criterion.Unknown("Revenue", weight);
            }

            var range = s.RevenueRange;
            return InRange("Revenue", revenue.Value, range.Min, range.Max, weight);
        }

        private static Criterion Country(string? country, IcpSettings s, int weight) =>
            InList("Country", country, s.Countries, "a target country", weight);

        private static Criterion InList(string criterion, string? text, IReadOnlyList<string> targets, string what, int weight)
        {
            var value = Clean(text);
            if (value == null)
            {
                return Criterion.Unknown(criterion, weight);
            }

            return Contains(targets, value)
                ? Criterion.Hit(criterion + ": " + value + " is " + what, weight)
                : Criterion.Miss(criterion + ": " + value + " is not " + what, weight);
        }

        private static Criterion DealSize(decimal? dealValue, IcpSettings s, int weight)
        {
            if (!dealValue.HasValue)
            {
                return Criterion.Unknown("Deal size", weight);
            }

            var value = Display.Number(dealValue.Value);
            var minimum = Display.Number(s.MinimumDealSize);
            return dealValue.Value >= s.MinimumDealSize
                ? Criterion.Hit("Deal size: " + value + " meets the minimum " + minimum, weight)
                : Criterion.Miss("Deal size: " + value + " is below the minimum " + minimum, weight);
        }

        private static Criterion InRange(string label, decimal value, decimal min, decimal max, int weight)
        {
            var range = "the target range " + Display.Number(min) + Dash + Display.Number(max);
            var shown = label + ": " + Display.Number(value);
            if (value < min)
            {
                return Criterion.Miss(shown + " is below " + range, weight);
            }

            return value > max
                ? Criterion.Miss(shown + " is above " + range, weight)
                : Criterion.Hit(shown + " is within " + range, weight);
        }

        private static bool Contains(IReadOnlyList<string> list, string value) =>
            list.Any(item => string.Equals(item.Trim(), value, StringComparison.OrdinalIgnoreCase));

        private static string? Clean(string? text)
        {
            var trimmed = text?.Trim();
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }

        internal sealed class Criterion
        {
            private Criterion(string reason, int weight, bool known, bool met)
            {
                Reason = reason;
                Weight = weight;
                Known = known;
                Met = met;
            }

            public string Reason { get; }

            public int Weight { get; }

            public bool Known { get; }

            public bool Met { get; }

            public static Criterion Hit(string text, int weight) => new Criterion(text + " (+" + weight + ")", weight, true, true);

            public static Criterion Miss(string text, int weight) => new Criterion(text + " (0 of " + weight + ")", weight, true, false);

            public static Criterion Unknown(string label, int weight) => new Criterion(label + ": unknown (0 of " + weight + ")", weight, false, false);
        }
    }

    /// <summary>An account's ICP criteria scored under one settings (<see cref="IcpFitRule.ScoreAccount"/>); the deal size is added per deal.</summary>
    public sealed class IcpAccountScore
    {
        internal IcpAccountScore(bool hasAccount, IReadOnlyList<IcpFitRule.Criterion> criteria)
        {
            HasAccount = hasAccount;
            Criteria = criteria;
        }

        internal bool HasAccount { get; }

        internal IReadOnlyList<IcpFitRule.Criterion> Criteria { get; }
    }
}
