using System;

namespace Coaching.Core.Cadence
{
    /// <summary>Coaching weeks run Monday 00:00 to Monday 00:00 UTC.</summary>
    public static class CoachingWeek
    {
        public static DateTime StartOf(DateTime moment)
        {
            var daysSinceMonday = ((int)moment.DayOfWeek + 6) % 7;
            return DateTime.SpecifyKind(moment.Date.AddDays(-daysSinceMonday), DateTimeKind.Utc);
        }
    }
}
