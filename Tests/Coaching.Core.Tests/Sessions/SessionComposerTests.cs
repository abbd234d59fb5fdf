using System;
using System.Linq;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Sessions
{
    public class SessionComposerTests
    {
        private static readonly SessionSettings Settings = CoachingSettings.Default.Sessions; // prep 24 h ahead

        private static readonly DateTime Now = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

        private static readonly SessionInput Complete = new SessionInput(
            "Contoso renewal",
            IcpFitBand.Strong,
            85,
            250000m,
            BuyingTrigger: "Current vendor contract ends in June",
            BuyerPersona: "CFO, cost-focused",
            BuyerStage: BuyerStage.Middle,
            BuyerSignals: "Asked for references in manufacturing",
            SalesStage: SalesStage.Develop,
            LastInteractionOutcome: "Demo went well; pricing concerns",
            NextInteractionDate: new DateTime(2026, 3, 13, 14, 30, 0, DateTimeKind.Utc),
            NextInteractionGoal: "Agree pilot scope and success criteria");

        private static readonly SessionInput Empty = new SessionInput("Contoso renewal", null, null, null, null, null, null, null, null, null, null, null);

        [Fact]
        public void The_session_and_prep_task_are_named_after_the_opportunity()
        {
            var plan = SessionComposer.Compose(Complete, Settings, Now);

            plan.Subject.Should().Be("Micro-coaching: Contoso renewal");
            plan.PrepTask.Subject.Should().Be("Prepare for micro-coaching: Contoso renewal");
        }

        [Fact]
        public void The_snapshot_shows_the_three_components()
        {
            var snapshot = SessionComposer.Compose(Complete, Settings, Now).Snapshot;

            snapshot.Opportunity.Should().Be("ICP fit: Strong (85)\nDeal size: 250,000\nBuying trigger: Current vendor contract ends in June");
            snapshot.Buyer.Should().Be("Persona: CFO, cost-focused\nBuyer stage: Middle\nBuyer signals: Asked for references in manufacturing");
            snapshot.Rep.Should().Be("Sales stage: Develop\nLast interaction outcome: Demo went well; pricing concerns\nNext interaction: 2026-03-13 14:30 UTC\nGoal: Agree pilot scope and success criteria");
        }

        [Fact]
        public void Gaps_read_not_captured_yet_so_the_manager_sees_them()
        {
            var plan = SessionComposer.Compose(Empty with { BuyerPersona = "   " }, Settings, Now);

            plan.Snapshot.Opportunity.Should().Be("ICP fit: not captured yet\nDeal size: not captured yet\nBuying trigger: not captured yet");
            plan.Snapshot.Buyer.Should().Be("Persona: not captured yet\nBuyer stage: not captured yet\nBuyer signals: not captured yet");
            plan.Snapshot.Rep.Should().Be("Sales stage: not captured yet\nLast interaction outcome: not captured yet\nNext interaction: not captured yet\nGoal: not captured yet");
            plan.PrepTask.Description.Should().EndWith(
                "Not captured yet: ICP fit, Deal size, Buying trigger, Persona, Buyer stage, Buyer signals, Sales stage, Last interaction outcome, Next interaction, Goal.");
        }

        [Fact]
        public void An_unknown_icp_fit_shows_as_unknown_not_as_a_gap()
        {
            var plan = SessionComposer.Compose(Complete with { IcpBand = IcpFitBand.Unknown, IcpScore = null }, Settings, Now);

            plan.Snapshot.Opportunity.Should().StartWith("ICP fit: Unknown\n");
            plan.PrepTask.Description.Should().NotContain("Not captured yet");
        }

        [Fact]
        public void The_prep_task_asks_every_question_of_the_method_and_both_reflection_questions()
        {
            var description = SessionComposer.Compose(Complete, Settings, Now).PrepTask.Description;

            var questions = CoachingQuestions.Opportunity.Concat(CoachingQuestions.Buyer).Concat(CoachingQuestions.Rep).Concat(CoachingQuestions.Reflection).ToList();
            questions.Should().HaveCount(12);
            foreach (var question in questions)
            {
                description.Should().Contain("- " + question);
            }

            description.Should().Contain("What went well and should be repeated?")
                .And.Contain("What did not go as expected and should be avoided?")
                .And.StartWith("Prepare for the micro-coaching session on Contoso renewal");
        }

        [Fact]
        public void The_prep_task_is_due_the_lead_hours_before_the_next_interaction()
        {
            SessionComposer.Compose(Complete, Settings, Now).PrepTask.Due.Should().Be(new DateTime(2026, 3, 12, 14, 30, 0, DateTimeKind.Utc));
        }

        [Fact]
        public void Prep_due_exactly_now_is_kept()
        {
            SessionComposer.PrepDue(Now.AddHours(24), 24, Now).Should().Be(Now);
        }

        [Fact]
        public void An_interaction_sooner_than_the_lead_time_gives_an_hour_to_prepare()
        {
            SessionComposer.PrepDue(Now.AddHours(5), 24, Now).Should().Be(Now.AddHours(1));
        }

        [Fact]
        public void Prep_is_never_due_after_an_imminent_interaction()
        {
            SessionComposer.PrepDue(Now.AddMinutes(30), 24, Now).Should().Be(Now.AddMinutes(30));
        }

        [Fact]
        public void Without_an_upcoming_interaction_prep_is_due_in_two_days()
        {
            SessionComposer.PrepDue(null, 24, Now).Should().Be(Now.AddDays(2));
            SessionComposer.PrepDue(Now.AddDays(-1), 24, Now).Should().Be(Now.AddDays(2));
            SessionComposer.PrepDue(Now, 24, Now).Should().Be(Now.AddDays(2));
        }

        [Fact]
        public void A_lead_of_zero_hours_makes_prep_due_at_the_interaction()
        {
            SessionComposer.PrepDue(Now.AddHours(3), 0, Now).Should().Be(Now.AddHours(3));
        }

        [Fact]
        public void An_unnamed_opportunity_still_gets_a_readable_subject()
        {
            SessionComposer.Compose(Empty with { OpportunityName = " " }, Settings, Now).Subject.Should().Be("Micro-coaching: (unnamed opportunity)");
        }
    }
}
