using System;
using System.Collections.Generic;

namespace Coaching.Core.Commitments
{
    /// <summary>
    /// Counts whether the action items agreed in a session were done as agreed. A commitment counts by
    /// its due day (UTC calendar date): completed by the end of that day is kept; completed later,
    /// still open after it, or canceled is missed (a dropped commitment was not kept).
    /// </summary>
    public static class CommitmentCounter
    {
        public static CommitmentCount Count(IEnumerable<ActionItemStatus> items, DateTime now)
        {
            if (items == null)
            {
                throw new ArgumentNullException(nameof(items));
            }

            int kept = 0, missed = 0, pending = 0;
            foreach (var item in items)
            {
                switch (Classify(item, now))
                {
                    case Outcome.Kept: kept++; break;
                    case Outcome.Missed: missed++; break;
                    default: pending++; break;
                }
            }

            return new CommitmentCount(kept, missed, pending);
        }

        private static Outcome Classify(ActionItemStatus item, DateTime now)
        {
            var dueDay = item.DueOn?.Date;
            switch (item.State)
            {
                case ActionItemState.Canceled:
                    return Outcome.Missed;
                case ActionItemState.Completed:
                    return dueDay.HasValue && item.CompletedOn.HasValue && item.CompletedOn.Value.Date > dueDay.Value
                        ? Outcome.Missed
                        : Outcome.Kept;
                default:
                    return dueDay.HasValue && now.Date > dueDay.Value ? Outcome.Missed : Outcome.Pending;
            }
        }

        private enum Outcome
        {
            Kept,
            Missed,
            Pending,
        }
    }
}
