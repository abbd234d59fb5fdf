using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Xrm.Emulator.Pipeline;

/// <summary>The IServiceProvider a plugin's Execute receives.</summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly IExecutionContext _context;
    private readonly IOrganizationServiceFactory _factory;
    private readonly ITracingService _tracing;

    public PluginServiceProvider(IExecutionContext context, IOrganizationServiceFactory factory, ITracingService tracing)
    {
        _context = context;
        _factory = factory;
        _tracing = tracing;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IOrganizationServiceFactory)) return _factory;
        if (serviceType == typeof(ITracingService)) return _tracing;
        if (serviceType == typeof(IExecutionContext) || serviceType.IsInstanceOfType(_context) && serviceType.IsInterface) return _context;
        return null;
    }
}
