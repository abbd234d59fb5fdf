using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>
/// SetState: runs the SetState steps around an Update of statecode and statuscode, as Dataverse does today,
/// so Update steps filtered on those columns run too. Status -1 (or none) means the state's default status
/// (<see cref="StateModel"/>). Completing an activity stamps actualend when it is empty, as the platform does.
/// It refuses, before any step runs, a pair the table does not have and closing an opportunity (WinOpportunity /
/// LoseOpportunity do that); reopening a won or lost opportunity (State 0) is what it is for.
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
        var state = Required<OptionSetValue>(operation, "State").Value;
        var id = RecordWrites.RequireExisting(Emulator, moniker.LogicalName, moniker.Id, Name);
        StateRules.RefuseClosing(moniker.LogicalName, state, operation.Origin);
        StateRules.Validate(Emulator.StatesOf(moniker.LogicalName), moniker.LogicalName, id, state, StatusOf(operation, moniker.LogicalName, state));
        operation.Describe(moniker.LogicalName, new OperationItem(id, null));
        operation.HasPreImage = true;
        operation.HasPostImage = true;
    }

    public override void Execute(Operation operation)
    {
        AccessCheck.RequireAccess(Emulator, operation.Origin.UserId, operation.Table, operation.Items[0].Id, AccessRight.Write);
        var state = Required<OptionSetValue>(operation, "State").Value;
        var status = StatusOf(operation, operation.Table, state);
        var change = new Entity(operation.Table, operation.Items[0].Id)
        {
            ["statecode"] = new OptionSetValue(state),
            ["statuscode"] = new OptionSetValue(status),
        };
        var row = Emulator.Store.Find(operation.Table, operation.Items[0].Id);
        if (state == StateModel.ActivityCompleted && Emulator.PrimaryKeyOf(operation.Table) == "activityid"
            && row != null && !(row.TryGetValue("actualend", out var end) && end != null))
        {
            change["actualend"] = Emulator.UtcNow;
        }
        Emulator.Pipeline.ExecuteInner(new UpdateRequest { Target = change }, operation);
    }

    /// <summary>The Status parameter, or the state's default status for -1 or none.</summary>
    private int StatusOf(Operation operation, string table, int state) =>
        operation.InputParameters.TryGetValue("Status", out var raw) && raw is OptionSetValue { Value: >= 0 } given
            ? given.Value
            : StateModel.DefaultStatus(Emulator.StatesOf(table), state);

    public override OrganizationResponse Respond(Operation operation) => Response<SetStateResponse>(Name);
}
