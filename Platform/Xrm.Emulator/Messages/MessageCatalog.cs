using System;
using System.Collections.Generic;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>The messages the emulator implements, built-in and custom APIs, by name.</summary>
internal sealed class MessageCatalog
{
    private readonly Dictionary<string, MessageHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly XrmEmulator _emulator;

    public MessageCatalog(XrmEmulator emulator)
    {
        _emulator = emulator;
        foreach (var handler in new MessageHandler[]
                 {
                     new CreateHandler(emulator), new RetrieveHandler(emulator), new UpdateHandler(emulator), new DeleteHandler(emulator),
                     new RetrieveMultipleHandler(emulator), new AssignHandler(emulator), new SetStateHandler(emulator),
                     new CreateMultipleHandler(emulator), new UpdateMultipleHandler(emulator), new WhoAmIHandler(emulator),
                     new ExecuteMultipleHandler(emulator), new ExecuteTransactionHandler(emulator), new RetrieveEnvironmentVariableValueHandler(emulator), new GrantAccessHandler(emulator), new ModifyAccessHandler(emulator), new RevokeAccessHandler(emulator),
                     new RetrieveEntityHandler(emulator), new RetrieveAttributeHandler(emulator),
                     new CloseOpportunityHandler(emulator, won: true), new CloseOpportunityHandler(emulator, won: false),
                 })
        {
            _handlers.Add(handler.Name, handler);
        }
    }

    public MessageHandler? Find(string? name) => name != null && _handlers.TryGetValue(name, out var handler) ? handler : null;

    public void AddCustomApi(CustomApiRegistration api)
    {
        if (_handlers.TryGetValue(api.UniqueName, out var existing))
        {
            throw new InvalidOperationException(existing is CustomApiHandler
                ? $"The custom API '{api.UniqueName}' is registered twice."
                : $"The custom API '{api.UniqueName}' has the name of a platform message.");
        }

        _handlers.Add(api.UniqueName, new CustomApiHandler(_emulator, api));
    }
}
