using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>
/// A custom API: request parameters checked as declared, its plugin run as the core operation (stage 30),
/// and every declared response property required, of its declared type, before the transaction commits.
/// </summary>
internal sealed class CustomApiHandler : EventMessageHandler
{
    private readonly CustomApiRegistration _api;

    public CustomApiHandler(XrmEmulator emulator, CustomApiRegistration api) : base(emulator) => _api = api;

    public override string Name => _api.UniqueName;

    public override void Prepare(Operation operation)
    {
        var inputs = operation.InputParameters;
        var recordId = Guid.Empty;
        if (_api.Binding != CustomApiBinding.Global)
        {
            if (!inputs.TryGetValue("Target", out var target) || target == null)
            {
                throw Fault.InvalidArgument($"{Name} is bound to {_api.BoundEntityLogicalName} and requires the parameter 'Target'.");
            }

            if (_api.Binding == CustomApiBinding.Entity)
            {
                if (target is not EntityReference reference || !string.Equals(reference.LogicalName, _api.BoundEntityLogicalName, StringComparison.OrdinalIgnoreCase))
                {
                    throw Fault.InvalidArgument($"{Name}: 'Target' must be an EntityReference to {_api.BoundEntityLogicalName}.");
                }

                recordId = reference.Id;
            }
        }

        foreach (var parameter in _api.RequestParameters)
        {
            inputs.TryGetValue(parameter.UniqueName, out var value);
            if (value == null)
            {
                if (parameter.IsOptional) continue;
                throw Fault.InvalidArgument($"{Name}: the required parameter '{parameter.UniqueName}' ({parameter.Type}) is missing.");
            }

            if (!parameter.Accepts(value))
            {
                throw Fault.InvalidArgument(
                    $"{Name}: the parameter '{parameter.UniqueName}' must be {parameter.Type} ({parameter.ClrType.Name}), not {value.GetType().Name}.");
            }
        }

        var undeclared = inputs.Keys.FirstOrDefault(key => key != "Target" && _api.RequestParameters.All(p => p.UniqueName != key));
        if (undeclared != null) throw Fault.InvalidArgument($"{Name} has no request parameter '{undeclared}'.");

        operation.Describe(_api.PrimaryEntityName, new OperationItem(recordId, null));
    }

    public override void Execute(Operation operation)
    {
        if (_api.Plugin != null) Emulator.Pipeline.RunMainOperation(operation, _api.Plugin, _api.PluginTypeName!);
    }

    public override void Complete(Operation operation)
    {
        var outputs = operation.OutputParameters;
        foreach (var property in _api.ResponseProperties)
        {
            if (!outputs.TryGetValue(property.UniqueName, out var value) || value == null)
            {
                throw Fault.InvalidArgument($"{Name}: the response property '{property.UniqueName}' ({property.Type}) was not set; response properties are never optional.");
            }

            if (!property.Accepts(value))
            {
                throw Fault.InvalidArgument(
                    $"{Name}: the response property '{property.UniqueName}' must be {property.Type} ({property.ClrType.Name}), not {value.GetType().Name}.");
            }
        }

        var undeclared = outputs.Keys.FirstOrDefault(key => _api.ResponseProperties.All(p => p.UniqueName != key));
        if (undeclared != null) throw Fault.InvalidArgument($"{Name} has no response property '{undeclared}', yet its plugin set it.");
    }

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = new OrganizationResponse { ResponseName = Name };
        foreach (var pair in operation.OutputParameters) response.Results[pair.Key] = pair.Value;
        return response;
    }
}
