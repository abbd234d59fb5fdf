using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Core.Text;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>
/// The coaching rules compose text from what reps and managers typed, which can be as long as their columns allow.
/// What they write must fit the target columns (the platform refuses a longer value and the rep's save fails); what
/// does not fit keeps its start and says it was shortened.
/// </summary>
public class ColumnLengthStories
{
    private readonly CoachingTeam _team = new();

    private static string Filled(string start, int length) => start + new string('x', length - start.Length);

    /// <summary>A deal whose text columns are all full: topic 300, trigger and persona 200, signals and outcome 4,000, goal 2,000.</summary>
    private Guid FullDeal() => _team.Deal(Filled("Contoso global rollout ", 300), with: deal =>
    {
        deal[OpportunityTable.SalesStage] = new OptionSetValue((int)SalesStage.Qualify);
        deal[OpportunityTable.BuyingTrigger] = Filled("Board mandate ", 200);
        deal[OpportunityTable.BuyerPersona] = Filled("CFO ", 200);
        deal[OpportunityTable.BuyerSignals] = Filled("Asked for references ", 4000);
        deal[OpportunityTable.LastInteractionOutcome] = Filled("Demo went well ", 4000);
        deal[OpportunityTable.NextInteractionGoal] = Filled("Agree the pilot scope ", 2000);
    });

    [Fact]
    public void A_stage_move_on_a_deal_with_full_text_columns_opens_a_session_whose_snapshot_fits_and_says_what_was_shortened()
    {
        var deal = FullDeal();

        _team.World.MoveToStage(deal, SalesStage.Develop);

        var session = _team.World.Sessions(deal).Should().ContainSingle().Subject;
        var rep = session.GetAttributeValue<string>(SessionTable.RepSnapshot);
        rep.Length.Should().BeLessThanOrEqualTo(ColumnLimits.SessionSnapshot);
        rep.Should().Contain("Last interaction outcome: Demo went well").And.Contain("Goal: Agree the pilot scope").And.Contain(Shorten.EndMarker);
        session.GetAttributeValue<string>(SessionTable.BuyerSnapshot).Length.Should().BeLessThanOrEqualTo(ColumnLimits.SessionSnapshot);
        session.GetAttributeValue<string>(SessionTable.BuyerSnapshot).Should().Contain("Persona: CFO").And.Contain("Buyer signals: Asked for references");

        var prep = _team.World.Tasks(deal).Should().ContainSingle().Subject;
        prep.GetAttributeValue<string>(ActivityColumns.Subject).Should().StartWith("Prepare for micro-coaching: Contoso global rollout")
            .And.EndWith(Shorten.EndMarker).And.HaveLength(ColumnLimits.TaskSubject);
    }

    [Fact]
    public void Action_item_and_follow_up_tasks_of_a_deal_with_a_long_goal_fit_the_task_columns()
    {
        var deal = FullDeal();
        var session = _team.StartSession(deal);

        _team.AgreeNextSteps(session, Filled("Send the ROI sheet ", 1900));

        var tasks = _team.Tasks(deal).Where(t => t.GetAttributeValue<string>(TaskTable.Subcategory) is TaskTable.ActionItemSubcategory or TaskTable.FollowUpSubcategory).ToList();
        tasks.Should().HaveCount(2);
        tasks.Should().OnlyContain(t => t.GetAttributeValue<string>(ActivityColumns.Subject).Length <= ColumnLimits.TaskSubject
                                        && t.GetAttributeValue<string>(ActivityColumns.Description).Length <= ColumnLimits.TaskDescription
                                        && t.GetAttributeValue<string>(ActivityColumns.Description).EndsWith(Shorten.EndMarker));
    }

    [Fact]
    public void Reflections_that_outgrow_the_sessions_column_keep_the_newest_and_say_older_ones_were_shortened()
    {
        var deal = _team.Deal();
        var session = _team.StartSession(deal);

        for (var call = 1; call <= 6; call++)
        {
            var id = _team.AsRep.Create(new Entity(InteractionTables.PhoneCall)
            {
                [ActivityColumns.Subject] = $"Call {call}",
                [ActivityColumns.Regarding] = new EntityReference(OpportunityTable.Name, deal),
            });
            _team.Complete(InteractionTables.PhoneCall, id);
            var reflection = _team.Tasks(deal, TaskTable.ReflectionSubcategory).Single(t => t.GetAttributeValue<string>(ActivityColumns.Subject) == $"Reflect on: Call {call}");
            var description = reflection.GetAttributeValue<string>(ActivityColumns.Description)
                .Replace(Reflection.WentWellQuestion + "\n", Reflection.WentWellQuestion + "\n" + Filled($"Answer {call}: ", 800) + "\n");
            _team.AsRep.Update(new Entity(TaskTable.Name, reflection.Id) { [ActivityColumns.Description] = description });
            _team.Complete(TaskTable.Name, reflection.Id);
        }

        var wentWell = _team.Session(session).GetAttributeValue<string>(SessionTable.WentWell);
        wentWell.Length.Should().BeLessThanOrEqualTo(SessionTable.ReflectionMaxLength);
        wentWell.Should().StartWith(Shorten.StartMarker).And.Contain("Answer 6: ").And.NotContain("Answer 1: ");
        _team.Emulator.FailedJobs.Should().BeEmpty();
    }
}
