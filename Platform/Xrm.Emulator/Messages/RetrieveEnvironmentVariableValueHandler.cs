using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>
/// RetrieveEnvironmentVariableValue (DefinitionSchemaName → Value): the current value row when the environment
/// has one, else the definition's default value. The 9.0.2 SDK has no typed request for it, so callers use
/// <c>new OrganizationRequest("RetrieveEnvironmentVariableValue")</c>; our plugins query the two tables instead.
/// </summary>
internal sealed class RetrieveEnvironmentVariableValueHandler : EventMessageHandler
{
    public RetrieveEnvironmentVariableValueHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "RetrieveEnvironmentVariableValue";

    public override void Prepare(Operation operation) => operation.Describe("none", new OperationItem(System.Guid.Empty, null));

    public override void Execute(Operation operation)
    {
        var schemaName = Required<string>(operation, "DefinitionSchemaName");
        var definitionId = Emulator.Store.Lookup("environmentvariabledefinition", "schemaname", schemaName).FirstOrDefault();
        var definition = Emulator.Store.Find("environmentvariabledefinition", definitionId)
            ?? throw Faults.Fault.InvalidArgument($"There is no environment variable definition with the schema name '{schemaName}'.");

        var currentId = Emulator.Store.Lookup("environmentvariablevalue", "environmentvariabledefinitionid", definitionId).FirstOrDefault();
        var current = Emulator.Store.Find("environmentvariablevalue", currentId);
        operation.OutputParameters["Value"] = current != null
            ? current.GetAttributeValue<string>("value")
            : definition.GetAttributeValue<string>("defaultvalue");
    }

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = new OrganizationResponse { ResponseName = Name };
        response.Results["Value"] = operation.OutputParameters["Value"];
        return response;
    }
}
