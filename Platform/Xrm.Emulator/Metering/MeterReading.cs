using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Emulator.Metering;

/// <summary>Plugin executions recorded over some span (everything, or one measured request).</summary>
public sealed class MeterReading
{
    internal MeterReading(IReadOnlyList<PluginExecution> executions) => Executions = executions;

    public IReadOnlyList<PluginExecution> Executions { get; }

    /// <summary>Executions of a plugin, by full type name ("Coaching.Plugins.IcpFitPlugin") or short name ("IcpFitPlugin").</summary>
    public IReadOnlyList<PluginExecution> For(string pluginType) => Executions.Where(e => Matches(e, pluginType)).ToList();

    public IEnumerable<ServiceCall> Calls => Executions.SelectMany(e => e.Calls);

    public int Count(string message) => Executions.Sum(e => e.Count(message));

    public int Writes => Executions.Sum(e => e.Writes);

    internal static bool Matches(PluginExecution execution, string pluginType) =>
        string.Equals(execution.PluginType, pluginType, StringComparison.Ordinal) ||
        execution.PluginType.EndsWith("." + pluginType, StringComparison.Ordinal);
}
