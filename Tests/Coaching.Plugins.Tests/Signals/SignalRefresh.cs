using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.Signals;

/// <summary>The agenda and the refresh as a manager or the daily flow calls them.</summary>
internal static class SignalRefresh
{
    public static OrganizationResponse Refresh(IOrganizationService service, Guid? managerId = null, string? token = null, int? maxDeals = null)
    {
        var request = new OrganizationRequest(RefreshCoachingSignalsMessage.Name);
        if (managerId != null) request[RefreshCoachingSignalsMessage.ManagerId] = managerId.Value;
        if (token != null) request[RefreshCoachingSignalsMessage.ContinuationToken] = token;
        if (maxDeals != null) request[RefreshCoachingSignalsMessage.MaxDeals] = maxDeals.Value;
        return service.Execute(request);
    }

    public static IReadOnlyList<Entity> Agenda(IOrganizationService service, Guid? managerId = null)
    {
        var request = new OrganizationRequest(PipelineReviewAgendaMessage.Name);
        if (managerId != null) request[PipelineReviewAgendaMessage.ManagerId] = managerId.Value;
        return ((EntityCollection)service.Execute(request)[PipelineReviewAgendaMessage.Agenda]).Entities;
    }

    public static Entity? Row(IReadOnlyList<Entity> agenda, Guid deal) =>
        agenda.FirstOrDefault(r => r.GetAttributeValue<EntityReference>(AgendaRow.Opportunity).Id == deal);
}
