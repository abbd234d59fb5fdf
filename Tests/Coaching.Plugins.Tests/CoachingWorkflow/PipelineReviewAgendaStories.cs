using System;
using System.Linq;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>coach_GetPipelineReviewAgenda: what to examine in the pipeline meeting, most coaching priority first.</summary>
public class PipelineReviewAgendaStories
{
    private readonly CoachingTeam _team = new();
    private readonly Guid _bigDeal;
    private readonly Guid _riskyDeal;
    private readonly Guid _sofiasDeal;
    private readonly Guid _otherTeamsDeal;

    public PipelineReviewAgendaStories()
    {
        var now = _team.Now;
        _bigDeal = _team.Deal("Big, coached this week", with: d =>
        {
            d[OpportunityTable.EstimatedValue] = new Money(400000m);
            d[OpportunityTable.EstimatedCloseDate] = now.Date.AddDays(90);
            d[OpportunityTable.LastCoachedOn] = now.AddDays(-2);
        });
        _riskyDeal = _team.Deal("Risky, closing soon", with: d =>
        {
            d[OpportunityTable.SalesStage] = new OptionSetValue(0);
            d[OpportunityTable.EstimatedValue] = new Money(150000m);
            d[OpportunityTable.EstimatedCloseDate] = now.Date.AddDays(5);
        });
        _sofiasDeal = _team.Deal("Sofia's big one", _team.OtherRep, d => d[OpportunityTable.EstimatedValue] = new Money(200000m));
        _team.Deal("Quiet, not flagged");
        _team.Deal("Late stage", with: d =>
        {
            d[OpportunityTable.SalesStage] = new OptionSetValue(2);
            d[OpportunityTable.EstimatedValue] = new Money(500000m);
        });

        var otherManager = _team.Emulator.AddUser("Olga Other");
        var otherRep = _team.Emulator.AddUser("Omar Other", otherManager);
        _otherTeamsDeal = _team.Deal("Another team's deal", otherRep, d => d[OpportunityTable.EstimatedValue] = new Money(300000m));
    }

    private EntityCollection Agenda(Guid? managerId = null, Guid? ownerId = null)
    {
        var request = new OrganizationRequest(PipelineReviewAgendaMessage.Name);
        if (managerId != null) request[PipelineReviewAgendaMessage.ManagerId] = managerId.Value;
        if (ownerId != null) request[PipelineReviewAgendaMessage.OwnerId] = ownerId.Value;
        return (EntityCollection)_team.AsManager.Execute(request)[PipelineReviewAgendaMessage.Agenda];
    }

    private static Guid DealOf(Entity row) => row.GetAttributeValue<EntityReference>(AgendaRow.Opportunity).Id;

    [Fact]
    public void A_manager_sees_the_flagged_early_stage_deals_of_the_team_in_coaching_priority()
    {
        var agenda = Agenda(managerId: _team.Manager).Entities;

        agenda.Select(DealOf).Should().Equal(_riskyDeal, _bigDeal, _sofiasDeal);
        agenda.Select(r => r.GetAttributeValue<int>(AgendaRow.Rank)).Should().Equal(1, 2, 3);
        agenda.Select(r => r.GetAttributeValue<int>(AgendaRow.Priority)).Should().Equal(62, 51, 50);
    }

    [Fact]
    public void A_team_owned_deal_is_on_the_agenda_of_the_manager_of_the_team_administrator()
    {
        var keyAccounts = _team.Emulator.AddTeam("Key accounts", _team.OtherRep, _team.OtherRep);
        var otherManagersTeam = _team.Emulator.AddTeam("Elsewhere", _team.Emulator.AddUser("Ezra Else"));
        var teamDeal = _team.Deal("Team deal", with: d => d[OpportunityTable.EstimatedValue] = new Money(180000m));
        var elsewhereDeal = _team.Deal("Elsewhere deal", with: d => d[OpportunityTable.EstimatedValue] = new Money(180000m));
        Assign(teamDeal, keyAccounts);
        Assign(elsewhereDeal, otherManagersTeam);

        var agenda = Agenda(managerId: _team.Manager).Entities.Select(DealOf).ToList();

        agenda.Should().Contain(teamDeal).And.NotContain(elsewhereDeal);
        agenda.Should().Contain(new[] { _riskyDeal, _bigDeal, _sofiasDeal }, "user-owned deals stay on it");
    }

    private void Assign(Guid deal, Guid team) =>
        _team.Emulator.Service().Execute(new Microsoft.Crm.Sdk.Messages.AssignRequest
        {
            Target = new EntityReference(OpportunityTable.Name, deal),
            Assignee = new EntityReference(TeamTable.Name, team),
        });

    [Fact]
    public void Deals_won_or_lost_leave_the_agenda_and_a_reopened_one_returns()
    {
        _team.Close(_riskyDeal, won: true);
        _team.Close(_bigDeal, won: false);

        Agenda(managerId: _team.Manager).Entities.Select(DealOf).Should().Equal(_sofiasDeal);

        _team.Emulator.Service(_team.Rep).Execute(new Microsoft.Crm.Sdk.Messages.SetStateRequest
        {
            EntityMoniker = new EntityReference(OpportunityTable.Name, _bigDeal),
            State = new OptionSetValue(0),
            Status = new OptionSetValue(-1),
        });
        Agenda(managerId: _team.Manager).Entities.Select(DealOf).Should().Equal(_bigDeal, _sofiasDeal);
    }

    [Fact]
    public void Each_row_says_why_the_deal_is_flagged_and_why_it_ranks_where_it_does()
    {
        var risky = Agenda(managerId: _team.Manager).Entities.First();

        risky.GetAttributeValue<string>(AgendaRow.Topic).Should().Be("Risky, closing soon");
        risky.GetAttributeValue<EntityReference>(AgendaRow.Owner).Id.Should().Be(_team.Rep);
        risky.GetAttributeValue<decimal>(AgendaRow.EstimatedValue).Should().Be(150000m);
        risky.GetAttributeValue<string>(AgendaRow.ReviewReasons).Should().Contain("High value: 150,000 in Qualify").And.Contain("Closing soon");
        risky.GetAttributeValue<string>(AgendaRow.PriorityReasons).Should().Be(
            "Value: 150,000 (15/40)\nFit gap: ICP fit unknown (10/20)\nLast coached: never (20/20)\nClosing: in 5 days (17/20)");
    }

    [Fact]
    public void A_rep_sees_only_their_own_deals()
    {
        Agenda(ownerId: _team.OtherRep).Entities.Select(DealOf).Should().Equal(_sofiasDeal);
    }

    [Fact]
    public void Without_a_filter_every_flagged_deal_the_caller_can_see_is_listed()
    {
        Agenda().Entities.Select(DealOf).Should().BeEquivalentTo(new[] { _riskyDeal, _bigDeal, _sofiasDeal, _otherTeamsDeal });
    }

    [Fact]
    public void A_manager_without_flagged_deals_gets_an_empty_agenda()
    {
        var quietManager = _team.Emulator.AddUser("Quinn Quiet");

        Agenda(managerId: quietManager).Entities.Should().BeEmpty();
    }
}
