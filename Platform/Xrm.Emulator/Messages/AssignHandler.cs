using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>
/// Assign: runs the Assign steps around an Update of ownerid, as Dataverse does today, so Update steps
/// filtered on ownerid run too (at the same depth: it is the platform's own operation, not plugin code's).
/// </summary>
internal sealed class AssignHandler : EventMessageHandler
{
    public AssignHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "Assign";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var assignee = Required<EntityReference>(operation, "Assignee");
        if (assignee.LogicalName is not ("systemuser" or "team"))
        {
            throw Fault.InvalidArgument($"Assign: the Assignee must be a systemuser or team, not '{assignee.LogicalName}'.");
        }

        var id = RecordWrites.RequireExisting(Emulator, target.LogicalName, target.Id, Name);
        operation.Describe(target.LogicalName, new OperationItem(id, null));
        operation.HasPreImage = true;
        operation.HasPostImage = true;
    }

    public override void Execute(Operation operation)
    {
        var assignee = Required<EntityReference>(operation, "Assignee");
        AccessCheck.RequireAccess(Emulator, operation.Origin.UserId, operation.Table, operation.Items[0].Id, AccessRight.Assign);
        var change = new Entity(operation.Table, operation.Items[0].Id) { ["ownerid"] = new EntityReference(assignee.LogicalName, assignee.Id) };
        Emulator.Pipeline.ExecuteInner(new UpdateRequest { Target = change }, operation);
    }

    public override OrganizationResponse Respond(Operation operation) => Response<AssignResponse>(Name);
}
