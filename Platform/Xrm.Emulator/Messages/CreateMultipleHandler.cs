using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>CreateMultiple: Targets of one table in one transaction; Create steps run per record.</summary>
internal sealed class CreateMultipleHandler : EventMessageHandler
{
    public CreateMultipleHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "CreateMultiple";

    public override void Prepare(Operation operation)
    {
        var targets = Required<EntityCollection>(operation, "Targets");
        var table = BulkTargets.TableOf(targets, Name);
        var items = targets.Entities.Select(target => new OperationItem(RecordWrites.IdOf(Emulator, target), target)).ToList();
        operation.DescribeBulk(table, items, "Create");
        operation.HasPostImage = true;
    }

    public override void Execute(Operation operation) => CreateHandler.InsertAll(Emulator, operation);

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = Response<CreateMultipleResponse>(Name);
        response.Results["Ids"] = operation.OutputParameters["Ids"];
        return response;
    }
}

/// <summary>Checks shared by the bulk messages.</summary>
internal static class BulkTargets
{
    public static string TableOf(EntityCollection targets, string message)
    {
        if (targets.Entities.Count == 0) throw Fault.InvalidArgument($"{message} requires at least one entity in Targets.");
        var table = string.IsNullOrEmpty(targets.EntityName) ? targets.Entities[0].LogicalName : targets.EntityName;
        foreach (var target in targets.Entities)
        {
            RecordWrites.RequireTable(target, message);
            if (target.LogicalName != table)
            {
                throw Fault.InvalidArgument($"{message} requires every entity in Targets to be of table '{table}'; found '{target.LogicalName}'.");
            }
        }

        return table;
    }
}
