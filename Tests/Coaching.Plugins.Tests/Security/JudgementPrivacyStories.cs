using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Commitments;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Security;

namespace Coaching.Plugins.Tests.Security;

/// <summary>
/// Who sees a session's judgement (README, "Security roles"), with the standard Salesperson and Sales Manager roles
/// next to ours: the standard roles read every activity of the organization, and the "Coaching judgement" profile
/// only lets coaches fill the judgement when they create a session. Reading and updating it goes through field shares
/// of each session (principalobjectattributeaccess) with its coach and the coach's line, so a coach of another team
/// holding the same roles and profile sees nothing.
/// </summary>
public class JudgementPrivacyStories
{
    private static readonly string[] Judgement = SessionTable.Judgement.ToArray();

    private readonly CoachingWorld _world = CoachingWorld.Create();
    private readonly Guid _opportunity;
    private readonly Guid _session;
    private readonly Guid _peerRep;
    private readonly Guid _director;
    private readonly Guid _otherCoach;

    public JudgementPrivacyStories()
    {
        // Dora directs two coaches: Mona, who coaches Rick (the rep) and Pia, and Otto, who coaches another team.
        var security = _world.Emulator.Security;
        _director = _world.Emulator.AddUser("Dora Director");
        _world.Emulator.Service().Update(new Entity(SystemUserTable.Name, _world.Manager) { [SystemUserTable.Manager] = new EntityReference(SystemUserTable.Name, _director) });
        _otherCoach = _world.Emulator.AddUser("Otto Other", _director);
        foreach (var coach in new[] { _director, _otherCoach })
        {
            security.AssignRole(coach, SecurityModel.StandardRole("Sales Manager"));
            security.AssignRole(coach, security.SolutionRole("Sales Coach"));
            security.AssignProfile(coach, security.SolutionProfile("Coaching judgement"));
        }

        security.AssignRole(_world.Rep, SecurityModel.StandardRole("Salesperson"));
        security.AssignRole(_world.Rep, security.SolutionRole("Sales Rep – Coaching"));
        security.AssignRole(_world.Manager, SecurityModel.StandardRole("Sales Manager"));
        security.AssignRole(_world.Manager, security.SolutionRole("Sales Coach"));
        security.AssignProfile(_world.Manager, security.SolutionProfile("Coaching judgement"));
        _peerRep = _world.Emulator.AddUser("Pia Peer", _world.Manager);
        security.AssignRole(_peerRep, SecurityModel.StandardRole("Salesperson"));
        security.AssignRole(_peerRep, security.SolutionRole("Sales Rep – Coaching"));
        security.Enforce();

        _opportunity = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: "Agree the pilot scope", nextInteraction: _world.Now.AddDays(5));
        _world.MoveToStage(_opportunity, SalesStage.Develop);
        _session = _world.Sessions(_opportunity).Single().Id;
        _world.Emulator.Service(_world.Manager).Update(new Entity(SessionTable.Name, _session)
        {
            [SessionTable.WentWell] = "Opened with the CFO's numbers",
            [SessionTable.NotAsExpected] = "Talked over the buyer",
            [SessionTable.CommitmentsKept] = 1,
            [SessionTable.CommitmentsMissed] = 2,
            [SessionTable.ExecutionConcern] = new OptionSetValue((int)ExecutionConcernKind.Will),
            [SessionTable.ActionItems] = "Send the pilot plan",
        });
    }

    [Fact]
    public void A_peer_rep_reads_the_session_but_not_the_reflections_commitments_or_execution_concern()
    {
        var asPeer = _world.Emulator.Service(_peerRep);

        var session = asPeer.Retrieve(SessionTable.Name, _session, new ColumnSet(true));

        session.GetAttributeValue<string>(SessionTable.ActionItems).Should().Be("Send the pilot plan", "Salesperson reads every activity");
        foreach (var column in Judgement) session.Contains(column).Should().BeFalse($"{column} is secured");
        var found = asPeer.RetrieveMultiple(new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(Judgement) }).Entities.Single();
        Judgement.Any(found.Contains).Should().BeFalse();
    }

    [Fact]
    public void A_peer_rep_does_not_learn_whether_the_rep_has_an_execution_concern()
    {
        // Were it a yes/no column, column security could not hide it: every Salesperson would read it, whatever profiles and shares say.
        var asPeer = _world.Emulator.Service(_peerRep);

        var session = asPeer.Retrieve(SessionTable.Name, _session, new ColumnSet(SessionTable.ExecutionConcern, ActivityColumns.Subject));
        var listed = asPeer.RetrieveMultiple(new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(SessionTable.ExecutionConcern) }).Entities.Single();

        session.Contains(SessionTable.ExecutionConcern).Should().BeFalse("the execution concern is the coach's judgement of Rick");
        session.FormattedValues.ContainsKey(SessionTable.ExecutionConcern).Should().BeFalse();
        listed.Contains(SessionTable.ExecutionConcern).Should().BeFalse("a view of sessions shows the peer no concern either");
    }

    [Fact]
    public void A_peer_rep_who_filters_sessions_on_the_execution_concern_finds_none_while_the_coach_finds_the_session()
    {
        var willSessions = new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.Subject) };
        willSessions.Criteria.AddCondition(SessionTable.ExecutionConcern, ConditionOperator.Equal, (int)ExecutionConcernKind.Will);

        var asPeer = _world.Emulator.Service(_peerRep).RetrieveMultiple(willSessions).Entities;
        var asCoach = _world.Emulator.Service(_world.Manager).RetrieveMultiple(willSessions).Entities;

        asPeer.Should().BeEmpty("to the peer the concern is null: a filter on it must not tell which rep has one");
        asCoach.Select(e => e.Id).Should().Equal(_session);
    }

    [Fact]
    public void A_peer_rep_who_orders_sessions_by_commitments_missed_gets_them_as_if_none_were_recorded()
    {
        var other = _world.Opportunity("Fabrikam expansion", _world.FittingAccount("Fabrikam Wholesale"), goal: "Book the site visit", nextInteraction: _world.Now.AddDays(6));
        _world.MoveToStage(other, SalesStage.Develop);
        var otherSession = _world.Sessions(other).Single().Id;
        _world.Emulator.Service(_world.Manager).Update(new Entity(SessionTable.Name, otherSession) { [SessionTable.CommitmentsMissed] = 4 });
        var bySubject = new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.Subject) };
        bySubject.AddOrder(ActivityColumns.Subject, OrderType.Ascending);
        var byMissed = new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.Subject) };
        byMissed.AddOrder(SessionTable.CommitmentsMissed, OrderType.Descending);
        byMissed.AddOrder(ActivityColumns.Subject, OrderType.Ascending);
        List<Guid> Ids(Guid user, QueryExpression query) => _world.Emulator.Service(user).RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();

        Ids(_world.Manager, byMissed).Should().Equal(otherSession, _session);
        Ids(_peerRep, bySubject).Should().Equal(new[] { _session, otherSession }, "the subjects alone order Contoso first");
        Ids(_peerRep, byMissed).Should().Equal(new[] { _session, otherSession }, "to the peer no session has missed commitments: the subject decides");
    }

    [Fact]
    public void A_peer_rep_cannot_write_the_judgement_either()
    {
        var write = () => _world.Emulator.Service(_peerRep).Update(new Entity(SessionTable.Name, _session) { [SessionTable.ExecutionConcern] = new OptionSetValue((int)ExecutionConcernKind.None) });

        write.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePermissionUpdateIsMissingDuringUpdate);
    }

    [Fact]
    public void The_rep_reads_their_action_items_and_completes_their_own_task()
    {
        var asRep = _world.AsRep;
        var session = asRep.Retrieve(SessionTable.Name, _session, new ColumnSet(SessionTable.ActionItems, SessionTable.FollowUpDue, SessionTable.ExecutionConcern));
        session.GetAttributeValue<string>(SessionTable.ActionItems).Should().Be("Send the pilot plan");
        session.Contains(SessionTable.ExecutionConcern).Should().BeFalse("the judgement stays with the coach");

        var task = _world.Tasks(_opportunity).Single();
        asRep.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference(TaskTable.Name, task.Id),
            State = new OptionSetValue(1),
            Status = new OptionSetValue(5),
        });

        _world.Tasks(_opportunity).Single().GetAttributeValue<OptionSetValue>(ActivityColumns.State).Value.Should().Be(1);
    }

    [Fact]
    public void The_coach_reads_and_updates_the_judgement_on_their_reports_sessions()
    {
        var asCoach = _world.Emulator.Service(_world.Manager);

        asCoach.Update(new Entity(SessionTable.Name, _session) { [SessionTable.CommitmentsMissed] = 3 });

        var session = asCoach.Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement));
        session.GetAttributeValue<int>(SessionTable.CommitmentsMissed).Should().Be(3);
        session.FormattedValues[SessionTable.ExecutionConcern].Should().Be("Will");
        session.GetAttributeValue<string>(SessionTable.WentWell).Should().Be("Opened with the CFO's numbers");
    }

    [Fact]
    public void The_coachs_own_manager_reads_the_judgement_and_leaves_writing_it_to_the_coach()
    {
        var asDirector = _world.Emulator.Service(_director);

        var session = asDirector.Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement));

        session.GetAttributeValue<int>(SessionTable.CommitmentsMissed).Should().Be(2);
        session.GetAttributeValue<string>(SessionTable.NotAsExpected).Should().Be("Talked over the buyer");
        var write = () => asDirector.Update(new Entity(SessionTable.Name, _session) { [SessionTable.CommitmentsMissed] = 0 });
        write.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePermissionUpdateIsMissingDuringUpdate);
    }

    [Fact]
    public void A_manager_of_another_team_with_the_same_roles_and_profile_cannot_read_or_write_the_judgement()
    {
        var asOtherCoach = _world.Emulator.Service(_otherCoach);

        var session = asOtherCoach.Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement.Append(SessionTable.ActionItems).ToArray()));
        var found = asOtherCoach.RetrieveMultiple(new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(Judgement) }).Entities.Single();

        session.GetAttributeValue<string>(SessionTable.ActionItems).Should().Be("Send the pilot plan", "Sales Manager reads every activity");
        Judgement.Where(session.Contains).Should().BeEmpty("the judgement stays with the rep's coach and the coach's line");
        Judgement.Where(found.Contains).Should().BeEmpty();
        var write = () => asOtherCoach.Update(new Entity(SessionTable.Name, _session) { [SessionTable.ExecutionConcern] = new OptionSetValue((int)ExecutionConcernKind.None) });
        write.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePermissionUpdateIsMissingDuringUpdate);
    }

    [Fact]
    public void When_the_rep_moves_to_another_team_the_new_coach_who_takes_the_session_over_reads_and_updates_its_judgement()
    {
        _world.Emulator.Service().Update(new Entity(SystemUserTable.Name, _world.Rep) { [SystemUserTable.Manager] = new EntityReference(SystemUserTable.Name, _otherCoach) });
        _world.Emulator.Service(_world.Manager).Execute(new AssignRequest
        {
            Target = new EntityReference(SessionTable.Name, _session),
            Assignee = new EntityReference(SystemUserTable.Name, _otherCoach),
        });
        var asNewCoach = _world.Emulator.Service(_otherCoach);

        asNewCoach.Update(new Entity(SessionTable.Name, _session) { [SessionTable.CommitmentsKept] = 2 });

        var session = asNewCoach.Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement));
        session.GetAttributeValue<int>(SessionTable.CommitmentsKept).Should().Be(2);
        session.FormattedValues[SessionTable.ExecutionConcern].Should().Be("Will");
        _world.Emulator.Service(_director).Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement)).Contains(SessionTable.CommitmentsKept)
            .Should().BeTrue("the new coach's line reads it too");
        Judgement.Where(_world.Emulator.Service(_world.Manager).Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement)).Contains)
            .Should().BeEmpty("the previous coach is no longer in the rep's line");
        _world.Emulator.FailedJobs.Should().BeEmpty();
    }

    [Fact]
    public void When_the_director_takes_a_session_over_the_reps_coach_keeps_reading_and_updating_it()
    {
        _world.Emulator.Service(_world.Manager).Execute(new AssignRequest
        {
            Target = new EntityReference(SessionTable.Name, _session),
            Assignee = new EntityReference(SystemUserTable.Name, _director),
        });

        _world.Emulator.Service(_director).Update(new Entity(SessionTable.Name, _session) { [SessionTable.CommitmentsMissed] = 3 });
        _world.Emulator.Service(_world.Manager).Update(new Entity(SessionTable.Name, _session) { [SessionTable.CommitmentsKept] = 4 });

        var session = _world.Emulator.Service(_world.Manager).Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement));
        session.GetAttributeValue<int>(SessionTable.CommitmentsMissed).Should().Be(3);
        session.GetAttributeValue<int>(SessionTable.CommitmentsKept).Should().Be(4);
    }

    [Fact]
    public void A_manager_of_another_team_who_assigns_a_session_to_themselves_still_cannot_read_its_judgement()
    {
        var asOtherCoach = _world.Emulator.Service(_otherCoach);

        asOtherCoach.Execute(new AssignRequest
        {
            Target = new EntityReference(SessionTable.Name, _session),
            Assignee = new EntityReference(SystemUserTable.Name, _otherCoach),
        });

        var session = asOtherCoach.Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement.Append(ActivityColumns.Owner).ToArray()));
        session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_otherCoach, "Sales Manager may assign activities of the unit");
        Judgement.Where(session.Contains).Should().BeEmpty("owning a session is not being in the rep's line");
        _world.Emulator.FailedJobs.Should().BeEmpty();
    }

    [Fact]
    public void A_coach_fills_the_judgement_when_creating_a_session_and_reads_it_back()
    {
        var asCoach = _world.Emulator.Service(_world.Manager);

        var id = asCoach.Create(new Entity(SessionTable.Name)
        {
            [ActivityColumns.Subject] = "Walk through the pilot plan",
            [ActivityColumns.Regarding] = new EntityReference(OpportunityTable.Name, _opportunity),
            [SessionTable.Rep] = new EntityReference(SystemUserTable.Name, _world.Rep),
            [SessionTable.WentWell] = "Clear agenda",
        });

        asCoach.Retrieve(SessionTable.Name, id, new ColumnSet(SessionTable.WentWell)).GetAttributeValue<string>(SessionTable.WentWell).Should().Be("Clear agenda");
        _world.Emulator.Service(_otherCoach).Retrieve(SessionTable.Name, id, new ColumnSet(SessionTable.WentWell)).Contains(SessionTable.WentWell).Should().BeFalse();
    }

    [Fact]
    public void A_sales_manager_without_the_profile_cannot_read_the_judgement()
    {
        var otherManager = _world.Emulator.AddUser("Olga Other");
        _world.Emulator.Security.AssignRole(otherManager, SecurityModel.StandardRole("Sales Manager"));

        var session = _world.Emulator.Service(otherManager).Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement));

        Judgement.Any(session.Contains).Should().BeFalse();
    }

    [Fact]
    public void An_admin_reads_everything()
    {
        var session = _world.Emulator.Service().Retrieve(SessionTable.Name, _session, new ColumnSet(Judgement));

        Judgement.All(session.Contains).Should().BeTrue();
    }
}
