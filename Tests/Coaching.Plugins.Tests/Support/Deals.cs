using System;
using Coaching.Plugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.Support;

/// <summary>What a rep does to a deal outside its form fields. Closing goes through this one place.</summary>
public static class Deals
{
    /// <summary>
    /// Closes the deal as the Close Opportunity dialog does: WinOpportunity (Won) or LoseOpportunity (Canceled), each with
    /// an opportunityclose activity. The plugins react to the Update of statecode the platform makes for both.
    /// </summary>
    public static void Close(IOrganizationService service, Guid id, bool won)
    {
        var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference(OpportunityTable.Name, id), ["subject"] = won ? "Won" : "Lost" };
        service.Execute(won
            ? new WinOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(-1) }
            : new LoseOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(-1) });
    }
}
