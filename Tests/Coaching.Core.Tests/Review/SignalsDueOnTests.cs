using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Review;
using Coaching.Core.Settings;
using FsCheck;
using FsCheck.Xunit;

namespace Coaching.Core.Tests.Review
{
    /// <summary>When time alone next changes a deal's review reasons: the moment the daily refresh must read it again.</summary>
    public class SignalsDueOnTests
    {
        // Defaults: early stages Qualify and Develop, stale after 60 days, closing soon within 30 days, next interaction required.
        private static readonly ReviewSettings Settings = CoachingSettings.Default.Review;

        private static readonly DateTime Now = new DateTime(2026, 3, 10, 9, 30, 0, DateTimeKind.Utc);

        private static readonly ReviewInput Quiet = new ReviewInput(
            SalesStage.Qualify,
            OpportunityState.Open,
            EstimatedValue: 50000m,
            EstimatedCloseDate: Now.Date.AddDays(90),
            IcpScore: 80,
            NextInteractionDate: Now.AddDays(45).AddHours(3),
            CreatedOn: Now.AddDays(-10));

        private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
            new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);

        [Fact]
        public void A_quiet_deal_is_due_at_the_first_midnight_or_moment_a_time_based_reason_changes()
        {
            // Created 2026-02-28: stale from 2026-04-30 (61 calendar days); closing soon from 2026-05-09 (close 2026-06-08);
            // next interaction 2026-04-24 12:30 passes right after that moment: it comes first.
            ReviewFlagRule.SignalsDueOn(Quiet, Settings, Now).Should().Be(Utc(2026, 4, 24, 12, 30));
            ReviewFlagRule.SignalsDueOn(Quiet with { NextInteractionDate = null }, Settings, Now).Should().Be(Utc(2026, 4, 30));
            ReviewFlagRule.SignalsDueOn(Quiet with { NextInteractionDate = null, CreatedOn = Now }, Settings, Now).Should().Be(Utc(2026, 5, 9));
        }

        [Fact]
        public void The_due_moment_is_the_first_one_at_which_the_rule_says_something_else()
        {
            var withoutNext = Quiet with { NextInteractionDate = null };
            var due = ReviewFlagRule.SignalsDueOn(withoutNext, Settings, Now)!.Value;

            Reasons(withoutNext, due.AddTicks(-1)).Should().Equal(Reasons(withoutNext, Now));
            Reasons(withoutNext, due).Should().BeEquivalentTo(Reasons(withoutNext, Now).Append("Stale: open since 2026-02-28, more than 60 days, and still in Qualify"));
        }

        [Fact]
        public void A_deal_closing_soon_is_due_when_its_close_date_has_passed()
        {
            var closingSoon = Quiet with { EstimatedCloseDate = Now.Date.AddDays(5), NextInteractionDate = null, CreatedOn = Now };

            ReviewFlagRule.SignalsDueOn(closingSoon, Settings, Now).Should().Be(Utc(2026, 3, 16), "the day after the close date, 'Closing soon' becomes 'Close date passed'");
        }

        [Fact]
        public void Reasons_time_can_no_longer_change_leave_the_deal_without_a_due_date()
        {
            var settled = Quiet with { EstimatedCloseDate = Now.Date.AddDays(-1), NextInteractionDate = Now.AddDays(-2), CreatedOn = Now.AddDays(-90) };

            ReviewFlagRule.SignalsDueOn(settled, Settings, Now).Should().BeNull("the close date and next interaction have passed and the deal is already stale");
            ReviewFlagRule.SignalsDueOn(Quiet with { Stage = SalesStage.Propose }, Settings, Now).Should().BeNull("only early-stage deals are flagged");
            ReviewFlagRule.SignalsDueOn(Quiet with { State = OpportunityState.Won }, Settings, Now).Should().BeNull();
            ReviewFlagRule.SignalsDueOn(Quiet, Settings with { Enabled = false }, Now).Should().BeNull("review is switched off");
        }

        [Fact]
        public void Without_the_next_interaction_requirement_its_date_sets_no_due_moment()
        {
            ReviewFlagRule.SignalsDueOn(Quiet, Settings with { RequireNextInteraction = false }, Now).Should().Be(Utc(2026, 4, 30));
        }

        [Fact]
        public void A_next_interaction_at_this_very_moment_is_due_now_as_it_passes_right_after()
        {
            ReviewFlagRule.SignalsDueOn(Quiet with { NextInteractionDate = Now }, Settings, Now).Should().Be(Now);
        }

        /// <summary>
        /// The refresh leaves a deal unread until its due moment: the stored reasons must hold at every moment before it,
        /// and the moment must be the first one at which they do not (else the refresh reads deals for nothing).
        /// </summary>
        [Property(MaxTest = 2000)]
        public bool Before_the_due_moment_the_rule_gives_the_reasons_of_now_and_at_it_other_ones(
            byte stage, byte state, bool hasClose, int closeDays, bool hasNext, int nextMinutes, int createdDays, int nowMinutes,
            ushort staleDays, ushort closingSoonDays, bool requireNext, bool enabled, byte earlyStages, uint probe)
        {
            var now = Now.AddMinutes(nowMinutes % 2_000_000);
            var input = new ReviewInput(
                (SalesStage)(stage % 4),
                (OpportunityState)(state % 5 == 0 ? 1 : 0),
                50000m,
                hasClose ? now.Date.AddDays(closeDays % 800) : (DateTime?)null,
                80,
                hasNext ? now.AddMinutes(nextMinutes % 500_000) : (DateTime?)null,
                now.AddDays(-(Math.Abs(createdDays % 400))).AddMinutes(-Math.Abs(createdDays % 1440)));
            var settings = Settings with
            {
                EarlyStages = Enumerable.Range(0, 4).Where(i => (earlyStages & (1 << i)) != 0).Select(i => (SalesStage)i).ToList(),
                StaleDays = 1 + staleDays % 3650,
                ClosingSoonDays = closingSoonDays % 366,
                RequireNextInteraction = requireNext,
                Enabled = enabled,
            };

            var due = ReviewFlagRule.SignalsDueOn(input, settings, now);
            var atNow = Reasons(input, now, settings);

            // Any moment from now to the due moment (or, without one, up to about 8 years on).
            var span = due.HasValue ? (due.Value - now).Ticks : TimeSpan.FromDays(3000).Ticks;
            var sameBefore = span <= 0 || Reasons(input, now.AddTicks((long)(probe / (double)uint.MaxValue * (span - 1))), settings).SequenceEqual(atNow)
                                       && Reasons(input, now.AddTicks(span - 1), settings).SequenceEqual(atNow);
            // A moment-based reason changes right after its moment, a day-based one at midnight: one tick on, both have.
            var otherAtDue = !due.HasValue || !Reasons(input, due.Value.AddTicks(1), settings).SequenceEqual(atNow);
            return due >= now && sameBefore && otherAtDue || due == null && sameBefore;
        }

        private static string[] Reasons(ReviewInput input, DateTime at, ReviewSettings? settings = null) =>
            ReviewFlagRule.Evaluate(input, settings ?? Settings, at).Reasons.ToArray();
    }
}
