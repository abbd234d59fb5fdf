using System;
using System.Globalization;

namespace Coaching.Core.Text
{
    /// <summary>How numbers and dates read in every message, so wording stays consistent (invariant culture, UTC).</summary>
    public static class Display
    {
        /// <summary>Whole number with thousands separators: 250000 → "250,000".</summary>
        public static string Number(decimal value) => value.ToString("N0", CultureInfo.InvariantCulture);

        public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>Calendar date: "2026-11-01".</summary>
        public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>Date and time in UTC: "2026-11-01 14:30 UTC".</summary>
        public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

        /// <summary>"1 day" / "5 days".</summary>
        public static string Count(int count, string singular, string plural) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
    }
}
