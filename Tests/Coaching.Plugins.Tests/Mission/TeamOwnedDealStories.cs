using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Tests.Mission;

/// <summary>
/// A deal owned by a team (ownerid is a team): ICP fit, the review flag and the stage gate work as on any deal; a
/// session coaches the team's administrator (the rep accountable for the team's deals), owned by that rep's manager.
/// </summary>
public class TeamOwnedDealStories
{
    private const string Goal = "Agree the pilot scope with the CFO";
    private readonly CoachingWorld _world = CoachingWorld.Create();
    private readonly Guid _teamMember;
    private readonly Guid _team;

    public TeamOwnedDealStories()
    {
        _teamMember = _world.Emulator.AddUser("Tom Teammate", _world.Manager);
        _team = _world.Emulator.AddTeam("Key accounts", administratorId: _world.Rep, _world.Rep, _teamMember);
    }

    private Guid TeamDeal(string? goal = Goal, DateTime? nextInteraction = null)
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: goal, nextInteraction: nextInteraction ?? _world.Now.AddDays(5));
        _world.Emulator.Service().Execute(new AssignRequest { Target = new EntityReference(OpportunityTable.Name, id), Assignee = new EntityReference(TeamTable.Name, _team) });
        return id;
    }

    private void MoveAsTeamMember(Guid id, SalesStage stage) =>
        _world.Emulator.Service(_teamMember).Update(new Entity(OpportunityTable.Name, id) { [OpportunityTable.SalesStage] = new OptionSetValue((int)stage) });

    [Fact]
    public void A_forward_move_of_a_team_owned_deal_coaches_the_team_administrator_with_their_manager()
    {
        var id = TeamDeal();

        MoveAsTeamMember(id, SalesStage.Develop);

        _world.Read(id).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Develop, "the move is kept");
        var session = _world.Sessions(id).Should().ContainSingle().Subject;
        session.GetAttributeValue<EntityReference>(SessionTable.Rep).Should().Be(new EntityReference(SystemUserTable.Name, _world.Rep), "coach_repid takes a user, never the team");
        session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_world.Manager, "the administrator's manager coaches");
        var task = _world.Tasks(id).Should().ContainSingle().Subject;
        task.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Should().Be(new EntityReference(SystemUserTable.Name, _world.Rep), "the prep task goes to the rep coached");
        _world.Emulator.FailedJobs.Should().BeEmpty("sharing the session with its rep works for a team-owned deal too");
    }

    [Fact]
    public void A_team_owned_deal_whose_administrator_has_no_manager_gets_a_session_owned_by_the_administrator()
    {
        var lone = _world.Emulator.AddUser("Lena Lonely");
        var team = _world.Emulator.AddTeam("Partners", lone, lone, _teamMember);
        var id = _world.Opportunity("Partner deal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(5));
        _world.Emulator.Service().Execute(new AssignRequest { Target = new EntityReference(OpportunityTable.Name, id), Assignee = new EntityReference(TeamTable.Name, team) });

        MoveAsTeamMember(id, SalesStage.Develop);

        var session = _world.Sessions(id).Should().ContainSingle().Subject;
        session.GetAttributeValue<EntityReference>(SessionTable.Rep).Id.Should().Be(lone);
        session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(lone, "with no manager to coach, the session stays with the rep");
    }

    [Fact]
    public void Icp_fit_review_flag_and_stage_gate_treat_a_team_owned_deal_like_any_deal()
    {
        var gated = TeamDeal(goal: null);

        var move = () => MoveAsTeamMember(gated, SalesStage.Develop);

        move.Should().Throw<InvalidPluginExecutionException>("the gate wants a goal whoever owns the deal");
        var read = _world.Read(gated);
        read.GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().NotBeNull();
        read.GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Qualify);

        _world.Emulator.Service(_teamMember).Update(new Entity(OpportunityTable.Name, gated) { [OpportunityTable.EstimatedValue] = new Money(900_000m) });
        _world.Read(gated).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue("a high-value early deal is flagged whoever owns it");
    }
}
