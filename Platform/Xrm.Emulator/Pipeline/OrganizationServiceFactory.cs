using System;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Metering;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// IOrganizationServiceFactory for one plugin execution. As in Dataverse: null is the SYSTEM user, Guid.Empty the
/// context's user, any other id that user; in a workflow activity every call runs as the context's user.
/// Services it creates are metered on the execution and call the pipeline at the context's depth + 1.
/// </summary>
internal sealed class OrganizationServiceFactory : IOrganizationServiceFactory
{
    private readonly XrmEmulator _emulator;
    private readonly IExecutionContext _context;
    private readonly PluginExecution _execution;
    private readonly Transaction? _transaction;
    private readonly bool _alwaysContextUser;

    public OrganizationServiceFactory(XrmEmulator emulator, IExecutionContext context, PluginExecution execution, Transaction? transaction, bool alwaysContextUser)
    {
        _emulator = emulator;
        _context = context;
        _execution = execution;
        _transaction = transaction;
        _alwaysContextUser = alwaysContextUser;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        var user = _alwaysContextUser ? _context.UserId
            : userId == null ? _emulator.SystemUserId
            : userId == Guid.Empty ? _context.UserId
            : userId.Value;
        _emulator.RequireUser(user);

        var origin = new CallOrigin(user, _context.InitiatingUserId, _context.Depth)
        {
            CorrelationId = _context.CorrelationId,
            ParentContext = _context as IPluginExecutionContext,
            Transaction = _transaction,
            Execution = _execution,
        };
        return new OrganizationService(_emulator, origin);
    }
}
