using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;
using Coaching.Core.Text;

namespace Coaching.Core.Review
{
    /// <summary>
    /// Decides whether an early-stage deal should be examined in the pipeline meeting.
    /// Only open deals in one of the early stages can be flagged; a flag is raised when at least one
    /// reason holds, and reasons are listed in this order: high value, close date, stale, poor ICP fit,
    /// next interaction. Day counts compare calendar dates (UTC). Switched off (review.enabled false), nothing is flagged.
    /// Reason texts name dates and limits, never a count of days that grows by itself: the stored reasons then change only
    /// when the facts do, so the daily refresh does not rewrite (and audit) every flagged deal every day.
    /// </summary>
    public static class ReviewFlagRule
    {
        private static readonly ReviewFlagResult NotFlagged = new ReviewFlagResult(false, new string[0]);

        /// <summary>
        /// How the reasons that time alone can raise begin: they become true without anyone saving the deal,
        /// which is why the agenda evaluates the rule when asked and the daily refresh rewrites the stored flag.
        /// </summary>
        public static readonly IReadOnlyList<string> TimeBasedReasons = Array.AsReadOnly(new[]
        {
            "Close date passed", "Closing soon", "Stale", "Next interaction date passed",
        });

        /// <summary>True for a reason line that time alone can raise (see <see cref="TimeBasedReasons"/>).</summary>
        public static bool IsTimeBased(string reason) =>
            reason != null && TimeBasedReasons.Any(r => reason.StartsWith(r + ":", StringComparison.Ordinal));

        public static ReviewFlagResult Evaluate(ReviewInput input, ReviewSettings settings, DateTime now)
        {
            if (input == null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (!settings.Enabled || input.State != OpportunityState.Open || !settings.EarlyStages.Contains(input.Stage))
            {
                return NotFlagged;
            }

            var stage = input.Stage.ToString();
            var reasons = new List<string>();

            if (input.EstimatedValue.HasValue && input.EstimatedValue.Value >= settings.MinimumValue)
            {
                reasons.Add("High value: " + Display.Number(input.EstimatedValue.Value) + " in " + stage
                    + " (threshold " + Display.Number(settings.MinimumValue) + ")");
            }

            if (input.EstimatedCloseDate.HasValue)
            {
                var close = input.EstimatedCloseDate.Value;
                var daysLeft = DaysBetween(now, close);
                if (daysLeft < 0)
                {
                    reasons.Add("Close date passed: " + Display.Date(close) + " and the deal is still in " + stage
                        + "; update the close date or the stage");
                }
                else if (daysLeft <= settings.ClosingSoonDays)
                {
                    reasons.Add("Closing soon: expected to close " + Display.Date(close) + ", within "
                        + Display.Count(settings.ClosingSoonDays, "day", "days") + ", but still in " + stage);
                }
            }

            if (input.CreatedOn.HasValue)
            {
                var age = DaysBetween(input.CreatedOn.Value, now);
                if (age > settings.StaleDays)
                {
                    reasons.Add("Stale: open since " + Display.Date(input.CreatedOn.Value) + ", more than "
                        + Display.Count(settings.StaleDays, "day", "days") + ", and still in " + stage);
                }
            }

            if (input.IcpScore.HasValue && input.IcpScore.Value < settings.PoorFitThreshold)
            {
                reasons.Add("Poor ICP fit: score " + input.IcpScore.Value + " is below " + settings.PoorFitThreshold);
            }

            if (settings.RequireNextInteraction)
            {
                if (!input.NextInteractionDate.HasValue)
                {
                    reasons.Add("No next interaction: schedule one and set its date and goal");
                }
                else if (input.NextInteractionDate.Value < now)
                {
                    reasons.Add("Next interaction date passed: " + Display.Date(input.NextInteractionDate.Value)
                        + "; record the outcome and schedule the next one");
                }
            }

            return reasons.Count == 0 ? NotFlagged : new ReviewFlagResult(true, reasons.AsReadOnly());
        }

        /// <summary>
        /// The earliest moment at which time alone can add or remove one of the <see cref="TimeBasedReasons"/> of this deal
        /// as it is stored (evaluated at any moment from <paramref name="now"/> up to, not including, it, the rule gives the
        /// reasons it gives at <paramref name="now"/>); null when time alone cannot change them: review off, the deal closed
        /// or past the early stages, or every date-driven reason already settled for good. The daily refresh reads only the
        /// deals whose moment has come.
        /// </summary>
        public static DateTime? SignalsDueOn(ReviewInput input, ReviewSettings settings, DateTime now)
        {
            if (input == null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (!settings.Enabled || input.State != OpportunityState.Open || !settings.EarlyStages.Contains(input.Stage))
            {
                return null;
            }

            DateTime? due = null;
            var today = now.Date;
            if (input.EstimatedCloseDate.HasValue)
            {
                // Days count calendar dates: "Closing soon" starts at midnight ClosingSoonDays before the close date,
                // "Close date passed" at midnight after it.
                var close = input.EstimatedCloseDate.Value.Date;
                due = Earliest(due, MidnightAfter(today, AddDays(close, -(long)settings.ClosingSoonDays)));
                due = Earliest(due, MidnightAfter(today, AddDays(close, 1)));
            }

            if (input.CreatedOn.HasValue)
            {
                // Stale once more than StaleDays calendar days have passed since the day it was created.
                due = Earliest(due, MidnightAfter(today, AddDays(input.CreatedOn.Value.Date, (long)settings.StaleDays + 1)));
            }

            if (settings.RequireNextInteraction && input.NextInteractionDate.HasValue && input.NextInteractionDate.Value >= now)
            {
                // "Passed" holds at any moment after the date itself (a moment, not a day).
                due = Earliest(due, input.NextInteractionDate.Value);
            }

            return due.HasValue ? DateTime.SpecifyKind(due.Value, DateTimeKind.Utc) : (DateTime?)null;
        }

        private static int DaysBetween(DateTime from, DateTime to) => (int)(to.Date - from.Date).TotalDays;

        /// <summary>The midnight that starts <paramref name="day"/> when it is later than today's; null when that day has begun.</summary>
        private static DateTime? MidnightAfter(DateTime today, DateTime? day) => day.HasValue && day.Value > today ? day : null;

        /// <summary>The date <paramref name="days"/> from <paramref name="date"/>; null beyond the calendar's end (never reached).</summary>
        private static DateTime? AddDays(DateTime date, long days) =>
            days >= 0 ? (DateTime.MaxValue.Date - date).TotalDays >= days ? date.AddDays(days) : (DateTime?)null
                : (date - DateTime.MinValue).TotalDays >= -days ? date.AddDays(days) : DateTime.MinValue;

        private static DateTime? Earliest(DateTime? a, DateTime? b) => !a.HasValue ? b : !b.HasValue ? a : a.Value <= b.Value ? a : b;

    }
}
