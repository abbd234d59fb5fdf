using System;
using Coaching.Core.Cadence;

namespace Coaching.Core.Tests.Cadence
{
    public class CoachingWeekTests
    {
        [Theory]
        [InlineData("2026-03-09T00:00:00Z")] // Monday
        [InlineData("2026-03-11T13:45:00Z")] // Wednesday
        [InlineData("2026-03-15T23:59:59Z")] // Sunday
        public void A_week_starts_on_the_Monday_before_at_midnight_UTC(string moment)
        {
            var start = CoachingWeek.StartOf(DateTime.Parse(moment, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

            start.Should().Be(new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc));
            start.Kind.Should().Be(DateTimeKind.Utc);
        }
    }
}
