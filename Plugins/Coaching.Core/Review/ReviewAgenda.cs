using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Settings;
using Coaching.Core.Text;

namespace Coaching.Core.Review
{
    /// <summary>A flagged deal that may go on the pipeline-meeting agenda. Dates are UTC.</summary>
    public sealed record AgendaDeal(
        Guid OpportunityId,
        string? Name,
        decimal? EstimatedValue,
        int? IcpScore,
        DateTime? LastCoachedOn,
        DateTime? EstimatedCloseDate);

    /// <param name="Rank">1 for the deal to discuss first.</param>
    /// <param name="Priority">0–100: the points of <see cref="ReviewAgenda"/>'s four factors.</param>
    /// <param name="PriorityReasons">One line per factor with its points, in factor order.</param>
    public sealed record AgendaItem(AgendaDeal Deal, int Rank, int Priority, IReadOnlyList<string> PriorityReasons)
    {
        public string PriorityReasonsText => string.Join("\n", PriorityReasons);
    }

    /// <summary>
    /// Orders flagged deals by coaching priority: where a conversation in the pipeline meeting is worth most.
    /// Four factors add up to 100 points:
    /// value (40: the largest deal on the agenda gets all, others in proportion),
    /// fit gap (20: how far the ICP score is below the Strong band; an unknown fit gets half),
    /// time since last coached (20: in proportion up to four weeks; never coached gets all),
    /// closing soon (20: more the closer the close date within the closing-soon window; a passed date gets all).
    /// Ties go to the larger deal, then by name.
    /// </summary>
    public static class ReviewAgenda
    {
        public const int ValuePoints = 40;
        public const int FitGapPoints = 20;
        public const int CoachingGapPoints = 20;
        public const int ClosingSoonPoints = 20;

        /// <summary>A deal not coached for this many days (or never) gets all the coaching-gap points.</summary>
        public const int CoachingGapFullDays = 28;

        public static IReadOnlyList<AgendaItem> Order(IEnumerable<AgendaDeal> deals, IcpBands bands, ReviewSettings review, DateTime now)
        {
            if (deals == null)
            {
                throw new ArgumentNullException(nameof(deals));
            }

            if (bands == null)
            {
                throw new ArgumentNullException(nameof(bands));
            }

            if (review == null)
            {
                throw new ArgumentNullException(nameof(review));
            }

            var list = deals.ToList();
            var largest = list.Select(d => d.EstimatedValue ?? 0m).DefaultIfEmpty(0m).Max();
            var scored = list
                .Select(deal =>
                {
                    var factors = new[]
                    {
                        Value(deal.EstimatedValue, largest),
                        FitGap(deal.IcpScore, bands.Strong),
                        CoachingGap(deal.LastCoachedOn, now),
                        ClosingSoon(deal.EstimatedCloseDate, review.ClosingSoonDays, now),
                    };
                    return new { Deal = deal, Priority = factors.Sum(f => f.Points), Reasons = factors.Select(f => f.Reason).ToList().AsReadOnly() };
                })
                .OrderByDescending(s => s.Priority)
                .ThenByDescending(s => s.Deal.EstimatedValue ?? 0m)
                .ThenBy(s => s.Deal.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ThenBy(s => s.Deal.OpportunityId)
                .ToList();

            return scored.Select((s, i) => new AgendaItem(s.Deal, i + 1, s.Priority, s.Reasons)).ToList().AsReadOnly();
        }

        private static Factor Value(decimal? value, decimal largest)
        {
            if (!value.HasValue || value.Value <= 0m || largest <= 0m)
            {
                return new Factor(0, "Value: not captured", ValuePoints);
            }

            var points = Points(value.Value / largest * ValuePoints);
            return new Factor(points, "Value: " + Display.Number(value.Value) + (value.Value == largest ? " (largest on the agenda)" : string.Empty), ValuePoints);
        }

        private static Factor FitGap(int? score, int strong)
        {
            if (!score.HasValue)
            {
                return new Factor(FitGapPoints / 2, "Fit gap: ICP fit unknown", FitGapPoints);
            }

            var gap = Math.Max(0, strong - score.Value);
            return gap == 0
                ? new Factor(0, "Fit gap: none, ICP score " + score.Value + " is Strong", FitGapPoints)
                : new Factor(Points((decimal)gap / strong * FitGapPoints), "Fit gap: ICP score " + score.Value + " is " + gap + " below Strong (" + strong + ")", FitGapPoints);
        }

        private static Factor CoachingGap(DateTime? lastCoachedOn, DateTime now)
        {
            if (!lastCoachedOn.HasValue)
            {
                return new Factor(CoachingGapPoints, "Last coached: never", CoachingGapPoints);
            }

            var days = Math.Max(0, (int)(now.Date - lastCoachedOn.Value.Date).TotalDays);
            var points = Points((decimal)Math.Min(days, CoachingGapFullDays) / CoachingGapFullDays * CoachingGapPoints);
            return new Factor(points, "Last coached: " + (days == 0 ? "today" : Display.Count(days, "day", "days") + " ago"), CoachingGapPoints);
        }

        private static Factor ClosingSoon(DateTime? closeDate, int closingSoonDays, DateTime now)
        {
            if (!closeDate.HasValue)
            {
                return new Factor(0, "Closing: no close date", ClosingSoonPoints);
            }

            var daysLeft = (int)(closeDate.Value.Date - now.Date).TotalDays;
            if (daysLeft < 0)
            {
                return new Factor(ClosingSoonPoints, "Closing: close date " + Display.Date(closeDate.Value) + " has passed", ClosingSoonPoints);
            }

            if (daysLeft > closingSoonDays)
            {
                return new Factor(0, "Closing: " + Display.Date(closeDate.Value) + ", not within " + Display.Count(closingSoonDays, "day", "days"), ClosingSoonPoints);
            }

            var points = Points((decimal)(closingSoonDays - daysLeft + 1) / (closingSoonDays + 1) * ClosingSoonPoints);
            return new Factor(points, "Closing: " + (daysLeft == 0 ? "today" : "in " + Display.Count(daysLeft, "day", "days")), ClosingSoonPoints);
        }

        private static int Points(decimal value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

        private sealed class Factor
        {
            public Factor(int points, string label, int outOf)
            {
                Points = points;
                Reason = label + " (" + points + "/" + outOf + ")";
            }

            public int Points { get; }

            public string Reason { get; }
        }
    }
}
