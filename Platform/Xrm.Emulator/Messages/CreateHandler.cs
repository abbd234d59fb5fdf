using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>Create: Target in, id out (OutputParameters["id"] from stage 40 on). Steps on CreateMultiple also run.</summary>
internal sealed class CreateHandler : EventMessageHandler
{
    public CreateHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "Create";

    public override void Prepare(Operation operation)
    {
        var target = operation.InputParameters.TryGetValue("Target", out var value) ? value as Entity : null;
        RecordWrites.RequireTable(target, Name);
        operation.Describe(target!.LogicalName, new OperationItem(RecordWrites.IdOf(Emulator, target), target), "CreateMultiple");
        operation.HasPostImage = true;
    }

    public override void Execute(Operation operation) => InsertAll(Emulator, operation);

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = Response<CreateResponse>(Name);
        response.Results["id"] = operation.OutputParameters["id"];
        return response;
    }

    /// <summary>Inserts every item and publishes the ids: "id" for per-record contexts, "Ids" for bulk ones.</summary>
    internal static void InsertAll(XrmEmulator emulator, Operation operation)
    {
        foreach (var item in operation.Items) RecordWrites.Insert(emulator, operation, item);
        var ids = operation.Items.Select(i => i.Id).ToArray();
        operation.FillOutputs(scope =>
        {
            if (scope.ItemIndex is int index)
            {
                scope.Outputs["id"] = ids[index];
                scope.PrimaryEntityId = ids[index];
            }
            else
            {
                scope.Outputs["Ids"] = ids.ToArray();
            }
        });
    }
}
