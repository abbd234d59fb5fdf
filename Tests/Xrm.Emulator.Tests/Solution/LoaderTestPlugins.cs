using System;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Tests.Solution;

/// <summary>Traces its configuration and instance, so loader tests can see how the emulator built it.</summary>
public sealed class ConfiguredPlugin : IPlugin
{
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly string? _unsecure;
    private readonly string? _secure;

    public ConfiguredPlugin(string unsecure, string secure)
    {
        _unsecure = unsecure;
        _secure = secure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        tracing.Trace($"unsecure={_unsecure ?? "null"}; secure={_secure ?? "null"}; instance={_instance}");
    }
}

public sealed class UnsecureOnlyPlugin : IPlugin
{
    private readonly string? _unsecure;

    public UnsecureOnlyPlugin(string unsecure) => _unsecure = unsecure;

    public void Execute(IServiceProvider serviceProvider) =>
        ((ITracingService)serviceProvider.GetService(typeof(ITracingService))!).Trace($"unsecure={_unsecure}");
}

public sealed class StampPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        target["description"] = $"stamped by {context.MessageName} at {context.Stage}";
    }
}

/// <summary>The main operation of the test custom API: echoes its input.</summary>
public sealed class EchoApi : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        context.OutputParameters["Echo"] = context.InputParameters["Text"];
    }
}
