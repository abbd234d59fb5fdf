using System.Globalization;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Metering;

namespace Xrm.Emulator.Pipeline;

/// <summary>ITracingService that keeps each line on the plugin execution, where tests read it.</summary>
internal sealed class TracingService : ITracingService
{
    private readonly PluginExecution _execution;

    public TracingService(PluginExecution execution) => _execution = execution;

    public void Trace(string format, params object[] args)
    {
        if (!_execution.KeepsDetail) return; // nobody reads the line: no formatting
        _execution.Trace(args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
    }
}
