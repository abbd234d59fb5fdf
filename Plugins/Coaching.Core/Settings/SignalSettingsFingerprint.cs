using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Coaching.Core.Settings
{
    /// <summary>
    /// A short, stable text naming the settings a deal's stored signals (ICP fit, review flag and reasons) were computed
    /// with: stored on the deal beside the signals, so the daily refresh re-reads every open deal once after an admin
    /// changes these settings, and only the deals whose date has come otherwise. The same settings give the same text in
    /// every process and framework (a 64-bit FNV-1a hash of a canonical text, never string.GetHashCode).
    /// </summary>
    public static class SignalSettingsFingerprint
    {
        /// <summary>
        /// Raise it when a change to the review or ICP rule's code changes what it computes from the same deal and
        /// settings: every open deal's fingerprint then differs and the next refresh recomputes them all.
        /// </summary>
        public const int RuleVersion = 1;

        /// <summary>Length of every fingerprint (16 hexadecimal digits).</summary>
        public const int Length = 16;

        // Settings objects are immutable and cached per organization: each one's fingerprint is worked out once.
        private static readonly ConditionalWeakTable<CoachingSettings, string> Computed = new ConditionalWeakTable<CoachingSettings, string>();

        public static string Of(CoachingSettings settings) =>
            Computed.GetValue(settings, s => Hash(CanonicalText(s.Review, s.Icp)));

        /// <summary>Every review and ICP setting the stored signals depend on, in a fixed order and notation.</summary>
        public static string CanonicalText(ReviewSettings review, IcpSettings icp)
        {
            var text = new StringBuilder();
            text.Append("rules ").Append(RuleVersion);
            text.Append("|review ").Append(review.Enabled ? 1 : 0)
                .Append(' ').Append(Join(review.EarlyStages, stage => ((int)stage).ToString(CultureInfo.InvariantCulture)))
                .Append(' ').Append(Number(review.MinimumValue))
                .Append(' ').Append(Number(review.StaleDays))
                .Append(' ').Append(Number(review.ClosingSoonDays))
                .Append(' ').Append(Number(review.PoorFitThreshold))
                .Append(' ').Append(review.RequireNextInteraction ? 1 : 0);
            text.Append("|icp ").Append(icp.Enabled ? 1 : 0)
                .Append(' ').Append(Join(icp.Industries, Quoted))
                .Append(' ').Append(Number(icp.EmployeeRange.Min)).Append('-').Append(Number(icp.EmployeeRange.Max))
                .Append(' ').Append(Number(icp.RevenueRange.Min)).Append('-').Append(Number(icp.RevenueRange.Max))
                .Append(' ').Append(Join(icp.Countries, Quoted))
                .Append(' ').Append(Number(icp.MinimumDealSize))
                .Append(' ').Append(Number(icp.Weights.Industry)).Append(',').Append(Number(icp.Weights.Employees))
                .Append(',').Append(Number(icp.Weights.Revenue)).Append(',').Append(Number(icp.Weights.Country))
                .Append(',').Append(Number(icp.Weights.DealSize))
                .Append(' ').Append(Number(icp.Bands.Strong)).Append(',').Append(Number(icp.Bands.Partial));
            return text.ToString();
        }

        private static string Join<T>(IEnumerable<T> items, System.Func<T, string> format)
        {
            var text = new StringBuilder("[");
            foreach (var item in items)
            {
                if (text.Length > 1) text.Append(',');
                text.Append(format(item));
            }

            return text.Append(']').ToString();
        }

        // Length-prefixed, so no name can run into the next one whatever characters it holds.
        private static string Quoted(string value) => (value ?? string.Empty).Length.ToString(CultureInfo.InvariantCulture) + ":" + value;

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        // 100000 and 100000.00 are the same setting: trailing zeros dropped.
        private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

        private static string Hash(string text)
        {
            const ulong offsetBasis = 14695981039346656037UL;
            const ulong prime = 1099511628211UL;
            var hash = offsetBasis;
            foreach (var c in text)
            {
                hash = (hash ^ (byte)c) * prime;
                hash = (hash ^ (byte)(c >> 8)) * prime;
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }
    }
}
