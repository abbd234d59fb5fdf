using System;
using Coaching.Core.Commitments;

namespace Coaching.Core.Tests.Commitments
{
    public class CommitmentCounterTests
    {
        private static readonly DateTime Now = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime Due = new DateTime(2026, 3, 6, 12, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData("2026-03-05T10:00:00", "kept")]   // early
        [InlineData("2026-03-06T23:59:00", "kept")]   // later on the due day
        [InlineData("2026-03-07T00:00:00", "missed")] // the day after
        public void A_completed_item_is_kept_when_done_by_the_end_of_its_due_day(string completedOn, string expected)
        {
            var count = CommitmentCounter.Count(new[] { new ActionItemStatus(ActionItemState.Completed, Due, DateTime.Parse(completedOn, System.Globalization.CultureInfo.InvariantCulture)) }, Now);

            count.Should().Be(expected == "kept" ? new CommitmentCount(1, 0, 0) : new CommitmentCount(0, 1, 0));
        }

        [Fact]
        public void A_completed_item_without_due_date_or_completion_date_is_kept()
        {
            var items = new[]
            {
                new ActionItemStatus(ActionItemState.Completed, null, Now),
                new ActionItemStatus(ActionItemState.Completed, Due, null),
            };

            CommitmentCounter.Count(items, Now).Should().Be(new CommitmentCount(2, 0, 0));
        }

        [Fact]
        public void An_open_item_past_its_due_day_is_missed()
        {
            CommitmentCounter.Count(new[] { new ActionItemStatus(ActionItemState.Open, Now.AddDays(-1)) }, Now).Should().Be(new CommitmentCount(0, 1, 0));
        }

        [Fact]
        public void An_open_item_on_its_due_day_or_without_one_is_still_pending()
        {
            var items = new[]
            {
                new ActionItemStatus(ActionItemState.Open, Now.Date),
                new ActionItemStatus(ActionItemState.Open, Now.AddDays(2)),
                new ActionItemStatus(ActionItemState.Open, null),
            };

            CommitmentCounter.Count(items, Now).Should().Be(new CommitmentCount(0, 0, 3));
        }

        [Fact]
        public void A_canceled_item_counts_as_missed_whatever_its_due_date()
        {
            var items = new[]
            {
                new ActionItemStatus(ActionItemState.Canceled, Now.AddDays(5)),
                new ActionItemStatus(ActionItemState.Canceled, null),
            };

            CommitmentCounter.Count(items, Now).Should().Be(new CommitmentCount(0, 2, 0));
        }

        [Fact]
        public void A_mixed_session_counts_each_item_once()
        {
            var items = new[]
            {
                new ActionItemStatus(ActionItemState.Completed, Due, Due.AddHours(-3)),
                new ActionItemStatus(ActionItemState.Open, Due),
                new ActionItemStatus(ActionItemState.Open, Now.AddDays(1)),
            };

            CommitmentCounter.Count(items, Now).Should().Be(new CommitmentCount(Kept: 1, Missed: 1, Pending: 1));
            CommitmentCounter.Count(Array.Empty<ActionItemStatus>(), Now).Should().Be(new CommitmentCount(0, 0, 0));
        }
    }

    public class ExecutionConcernTests
    {
        [Theory]
        [InlineData(1, 1, ExecutionConcernKind.Will)]
        [InlineData(3, 2, ExecutionConcernKind.Will)]
        [InlineData(1, 0, ExecutionConcernKind.None)]
        [InlineData(0, 1, ExecutionConcernKind.None)]
        [InlineData(0, 0, ExecutionConcernKind.None)]
        public void Missing_commitments_in_two_consecutive_sessions_is_a_will_concern_not_a_skill_one(int missedNow, int missedBefore, ExecutionConcernKind concern)
        {
            ExecutionConcern.Assess(missedNow, missedBefore).Should().Be(concern);
        }
    }
}
