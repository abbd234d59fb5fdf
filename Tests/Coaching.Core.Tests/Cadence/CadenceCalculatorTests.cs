using System;
using System.Linq;
using Coaching.Core.Cadence;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Cadence
{
    public class CadenceCalculatorTests
    {
        private static readonly CadenceSettings Settings = CoachingSettings.Default.Cadence; // 3 a week, 30 minutes each

        private static readonly DateTime Monday = new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc);

        private static readonly Guid Ana = new Guid("00000000-0000-0000-0000-00000000000a");
        private static readonly Guid Ben = new Guid("00000000-0000-0000-0000-00000000000b");

        [Fact]
        public void A_rep_coached_three_times_meets_the_weekly_target()
        {
            var sessions = new[]
            {
                new HeldSession(Ana, "Ana", Monday.AddHours(9), Minutes: 20),
                new HeldSession(Ana, "Ana", Monday.AddDays(2).AddHours(9), Minutes: 25),
                new HeldSession(Ana, "Ana", Monday.AddDays(4).AddHours(9), Minutes: 30),
            };

            var ana = CadenceCalculator.Compute(sessions, Monday, Settings).Single();

            ana.Should().Be(new RepCadence(Ana, "Ana", Held: 3, Target: 3, TotalMinutes: 75, Shortfall: 0, OverlongSessions: 0));
            ana.MeetsTarget.Should().BeTrue();
        }

        [Fact]
        public void A_rep_coached_once_is_two_sessions_short()
        {
            var result = CadenceCalculator.Compute(new[] { new HeldSession(Ben, "Ben", Monday.AddDays(1), Minutes: 15) }, Monday, Settings);

            result.Single().Shortfall.Should().Be(2);
            result.Single().MeetsTarget.Should().BeFalse();
        }

        [Fact]
        public void Extra_sessions_never_make_a_negative_shortfall()
        {
            var sessions = Enumerable.Range(0, 5).Select(i => new HeldSession(Ana, "Ana", Monday.AddDays(i), Minutes: 10));

            var ana = CadenceCalculator.Compute(sessions, Monday, Settings).Single();

            ana.Held.Should().Be(5);
            ana.Shortfall.Should().Be(0);
        }

        [Fact]
        public void Only_sessions_starting_within_the_week_count()
        {
            var sessions = new[]
            {
                new HeldSession(Ana, "Ana", Monday, Minutes: 10),
                new HeldSession(Ana, "Ana", Monday.AddDays(7).AddTicks(-1), Minutes: 10),
                new HeldSession(Ana, "Ana", Monday.AddTicks(-1), Minutes: 10),
                new HeldSession(Ana, "Ana", Monday.AddDays(7), Minutes: 10),
            };

            CadenceCalculator.Compute(sessions, Monday, Settings).Single().Held.Should().Be(2);
        }

        [Fact]
        public void Sessions_longer_than_the_maximum_are_counted_as_overlong()
        {
            var sessions = new[]
            {
                new HeldSession(Ana, "Ana", Monday.AddHours(9), Minutes: 30),
                new HeldSession(Ana, "Ana", Monday.AddHours(11), Minutes: 31),
                new HeldSession(Ana, "Ana", Monday.AddHours(13), EndedOn: Monday.AddHours(14)),
            };

            var ana = CadenceCalculator.Compute(sessions, Monday, Settings).Single();

            ana.OverlongSessions.Should().Be(2);
            ana.TotalMinutes.Should().Be(121);
        }

        [Fact]
        public void Duration_comes_from_recorded_minutes_else_from_start_and_end()
        {
            new HeldSession(Ana, "Ana", Monday, Monday.AddMinutes(50), Minutes: 20).Duration.Should().Be(20);
            new HeldSession(Ana, "Ana", Monday, Monday.AddMinutes(24).AddSeconds(30)).Duration.Should().Be(25);
            new HeldSession(Ana, "Ana", Monday).Duration.Should().Be(0);
        }

        [Fact]
        public void Reps_on_the_roster_without_sessions_show_the_full_shortfall()
        {
            var result = CadenceCalculator.Compute(
                new[] { new HeldSession(Ana, "Ana", Monday.AddDays(1), Minutes: 20) },
                Monday,
                Settings,
                new[] { new CoachedRep(Ben, "Ben"), new CoachedRep(Ana, "Ana") });

            result.Select(r => (r.RepName, r.Held, r.Shortfall)).Should().Equal(("Ana", 1, 2), ("Ben", 0, 3));
        }

        [Fact]
        public void Each_rep_is_counted_separately_and_listed_by_name()
        {
            var sessions = new[]
            {
                new HeldSession(Ben, "Ben", Monday.AddDays(1), Minutes: 20),
                new HeldSession(Ana, "ana", Monday.AddDays(1), Minutes: 20),
                new HeldSession(Ben, "Ben", Monday.AddDays(2), Minutes: 20),
            };

            CadenceCalculator.Compute(sessions, Monday, Settings).Select(r => (r.RepName, r.Held)).Should().Equal(("ana", 1), ("Ben", 2));
        }

        [Fact]
        public void The_target_comes_from_the_settings()
        {
            var result = CadenceCalculator.Compute(Array.Empty<HeldSession>(), Monday, new CadenceSettings(5, 30), new[] { new CoachedRep(Ana, "Ana") });

            result.Single().Should().Be(new RepCadence(Ana, "Ana", 0, 5, 0, 5, 0));
        }
    }
}
