using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.Mission;

public class SessionStories
{
    private const string Goal = "Agree the pilot scope with the CFO";
    private readonly CoachingWorld _world = CoachingWorld.Create();

    [Fact]
    public void A_forward_move_opens_a_session_for_the_manager_and_a_prep_task_for_the_rep()
    {
        var next = _world.Now.AddDays(5);
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: next);

        _world.MoveToStage(id, SalesStage.Develop);

        var session = _world.Sessions(id).Should().ContainSingle().Subject;
        session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_world.Manager, "the rep's manager coaches");
        session.GetAttributeValue<EntityReference>(SessionTable.Rep).Id.Should().Be(_world.Rep);
        session.GetAttributeValue<OptionSetValue>(SessionTable.Trigger).Value.Should().Be((int)SessionTrigger.StageChange);
        session.GetAttributeValue<string>(SessionTable.OpportunitySnapshot).Should().Contain("Strong");
        session.GetAttributeValue<string>(SessionTable.RepSnapshot).Should().Contain(Goal);

        var task = _world.Tasks(id).Should().ContainSingle().Subject;
        task.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_world.Rep);
        task.GetAttributeValue<string>(TaskTable.Category).Should().Be("Micro-coaching");
        task.GetAttributeValue<DateTime>(ActivityColumns.Due).Should().BeBefore(next, "the rep prepares before the next interaction");
        task.GetAttributeValue<string>(ActivityColumns.Description).Should().Contain("?", "the task carries the coaching questions");
    }

    [Fact]
    public void The_session_is_shared_with_the_rep_so_it_shows_in_their_timeline()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(5));

        _world.MoveToStage(id, SalesStage.Develop);

        var session = _world.Sessions(id).Single();
        var share = _world.Emulator.Service().RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute("principalobjectaccess")
        {
            ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet("principalid", "accessrightsmask"),
            Attributes = { "objectid" },
            Values = { session.Id },
        }).Entities.Should().ContainSingle("the manager owns the session; the rep gets it shared").Subject;
        share.GetAttributeValue<Guid>("principalid").Should().Be(_world.Rep);
        ((AccessRights)share.GetAttributeValue<int>("accessrightsmask")).Should().Be(AccessRights.ReadAccess | AccessRights.AppendToAccess);
        _world.Emulator.FailedJobs.Should().BeEmpty();
    }

    [Fact]
    public void The_automation_writes_sessions_and_tasks_as_the_system_so_a_rep_needs_no_rights_on_the_managers_records()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(5));

        _world.MoveToStage(id, SalesStage.Develop);

        var session = _world.Sessions(id).Single();
        var task = _world.Tasks(id).Single();
        CreatedBy(SessionTable.Name, session.Id).Should().Be(_world.Emulator.SystemUserId);
        CreatedBy(TaskTable.Name, task.Id).Should().Be(_world.Emulator.SystemUserId);
    }

    [Fact]
    public void Replaying_the_same_move_creates_nothing_twice()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(5));
        _world.MoveToStage(id, SalesStage.Develop);

        _world.MoveToStage(id, SalesStage.Develop);

        _world.Sessions(id).Should().ContainSingle();
        _world.Tasks(id).Should().ContainSingle();
    }

    [Fact]
    public void A_second_forward_move_while_the_session_is_open_does_not_open_another()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(5));
        _world.MoveToStage(id, SalesStage.Develop);
        _world.Emulator.AdvanceTime(TimeSpan.FromDays(10));

        _world.MoveToStage(id, SalesStage.Propose, nextInteraction: _world.Now.AddDays(3));

        _world.Sessions(id).Should().ContainSingle();
    }

    [Fact]
    public void A_newly_raised_review_flag_opens_a_session()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), value: 50_000m, goal: Goal, nextInteraction: _world.Now.AddDays(5));
        _world.Read(id).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();

        _world.AsRep.Update(new Entity(OpportunityTable.Name, id) { [OpportunityTable.EstimatedValue] = new Money(400_000m) });

        var session = _world.Sessions(id).Should().ContainSingle().Subject;
        session.GetAttributeValue<OptionSetValue>(SessionTable.Trigger).Value.Should().Be((int)SessionTrigger.ReviewFlag);
    }

    [Fact]
    public void Opening_a_session_takes_at_most_three_service_calls()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(5));

        var reading = _world.Emulator.Meter.Measure(() => _world.MoveToStage(id, SalesStage.Develop));

        var session = reading.For("MicroCoachingSessionPlugin").Single();
        session.Calls.Should().HaveCountLessThanOrEqualTo(3);
        session.Count("Create").Should().Be(2, "the session and the rep's prep task");
    }

    private Guid CreatedBy(string table, Guid id) =>
        _world.Emulator.Service().Retrieve(table, id, new Microsoft.Xrm.Sdk.Query.ColumnSet("createdby")).GetAttributeValue<EntityReference>("createdby").Id;
}
