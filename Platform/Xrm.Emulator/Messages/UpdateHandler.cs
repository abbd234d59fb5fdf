using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>Update: applies the Target's columns. Filtering attributes apply; steps on UpdateMultiple also run.</summary>
internal sealed class UpdateHandler : EventMessageHandler
{
    public UpdateHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "Update";

    public override void Prepare(Operation operation)
    {
        var target = operation.InputParameters.TryGetValue("Target", out var value) ? value as Entity : null;
        RecordWrites.RequireTable(target, Name);
        var id = RecordWrites.RequireExisting(Emulator, target!.LogicalName, RecordWrites.IdOf(Emulator, target), Name);
        if (target.Id == System.Guid.Empty) target.Id = id;
        operation.Describe(target.LogicalName, new OperationItem(id, target), "UpdateMultiple");
        operation.HasPreImage = true;
        operation.HasPostImage = true;
        operation.UsesFilteringAttributes = true;
    }

    public override void Execute(Operation operation)
    {
        foreach (var item in operation.Items) RecordWrites.Update(Emulator, operation, item);
    }

    public override OrganizationResponse Respond(Operation operation) => Response<UpdateResponse>(Name);
}
