using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>UpdateMultiple: Targets of one table in one transaction; Update steps run per record with their own images.</summary>
internal sealed class UpdateMultipleHandler : EventMessageHandler
{
    public UpdateMultipleHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "UpdateMultiple";

    public override void Prepare(Operation operation)
    {
        var targets = Required<EntityCollection>(operation, "Targets");
        var table = BulkTargets.TableOf(targets, Name);
        var items = targets.Entities.Select(target =>
        {
            var id = RecordWrites.RequireExisting(Emulator, table, RecordWrites.IdOf(Emulator, target), Name);
            if (target.Id == System.Guid.Empty) target.Id = id;
            return new OperationItem(id, target);
        }).ToList();
        operation.DescribeBulk(table, items, "Update");
        operation.HasPreImage = true;
        operation.HasPostImage = true;
        operation.UsesFilteringAttributes = true;
    }

    public override void Execute(Operation operation)
    {
        foreach (var item in operation.Items) RecordWrites.Update(Emulator, operation, item);
    }

    public override OrganizationResponse Respond(Operation operation) => Response<UpdateMultipleResponse>(Name);
}
