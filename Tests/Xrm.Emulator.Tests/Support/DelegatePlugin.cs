using System;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Tests.Support;

/// <summary>A plugin whose body is a lambda, so a test states the behaviour it needs next to its assertions.</summary>
public sealed class DelegatePlugin : IPlugin
{
    private readonly Action<PluginScope> _body;

    public DelegatePlugin(Action<PluginScope> body) => _body = body;

    public void Execute(IServiceProvider serviceProvider) => _body(new PluginScope(serviceProvider));
}

/// <summary>What a plugin usually pulls out of its service provider.</summary>
public sealed class PluginScope
{
    public PluginScope(IServiceProvider provider)
    {
        Provider = provider;
        Context = (IPluginExecutionContext4)provider.GetService(typeof(IPluginExecutionContext4))!;
        Factory = (IOrganizationServiceFactory)provider.GetService(typeof(IOrganizationServiceFactory))!;
        Tracing = (ITracingService)provider.GetService(typeof(ITracingService))!;
    }

    public IServiceProvider Provider { get; }

    public IPluginExecutionContext4 Context { get; }

    public IOrganizationServiceFactory Factory { get; }

    public ITracingService Tracing { get; }

    /// <summary>A service acting as the context's user, as the plugin template builds it.</summary>
    public IOrganizationService Service => Factory.CreateOrganizationService(Context.UserId);

    public Entity Target => (Entity)Context.InputParameters["Target"];
}
