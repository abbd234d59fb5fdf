using System;
using System.Linq;
using Coaching.Core.Review;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Review
{
    public class ReviewAgendaTests
    {
        private static readonly DateTime Now = new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Utc);

        private static readonly IcpBands Bands = CoachingSettings.Default.Icp.Bands; // Strong from 70

        private static readonly ReviewSettings Review = CoachingSettings.Default.Review; // closing soon within 30 days

        private static readonly DateTime Yesterday = Now.AddDays(-1);

        private static AgendaDeal Deal(string name, decimal? value, int? icp = 80, DateTime? lastCoached = default, DateTime? close = null) =>
            new AgendaDeal(Guid.NewGuid(), name, value, icp, lastCoached, close);

        [Fact]
        public void The_bigger_deal_comes_first_when_nothing_else_differs()
        {
            var agenda = ReviewAgenda.Order(new[] { Deal("Small", 100000m, lastCoached: Yesterday), Deal("Big", 400000m, lastCoached: Yesterday) }, Bands, Review, Now);

            agenda.Select(a => a.Deal.Name).Should().Equal("Big", "Small");
            agenda.Select(a => a.Rank).Should().Equal(1, 2);
            agenda[0].PriorityReasons[0].Should().Be("Value: 400,000 (largest on the agenda) (40/40)");
            agenda[1].PriorityReasons[0].Should().Be("Value: 100,000 (10/40)");
        }

        [Fact]
        public void A_poor_fit_never_coached_deal_closing_soon_outranks_a_bigger_well_coached_one()
        {
            var big = Deal("Big, well coached", 400000m, icp: 90, lastCoached: Now.AddDays(-2), close: Now.AddDays(90));
            var risky = Deal("Risky", 200000m, icp: 35, lastCoached: null, close: Now.AddDays(5));

            var agenda = ReviewAgenda.Order(new[] { big, risky }, Bands, Review, Now);

            agenda[0].Deal.Should().Be(risky);
            agenda[0].Priority.Should().Be(20 + 10 + 20 + 17);
            agenda[0].PriorityReasonsText.Should().Be(
                "Value: 200,000 (20/40)\nFit gap: ICP score 35 is 35 below Strong (70) (10/20)\nLast coached: never (20/20)\nClosing: in 5 days (17/20)");
            agenda[1].Priority.Should().Be(40 + 0 + 1 + 0);
        }

        [Fact]
        public void Unknown_fit_counts_half_and_a_passed_close_date_counts_fully()
        {
            var item = ReviewAgenda.Order(new[] { Deal("Late", null, icp: null, lastCoached: Now.AddDays(-40), close: Now.AddDays(-3)) }, Bands, Review, Now).Single();

            item.PriorityReasons.Should().Equal(
                "Value: not captured (0/40)",
                "Fit gap: ICP fit unknown (10/20)",
                "Last coached: 40 days ago (20/20)",
                "Closing: close date 2026-03-06 has passed (20/20)");
            item.Priority.Should().Be(50);
        }

        [Fact]
        public void Ties_go_to_the_larger_deal_then_by_name()
        {
            var agenda = ReviewAgenda.Order(new[] { Deal("B", 100m, lastCoached: Yesterday), Deal("A", 100m, lastCoached: Yesterday) }, Bands, Review, Now);

            agenda.Select(a => a.Deal.Name).Should().Equal("A", "B");
        }

        [Fact]
        public void An_empty_agenda_is_empty()
        {
            ReviewAgenda.Order(Array.Empty<AgendaDeal>(), Bands, Review, Now).Should().BeEmpty();
        }
    }
}
