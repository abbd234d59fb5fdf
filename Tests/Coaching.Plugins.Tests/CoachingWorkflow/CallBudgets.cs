using System;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Metering;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>
/// The service calls each plugin of the coaching workflow makes, measured with the emulator's meter. The
/// settings read (one query, at most once a minute per organization) is left out: the cache makes it rare.
/// </summary>
public class CallBudgets
{
    private readonly CoachingTeam _team = new();

    private static string Calls(PluginExecution execution) =>
        string.Join(", ", execution.CallsBeyondSettings().GroupBy(c => c.Message + " " + c.Table).Select(g => g.Count() + " " + g.Key));

    [Fact]
    public void SessionWorkflow_reads_the_deal_once_per_step_that_needs_it_and_writes_only_what_the_step_creates()
    {
        var session = _team.StartSession(_team.Deal());

        var conduct = _team.Measure(() => _team.MoveSession(session, SessionStep.Conduct));
        var assign = _team.Measure(() => _team.MoveSession(session, SessionStep.AssignNextSteps));
        var followUp = _team.Measure(() => _team.MoveSession(session, SessionStep.FollowUp, "Send the ROI sheet\nBook the CFO"));
        var done = _team.Measure(() => _team.MoveSession(session, SessionStep.Done));

        Calls(conduct.Single("SessionWorkflowPlugin", 20)).Should().Be("1 Retrieve opportunity");
        Calls(conduct.Single("SessionWorkflowPlugin", 40)).Should().BeEmpty();
        Calls(assign.Single("SessionWorkflowPlugin", 20)).Should().BeEmpty();
        Calls(followUp.Single("SessionWorkflowPlugin", 20)).Should().Be("1 Retrieve opportunity");
        Calls(followUp.Single("SessionWorkflowPlugin", 40)).Should().Be("1 RetrieveMultiple task, 3 Create task");
        Calls(done.Single("SessionWorkflowPlugin", 20)).Should().BeEmpty();
        Calls(done.Single("SessionWorkflowPlugin", 40)).Should().Be("1 Retrieve opportunity, 1 Update opportunity, 1 Update coach_microcoachingsession");
    }

    [Fact]
    public void CommitmentFollowThrough_makes_two_queries_at_most_and_writes_nothing()
    {
        var deal = _team.Deal();
        var first = Guid.Empty;
        var firstStart = _team.Measure(() => first = _team.StartSession(deal));
        _team.AgreeNextSteps(first, "Send the ROI sheet");
        _team.MoveSession(first, SessionStep.Done);
        _team.Emulator.AdvanceTime(TimeSpan.FromDays(8));

        var nextStart = _team.Measure(() => _team.StartSession(deal));

        Calls(firstStart.Single("CommitmentFollowThroughPlugin", 20)).Should().Be("1 RetrieveMultiple coach_microcoachingsession");
        Calls(nextStart.Single("CommitmentFollowThroughPlugin", 20)).Should().Be("1 RetrieveMultiple coach_microcoachingsession, 1 RetrieveMultiple task");
        nextStart.Single("CommitmentFollowThroughPlugin", 20).Writes.Should().Be(0);
    }

    [Fact]
    public void SessionSharing_shares_a_new_session_with_one_metadata_call_two_queries_and_one_write_per_share()
    {
        var director = _team.Emulator.AddUser("Dora Director");
        _team.Emulator.Service().Update(new Entity(SystemUserTable.Name, _team.Manager) { [SystemUserTable.Manager] = new EntityReference(SystemUserTable.Name, director) });
        var session = Guid.Empty;
        var start = _team.Measure(() => session = _team.StartSession(_team.Deal()));
        var replay = _team.Measure(() => _team.AsManager.Update(new Entity(SessionTable.Name, session) { [ActivityColumns.Owner] = new EntityReference(SystemUserTable.Name, _team.Manager) }));

        // The rep's share, the coach's line, the judgement columns' ids, the session's shares; then the five judgement
        // columns for the coach (read, update) and for the director above (read).
        Calls(start.Single("SessionSharingPlugin", 40)).Should().Be(
            "1 GrantAccess coach_microcoachingsession, 1 RetrieveMultiple systemuser, 1 RetrieveEntity coach_microcoachingsession, " +
            "1 RetrieveMultiple principalobjectattributeaccess, 10 Create principalobjectattributeaccess");
        Calls(replay.Single("SessionSharingPlugin", 40)).Should().Be(
            "1 RetrieveMultiple systemuser, 1 RetrieveEntity coach_microcoachingsession, 1 RetrieveMultiple principalobjectattributeaccess",
            "the same owner again finds every share in place");
    }

