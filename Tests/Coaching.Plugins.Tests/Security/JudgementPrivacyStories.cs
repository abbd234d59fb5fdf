using System;
using System.Linq;
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
/// next to ours: the standard roles read every activity of the organization, so column security keeps the judgement
/// with the holders of the "Coaching judgement" profile.
/// </summary>
public class JudgementPrivacyStories
{
    private static readonly string[] Judgement =
    {
        SessionTable.WentWell, SessionTable.NotAsExpected, SessionTable.CommitmentsKept, SessionTable.CommitmentsMissed, SessionTable.ExecutionConcern,
    };

    private readonly CoachingWorld _world = CoachingWorld.Create();
    private readonly Guid _opportunity;
    private readonly Guid _session;
    private readonly Guid _peerRep;

    public JudgementPrivacyStories()
    {
        var security = _world.Emulator.Security;
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
            [SessionTable.ExecutionConcern] = true,
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
    public void A_peer_rep_cannot_write_the_judgement_either()
    {
        var write = () => _world.Emulator.Service(_peerRep).Update(new Entity(SessionTable.Name, _session) { [SessionTable.ExecutionConcern] = false });

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
        session.GetAttributeValue<bool>(SessionTable.ExecutionConcern).Should().BeTrue();
        session.GetAttributeValue<string>(SessionTable.WentWell).Should().Be("Opened with the CFO's numbers");
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
