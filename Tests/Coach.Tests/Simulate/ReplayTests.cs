using System;
using System.Collections.Generic;
using System.Linq;
using Coach.Simulation;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator;

namespace Coach.Tests.Simulate;

/// <summary>
/// The replay: events are performed in time order, each with the emulator clock at its timestamp, as the deal's
/// owner, through the real plugins; what the platform refuses is recorded with the message the rep would see.
/// </summary>
public sealed class ReplayTests
{
    private static DateTime Utc(string iso) => DateTime.Parse(iso, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private sealed class Observed
    {
        public List<(PipelineEvent Event, DateTime Clock)> Applied { get; } = new();

        public XrmEmulator Emulator { get; set; } = null!;

        public IReadOnlyDictionary<string, LiveOpportunity> Deals { get; set; } = null!;

        public Entity Opportunity(string id, params string[] columns) =>
            Emulator.Service().Retrieve(OpportunityTable.Name, Deals[id].Id, new ColumnSet(columns));

        public IReadOnlyList<Entity> Sessions(string id)
        {
            var query = new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.CreatedOn, SessionTable.Trigger) };
            query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, Deals[id].Id);
            return Emulator.Service().RetrieveMultiple(query).Entities.ToList();
        }
    }

    private static (SimulationResult Result, Observed Seen) Run(PipelineFolder folder, ReplayWindow? window = null)
    {
        var seen = new Observed();
        var data = PipelineLoader.Load(folder.Write());
        var result = Simulator.Run(
            new SimulationOptions { DataFolder = folder.Path, Window = window ?? ReplayWindow.All },
            data,
            new Simulator.Hooks
            {
                OnApplying = (e, clock) => seen.Applied.Add((e, clock)),
                AfterReplay = (emulator, deals) =>
                {
                    seen.Emulator = emulator;
                    seen.Deals = deals;
                },
            });
        return (result, seen);
    }

    [Fact]
    public void Events_are_applied_in_time_order_whatever_their_order_in_the_file_with_the_clock_at_each_event()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents(
            "2026-07-10T14:00:00Z,O1,stage_change,Develop",
            "2026-07-01T10:00:00Z,O1,goal_set,Agree the pilot scope with the buyer",
            "2026-07-05T09:30:00+02:00,O2,goal_set,Find out who signs",
            "2026-07-01T10:00:00Z,O1,interaction_scheduled,2026-07-20T10:00:00Z",
            "2026-07-24T16:00:00Z,O3,won,");

        var (_, seen) = Run(folder);

        var times = seen.Applied.Select(a => a.Event.Timestamp).ToList();
        times.Should().BeInAscendingOrder();
        seen.Applied.Should().OnlyContain(a => a.Clock == a.Event.Timestamp, "the emulator clock is set to each event's time before it is performed");
        seen.Applied.Select(a => (a.Event.OpportunityId, a.Event.KindName)).Should().Equal(
            ("O1", "created"),
            ("O1", "goal_set"),
            ("O1", "interaction_scheduled"),
            ("O2", "created"),
            ("O3", "created"),
            ("O2", "goal_set"),
            ("O1", "stage_change"),
            ("O3", "won"));
        seen.Applied.Single(a => a.Event.OpportunityId == "O2" && a.Event.Kind == EventKind.GoalSet).Clock
            .Should().Be(Utc("2026-07-05T07:30:00Z"), "an offset is converted to UTC");
    }

    [Fact]
    public void The_replay_lets_go_of_each_event_once_applied_and_the_data_says_it_was_simulated()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents(Enumerable.Range(0, 60)
            .Select(i => $"2026-07-{1 + (i / 3):D2}T1{i % 3}:00:00Z,O1,goal_set,Goal number {i}")
            .Append("2026-07-24T16:00:00Z,O3,won,")
            .ToArray());
        var data = PipelineLoader.Load(folder.Write());
        var fromFile = WeakReferences(data.Events!);
        var aliveAtTheLast = -1;

        var result = Simulator.Run(new SimulationOptions { DataFolder = folder.Path }, data, new Simulator.Hooks
        {
            OnApplying = (e, _) =>
            {
                if (e.Kind != EventKind.Won) return;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                aliveAtTheLast = fromFile.Count(w => w.IsAlive && !ReferenceEquals(w.Target, e));
            },
        });

        result.Summary.EventsFromFile.Should().Be(61);
        result.Summary.EventsBlocked.Should().Be(0);
        // A couple may still sit in stack slots of the replay loop (unoptimized code reports them all).
        aliveAtTheLast.Should().BeLessThan(5, "once applied, 60 events are no longer held by the replay or the data");
        var again = () => data.Events;
        again.Should().Throw<InvalidOperationException>().WithMessage("*load the data again*");
        data.HasEvents.Should().BeTrue();
    }

    // Made apart from the test so no local of the test keeps the events alive.
    private static List<WeakReference> WeakReferences(IEnumerable<object> items) => items.Select(i => new WeakReference(i)).ToList();

    [Fact]
    public void The_platform_sees_the_clock_records_are_created_and_changed_at_the_events_times()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents(
            "2026-07-01T10:00:00Z,O1,goal_set,Agree the pilot scope with the buyer",
            "2026-07-01T10:00:00Z,O1,interaction_scheduled,2026-07-20T10:00:00Z",
            "2026-07-10T14:00:00Z,O1,stage_change,Develop");

        var (_, seen) = Run(folder);

        var deal = seen.Opportunity("O1", OpportunityTable.CreatedOn, "modifiedon", OpportunityTable.SalesStage, OpportunityTable.StepName);
        deal.GetAttributeValue<DateTime>(OpportunityTable.CreatedOn).Should().Be(Utc("2026-07-01T09:00:00Z"));
        deal.GetAttributeValue<DateTime>("modifiedon").Should().Be(
            Utc("2026-07-21T00:00:00Z"), "the last change is the daily refresh at midnight after the next interaction (07-20) passed");
        deal.GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Develop);
        deal.GetAttributeValue<string>(OpportunityTable.StepName).Should().Be("2-Develop");
        seen.Sessions("O1").Should().ContainSingle("the forward move opened a micro-coaching session")
            .Which.GetAttributeValue<DateTime>(ActivityColumns.CreatedOn).Should().Be(Utc("2026-07-10T14:00:00Z"));
    }

    [Fact]
    public void The_daily_refresh_stores_the_time_based_reasons_of_a_deal_nobody_touched_and_the_report_says_they_are_time_based()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[1] = folder.Opportunities[1].Replace(",150000,", ",50000,"); // below the high-value threshold
        folder.WithEvents(
            "2026-07-01T10:00:00Z,O1,goal_set,Agree the pilot scope with the buyer",
            "2026-07-01T10:00:00Z,O1,interaction_scheduled,2026-07-20T10:00:00Z",
            "2026-07-10T14:00:00Z,O1,stage_change,Develop");

        var (result, seen) = Run(folder);

        var deal = seen.Opportunity("O1", OpportunityTable.ReviewFlag, OpportunityTable.ReviewReasons);
        deal.GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue();
        deal.GetAttributeValue<string>(OpportunityTable.ReviewReasons).Should().StartWith("Next interaction date passed: 2026-07-20");
        result.Notes.Should().Contain(n => n.StartsWith(RefreshCoachingSignalsMessage.Name + " ran at each of the", StringComparison.Ordinal));
        var item = result.Agendas.SelectMany(a => a.Items).Single(i => i.Opportunity == seen.Deals["O1"].Row.Name);
        item.FlaggedOnlyByTime.Should().BeTrue();
        Coach.Reports.ReportText.ReasonTag(item.Reasons.Single()).Should().Be("Next interaction date passed (time)");
    }

    [Fact]
    public void Each_event_is_performed_as_the_deals_owner()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents("2026-07-05T10:00:00Z,O2,goal_set,Find out who signs the order");

        var (_, seen) = Run(folder);

        var deal = seen.Opportunity("O2", OpportunityTable.Owner, "createdby", "modifiedby");
        var rita = seen.Emulator.Service().RetrieveMultiple(new QueryExpression(SystemUserTable.Name)
        {
            ColumnSet = new ColumnSet(SystemUserTable.Manager),
            Criteria = { Conditions = { new ConditionExpression("fullname", ConditionOperator.Equal, PipelineFolder.OtherRep) } },
        }).Entities.Single();
        deal.GetAttributeValue<EntityReference>(OpportunityTable.Owner).Id.Should().Be(rita.Id);
        deal.GetAttributeValue<EntityReference>("createdby").Id.Should().Be(rita.Id);
        deal.GetAttributeValue<EntityReference>("modifiedby").Id.Should().Be(rita.Id);
        rita.GetAttributeValue<EntityReference>(SystemUserTable.Manager).Should().NotBeNull("users.csv gives reps their manager (parentsystemuserid)");
    }

    [Fact]
    public void A_forward_move_without_a_goal_is_blocked_with_the_message_the_rep_sees_and_the_deal_stays_put()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents(
            "2026-07-02T10:00:00Z,O1,interaction_scheduled,2026-07-20T10:00:00Z",
            "2026-07-03T10:00:00Z,O1,stage_change,Develop",
            "2026-07-04T10:00:00Z,O1,goal_set,Agree the pilot scope with the buyer",
            "2026-07-05T10:00:00Z,O1,stage_change,Develop");

        var (result, seen) = Run(folder);

        var blocked = result.BlockedMoves.Should().ContainSingle().Subject;
        blocked.Time.Should().Be(Utc("2026-07-03T10:00:00Z"));
        blocked.Opportunity.Should().Be("Acme rollout");
        blocked.Rep.Should().Be(PipelineFolder.Rep);
        blocked.Manager.Should().Be(PipelineFolder.Manager);
        (blocked.From, blocked.To).Should().Be(("Qualify", "Develop"));
        blocked.Message.Should().Be("Before moving 'Acme rollout' to Develop, fill in Next interaction goal (at least 15 characters).");
        blocked.Source.Should().Be("events.csv:3");
        result.Summary.EventsBlocked.Should().Be(1);
        seen.Opportunity("O1", OpportunityTable.SalesStage).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value
            .Should().Be((int)SalesStage.Develop, "the rep set a goal and moved again, as the data says");
        seen.Sessions("O1").Should().ContainSingle("only the move that went through opened a session");
    }

    [Fact]
    public void A_blocked_move_is_not_retried_the_deal_stays_in_its_stage()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents("2026-07-03T10:00:00Z,O1,stage_change,Propose");

        var (result, seen) = Run(folder);

        result.BlockedMoves.Should().ContainSingle().Which.Message.Should()
            .Be("Before moving 'Acme rollout' to Propose, fill in Next interaction goal (at least 15 characters) and a Next interaction date in the future.");
        seen.Opportunity("O1", OpportunityTable.SalesStage).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value
            .Should().Be((int)SalesStage.Qualify);
        result.Notes.Should().Contain(n => n.Contains("end in a different stage than opportunities.csv says"));
    }

    [Fact]
    public void Events_after_a_deal_closed_are_skipped_and_reported_with_their_line()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents(
            "2026-07-20T10:00:00Z,O3,won,",
            "2026-07-22T10:00:00Z,O3,goal_set,Plan the kick-off meeting");

        var (result, _) = Run(folder);

        result.Issues.Should().ContainSingle().Which.Should().Be(new InputIssue(
            "events.csv", 3,
            "goal_set on 'Acme renewal' at 2026-07-22T10:00:00Z not applied: the deal was already won on 2026-07-20T10:00:00Z (closed deals are read-only)"));
        result.Summary.EventsSkipped.Should().Be(1);
        result.Summary.RowsSkipped["events.csv"].Should().Be(1);
        result.Summary.Won.Should().Be(1);
    }

    [Fact]
    public void Without_events_csv_events_are_derived_from_the_rows_created_moved_to_its_stage_and_closed()
    {
        using var folder = new PipelineFolder();

        var (result, seen) = Run(folder);

        var o1 = seen.Applied.Where(a => a.Event.OpportunityId == "O1").Select(a => a.Event).ToList();
        o1.Select(e => e.Kind).Should().Equal(EventKind.Created, EventKind.GoalSet, EventKind.InteractionScheduled, EventKind.StageChange);
        o1.Skip(1).Should().OnlyContain(e => e.Derived && e.Source == "opportunities.csv:2 (derived)");
        o1[3].Stage.Should().Be(SalesStage.Develop);
        o1[3].Timestamp.Should().BeBefore(Utc("2026-07-20T10:00:00Z"), "the move happens before the next interaction it prepares");
        seen.Applied.Where(a => a.Event.OpportunityId == "O3").Select(a => a.Event.Kind).Should()
            .Equal(EventKind.Created, EventKind.GoalSet, EventKind.InteractionScheduled, EventKind.StageChange, EventKind.Won);
        seen.Applied.Single(a => a.Event.Kind == EventKind.Won).Clock.Should().Be(Utc("2026-07-25T15:00:00Z"));
        result.BlockedMoves.Should().BeEmpty("both deals had a goal and a future next interaction when they moved");
        result.Summary.Won.Should().Be(1);
        var won = seen.Opportunity("O3", OpportunityTable.State, "statuscode", "actualclosedate");
        won.GetAttributeValue<OptionSetValue>("statuscode").Value.Should().Be(3, "closed through WinOpportunity with the Won status");
        won.GetAttributeValue<DateTime>("actualclosedate").Should().Be(Utc("2026-07-25T00:00:00Z"), "the close date is the day the deal was won");
        var closes = seen.Emulator.Service().RetrieveMultiple(new QueryExpression(OpportunityCloseTable.Name) { ColumnSet = new ColumnSet(OpportunityCloseTable.Opportunity) }).Entities;
        closes.Should().ContainSingle("the win is recorded as an opportunityclose activity").Which
            .GetAttributeValue<EntityReference>(OpportunityCloseTable.Opportunity).Id.Should().Be(seen.Deals["O3"].Id);
        result.Notes.Should().Contain(n => n.StartsWith("No events.csv: events were derived"));
    }

    [Fact]
    public void Deals_without_rows_in_events_csv_still_get_derived_events_and_a_note_says_so()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents("2026-07-05T10:00:00Z,O2,goal_set,Find out who signs the order");

        var (result, seen) = Run(folder);

        seen.Applied.Should().Contain(a => a.Event.OpportunityId == "O3" && a.Event.Kind == EventKind.Won);
        result.Notes.Should().Contain("2 opportunities have no rows in events.csv: their events were derived from opportunities.csv (created, moved to its stage, closed).");
    }

    [Fact]
    public void Events_after_to_are_not_replayed_and_are_counted()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents(
            "2026-07-01T10:00:00Z,O1,goal_set,Agree the pilot scope with the buyer",
            "2026-07-01T10:00:00Z,O1,interaction_scheduled,2026-07-20T10:00:00Z",
            "2026-07-10T14:00:00Z,O1,stage_change,Develop",
            "2026-07-24T16:00:00Z,O3,won,");

        var (result, seen) = Run(folder, new ReplayWindow(null, Utc("2026-07-05T23:59:59Z")));

        seen.Applied.Should().OnlyContain(a => a.Clock <= Utc("2026-07-05T23:59:59Z"));
        result.Summary.EventsAfterWindow.Should().Be(2);
        result.AsOf.Should().Be(Utc("2026-07-05T23:59:59Z"));
        result.Notes.Should().Contain(n => n.StartsWith("2 event(s) after --to"));
    }
}
