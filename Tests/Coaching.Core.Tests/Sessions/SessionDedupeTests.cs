using System;
using Coaching.Core.Sessions;

namespace Coaching.Core.Tests.Sessions
{
    public class SessionDedupeTests
    {
        private static readonly DateTime Now = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void The_first_session_of_an_opportunity_is_created()
        {
            var decision = SessionDedupe.ShouldCreate(Array.Empty<ExistingSession>(), Now, 7);

            decision.ShouldCreate.Should().BeTrue();
            decision.Reason.Should().Be("No open micro-coaching session and none created in the last 7 days.");
        }

        [Fact]
        public void No_second_session_while_one_is_open_however_old()
        {
            var decision = SessionDedupe.ShouldCreate(new[] { new ExistingSession(Now.AddDays(-40), IsOpen: true) }, Now, 7);

            decision.ShouldCreate.Should().BeFalse();
            decision.Reason.Should().Be("A micro-coaching session for this opportunity is still open (created 2026-01-29).");
        }

        [Fact]
        public void No_new_session_when_one_was_created_within_the_window()
        {
            var decision = SessionDedupe.ShouldCreate(new[] { new ExistingSession(Now.AddDays(-3), IsOpen: false) }, Now, 7);

            decision.ShouldCreate.Should().BeFalse();
            decision.Reason.Should().Be("A micro-coaching session for this opportunity was created on 2026-03-07, within the last 7 days.");
        }

        [Fact]
        public void A_session_created_exactly_the_window_ago_no_longer_blocks_a_new_one()
        {
            SessionDedupe.ShouldCreate(new[] { new ExistingSession(Now.AddDays(-7), false) }, Now, 7).ShouldCreate.Should().BeTrue();
            SessionDedupe.ShouldCreate(new[] { new ExistingSession(Now.AddDays(-7).AddMinutes(1), false) }, Now, 7).ShouldCreate.Should().BeFalse();
        }

        [Fact]
        public void A_zero_day_window_only_prevents_a_second_open_session()
        {
            SessionDedupe.ShouldCreate(new[] { new ExistingSession(Now.AddMinutes(-5), false) }, Now, 0).ShouldCreate.Should().BeTrue();
            SessionDedupe.ShouldCreate(new[] { new ExistingSession(Now.AddMinutes(-5), true) }, Now, 0).ShouldCreate.Should().BeFalse();
        }

        [Fact]
        public void The_reason_names_the_most_recent_session()
        {
            var sessions = new[] { new ExistingSession(Now.AddDays(-6), false), new ExistingSession(Now.AddDays(-1), false) };

            SessionDedupe.ShouldCreate(sessions, Now, 7).Reason.Should().Contain("created on 2026-03-09");
        }
    }
}
