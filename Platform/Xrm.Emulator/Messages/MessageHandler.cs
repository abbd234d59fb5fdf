using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>What the emulator knows about one message.</summary>
internal abstract class MessageHandler
{
    public abstract string Name { get; }
}

/// <summary>A message that goes through the event pipeline (steps may be registered on it).</summary>
internal abstract class EventMessageHandler : MessageHandler
{
    protected EventMessageHandler(XrmEmulator emulator) => Emulator = emulator;

    protected XrmEmulator Emulator { get; }

    /// <summary>Reads the (copied) input parameters: the table, the records, which images exist. Throws on a malformed request.</summary>
    public abstract void Prepare(Operation operation);

    /// <summary>The core operation, stage 30, inside the transaction.</summary>
    public abstract void Execute(Operation operation);

    /// <summary>After the synchronous post-operation steps, still inside the transaction.</summary>
    public virtual void Complete(Operation operation)
    {
    }

    public abstract OrganizationResponse Respond(Operation operation);

    protected internal static T Required<T>(Operation operation, string parameter) where T : class =>
        operation.InputParameters.TryGetValue(parameter, out var value) && value is T typed
            ? typed
            : throw Faults.Fault.InvalidArgument($"{operation.Message} requires the parameter '{parameter}' of type {typeof(T).Name}.");

    protected static TResponse Response<TResponse>(string name) where TResponse : OrganizationResponse, new() =>
        new() { ResponseName = name };
}

/// <summary>A message that carries other requests (ExecuteMultiple, ExecuteTransaction); it has no steps of its own.</summary>
internal abstract class BatchMessageHandler : MessageHandler
{
    protected BatchMessageHandler(XrmEmulator emulator) => Emulator = emulator;

    protected XrmEmulator Emulator { get; }

    public abstract OrganizationResponse Execute(OrganizationRequest request, CallOrigin origin);
}
