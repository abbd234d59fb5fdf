using System;
using Coaching.Core.Cadence;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Cadence
{
    public class CadenceSummaryTests
    {
        private static readonly CadenceSettings Settings = CoachingSettings.Default.Cadence; // 3 a week, 30 minutes each

        private static RepCadence Rep(int held, int minutes, int overlong = 0) =>
            new RepCadence(Guid.NewGuid(), "Rep", held, 3, minutes, Math.Max(0, 3 - held), overlong);

        [Fact]
        public void Shortfall_is_summed_over_the_reps_below_target()
        {
            CadenceSummary.Describe(new[] { Rep(3, 75), Rep(1, 20), Rep(0, 0) }, Settings)
                .Should().Be("2 of 3 reps below the target of 3 sessions: 5 sessions short (4 sessions held, 95 minutes).");
        }

        [Fact]
        public void A_team_on_target_reads_so_and_overlong_sessions_are_reported()
        {
            CadenceSummary.Describe(new[] { Rep(3, 100, overlong: 1), Rep(4, 100) }, Settings)
                .Should().Be("All 2 reps met the target of 3 sessions (7 sessions held, 200 minutes). 1 session ran over the 30-minute maximum.");
        }

        [Fact]
        public void A_manager_without_reps_is_told_so()
        {
            CadenceSummary.Describe(Array.Empty<RepCadence>(), Settings).Should().Be("No reps to coach: nobody reports to this manager.");
        }
    }
}
