using System;
using Coaching.Plugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.Support;

/// <summary>What a rep does to a deal outside its form fields. Closing goes through this one place.</summary>
public static class Deals
{
    private const int WonStatus = 3;
    private const int LostStatus = 4;

    /// <summary>Closes the deal as won or lost (the plugins react to the Update of statecode every closing path makes).</summary>
    public static void Close(IOrganizationService service, Guid id, bool won) =>
        service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference(OpportunityTable.Name, id),
            State = new OptionSetValue(won ? 1 : 2),
            Status = new OptionSetValue(won ? WonStatus : LostStatus),
        });
}
