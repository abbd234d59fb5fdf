using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>WhoAmI: the calling user, its business unit and the organization.</summary>
internal sealed class WhoAmIHandler : EventMessageHandler
{
    public WhoAmIHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "WhoAmI";

    public override void Prepare(Operation operation) => operation.Describe("none", new OperationItem(System.Guid.Empty, null));

    public override void Execute(Operation operation)
    {
        operation.OutputParameters["UserId"] = operation.Origin.UserId;
        operation.OutputParameters["BusinessUnitId"] = Emulator.BusinessUnitId;
        operation.OutputParameters["OrganizationId"] = Emulator.OrganizationId;
    }

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = Response<WhoAmIResponse>(Name);
        foreach (var pair in operation.OutputParameters) response.Results[pair.Key] = pair.Value;
        return response;
    }
}