    [Fact]
    public void A_new_session_gathers_earlier_reflections_with_two_queries_and_no_write()
    {
        var deal = _team.Deal();

        var start = _team.Measure(() => _team.StartSession(deal));

        Calls(start.Single("InteractionReflectionPlugin", 20)).Should().Be("1 RetrieveMultiple coach_microcoachingsession, 1 RetrieveMultiple task");
    }

    [Fact]
    public void InteractionReflection_makes_two_calls_per_reflection_asked_or_filed_and_none_for_other_tasks()
    {
        var deal = _team.Deal();
        _team.StartSession(deal);
        var call = _team.AsRep.Create(new Entity(InteractionTables.PhoneCall)
        {
            [ActivityColumns.Subject] = "Discovery call",
            [ActivityColumns.Regarding] = new EntityReference(OpportunityTable.Name, deal),
        });

        var ask = _team.Measure(() => _team.Complete(InteractionTables.PhoneCall, call));
        var reflection = _team.Tasks(deal, TaskTable.ReflectionSubcategory).Single();
        _team.AsRep.Update(new Entity(TaskTable.Name, reflection.Id)
        {
            [ActivityColumns.Description] = Reflection.WentWellQuestion + "\nClear agenda.\n" + Reflection.NotAsExpectedQuestion + "\nRan over.",
        });
        var file = _team.Measure(() => _team.Complete(TaskTable.Name, reflection.Id));
        var prep = _team.Tasks(deal).First(t => t.GetAttributeValue<string>(TaskTable.Subcategory) == null);
        var other = _team.Measure(() => _team.Complete(TaskTable.Name, prep.Id));

        Calls(ask.Single("InteractionReflectionPlugin", 40)).Should().Be("1 RetrieveMultiple task, 1 Create task");
        Calls(file.Single("InteractionReflectionPlugin", 40)).Should().Be("1 RetrieveMultiple coach_microcoachingsession, 1 Update coach_microcoachingsession");
        Calls(other.Single("InteractionReflectionPlugin", 40)).Should().BeEmpty();
    }

    [Fact]
    public void StartMicroCoaching_makes_four_calls_to_start_a_session_and_three_to_return_the_open_one()
    {
        var deal = _team.Deal();

        var created = _team.Measure(() => _team.StartMicroCoaching(deal));
        var refused = _team.Measure(() => _team.StartMicroCoaching(deal));

        Calls(created.Single("StartMicroCoachingApi", 30)).Should().Be("2 RetrieveMultiple opportunity, 1 Create coach_microcoachingsession, 1 Create task");
        Calls(refused.Single("StartMicroCoachingApi", 30)).Should().Be("2 RetrieveMultiple opportunity, 1 RetrieveMultiple coach_microcoachingsession");
    }

    [Fact]
    public void The_agenda_and_the_cadence_are_one_query_each()
    {
        _team.Deal(with: d => d[OpportunityTable.EstimatedValue] = new Money(400000m));

        var agenda = _team.Measure(() => _team.AsManager.Execute(new OrganizationRequest(PipelineReviewAgendaMessage.Name) { [PipelineReviewAgendaMessage.ManagerId] = _team.Manager }));
        var cadence = _team.Measure(() => _team.AsManager.Execute(new OrganizationRequest(CoachingCadenceMessage.Name)
        {
            [CoachingCadenceMessage.ManagerId] = _team.Manager,
            [CoachingCadenceMessage.WeekStart] = _team.Now.Date,
        }));

        Calls(agenda.Single("GetPipelineReviewAgendaApi", 30)).Should().Be("1 RetrieveMultiple opportunity");
        Calls(cadence.Single("GetCoachingCadenceApi", 30)).Should().Be("1 RetrieveMultiple systemuser");
    }

    [Fact]
    public void The_settings_are_read_at_most_once_per_execution_and_then_come_from_the_cache()
    {
        var everything = _team.Measure(() =>
        {
            var session = _team.StartSession(_team.Deal());
            _team.AgreeNextSteps(session, "Send the ROI sheet");
            _team.MoveSession(session, SessionStep.Done);
        });

        everything.Executions.Should().OnlyContain(e => e.Calls.Count(c => c.Table == "environmentvariabledefinition") <= 1);
        everything.Calls.Count(c => c.Table == "environmentvariabledefinition").Should().Be(1, "one read serves the whole minute");
    }
}
