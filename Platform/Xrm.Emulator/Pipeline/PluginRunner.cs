using System;
using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metering;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// Runs one plugin: hands it a service provider, meters and traces the execution, and turns what it throws
/// into what the caller sees (InvalidPluginExecutionException and platform faults unchanged, anything else a fault
/// with the original message).
/// </summary>
internal sealed class PluginRunner
{
    private readonly XrmEmulator _emulator;

    public PluginRunner(XrmEmulator emulator) => _emulator = emulator;

    public PluginExecution Run(IPlugin plugin, string pluginType, PluginExecutionContext context)
    {
        var execution = new PluginExecution(pluginType, context.MessageName, context.PrimaryEntityName, context.Stage,
            (StepMode)context.Mode, context.Depth, context.PrimaryEntityId) { KeepsDetail = _emulator.Meter.IsRecording };
        _emulator.Meter.Add(execution);

        var factory = new OrganizationServiceFactory(_emulator, context, execution, context.Transaction, alwaysContextUser: false);
        var provider = new PluginServiceProvider(context, factory, new TracingService(execution));
        var started = Stopwatch.GetTimestamp();
        try
        {
            plugin.Execute(provider);
        }
        catch (Exception error) when (error is InvalidPluginExecutionException or XrmFaultException)
        {
            execution.Error = error.Message;
            throw;
        }
        catch (Exception error)
        {
            execution.Error = error.Message;
            throw Fault.UnexpectedPluginError(pluginType, error);
        }
        finally
        {
            execution.Elapsed = Stopwatch.GetElapsedTime(started);
        }

        // A failed call inside the transaction ended it; carrying on as if nothing happened is an error in Dataverse.
        if (context.Transaction?.Doomed == true)
        {
            var fault = Fault.IsvReducedOpenTransactionCount(pluginType);
            execution.Error = fault.Message;
            throw fault;
        }

        return execution;
    }
}
