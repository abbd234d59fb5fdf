using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>Delete: a pre-image, never a post-image.</summary>
internal sealed class DeleteHandler : EventMessageHandler
{
    public DeleteHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "Delete";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        Emulator.Metadata.Require(target.LogicalName);
        var id = RecordWrites.RequireExisting(Emulator, target.LogicalName, target.Id, Name);
        operation.Describe(target.LogicalName, new OperationItem(id, null));
        operation.HasPreImage = true;
    }

    public override void Execute(Operation operation)
    {
        var item = operation.Items[0];
        AccessCheck.RequireAccess(Emulator, operation.Origin.UserId, operation.Table, item.Id, AccessRight.Delete);
        if (!Emulator.Store.Delete(operation.Table, item.Id)) throw Fault.DoesNotExist(operation.Table, item.Id);
    }

    public override OrganizationResponse Respond(Operation operation) => Response<DeleteResponse>(Name);
}
