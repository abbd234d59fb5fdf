using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>
/// SetState: runs the SetState steps around an Update of statecode and statuscode, as Dataverse does today,
/// so Update steps filtered on those columns run too. Status -1 (or none) means the state's default status,
/// which the emulator takes to be state + 1 (true of the tables this solution uses).
/// </summary>
internal sealed class SetStateHandler : EventMessageHandler
{
    public SetStateHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "SetState";

    public override void Prepare(Operation operation)
    {
        var moniker = Required<EntityReference>(operation, "EntityMoniker");
        Required<OptionSetValue>(operation, "State");
        var id = RecordWrites.RequireExisting(Emulator, moniker.LogicalName, moniker.Id, Name);
        operation.Describe(moniker.LogicalName, new OperationItem(id, null));
        operation.HasPreImage = true;
        operation.HasPostImage = true;
    }

    public override void Execute(Operation operation)
    {
        var state = Required<OptionSetValue>(operation, "State").Value;
        var status = operation.InputParameters.TryGetValue("Status", out var raw) && raw is OptionSetValue { Value: >= 0 } given ? given.Value : state + 1;
        var change = new Entity(operation.Table, operation.Items[0].Id)
        {
            ["statecode"] = new OptionSetValue(state),
            ["statuscode"] = new OptionSetValue(status),
        };
        Emulator.Pipeline.ExecuteInner(new UpdateRequest { Target = change }, operation);
    }

    public override OrganizationResponse Respond(Operation operation) => Response<SetStateResponse>(Name);
}
