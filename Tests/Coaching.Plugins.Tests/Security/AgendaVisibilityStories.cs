using System;
using System.Linq;
using Coaching.Plugins.EntryPoints;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.CoachingWorkflow;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Security;

namespace Coaching.Plugins.Tests.Security;

/// <summary>coach_GetPipelineReviewAgenda reads deals as the caller: the agenda lists only deals the caller may see.</summary>
public class AgendaVisibilityStories
{
    private readonly CoachingTeam _team = new();

    [Fact]
    public void A_rep_who_reads_only_their_own_deals_gets_only_those_on_the_teams_agenda()
    {
        var mine = RiskyDeal("Rick's risky deal", _team.Rep);
        var sofias = RiskyDeal("Sofia's risky deal", _team.OtherRep);
        // An organization that keeps deals with their owners: Salesperson with opportunities at user level.
        _team.Emulator.Security.AssignRole(_team.Rep, SecurityModel.StandardRole("Salesperson").Grant("prvReadOpportunity", PrivilegeDepth.User));
        _team.Emulator.Security.AssignRole(_team.Manager, SecurityModel.StandardRole("Sales Manager"));
        _team.Emulator.Security.Enforce();

        Agenda(_team.Emulator.Service(_team.Rep)).Should().Equal(mine);
        Agenda(_team.AsManager).Should().BeEquivalentTo(new[] { mine, sofias }, "the manager reads every deal");
    }

    private Guid RiskyDeal(string name, Guid owner) => _team.Deal(name, owner, d =>
    {
        d[OpportunityTable.SalesStage] = new OptionSetValue(0);
        d[OpportunityTable.EstimatedValue] = new Money(150000m);
        d[OpportunityTable.EstimatedCloseDate] = _team.Now.Date.AddDays(5);
    });

    private Guid[] Agenda(IOrganizationService service)
    {
        var request = new OrganizationRequest(PipelineReviewAgendaMessage.Name) { [PipelineReviewAgendaMessage.ManagerId] = _team.Manager };
        return ((EntityCollection)service.Execute(request)[PipelineReviewAgendaMessage.Agenda]).Entities
            .Select(row => row.GetAttributeValue<EntityReference>(AgendaRow.Opportunity).Id).ToArray();
    }
}
