using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Emulator.Metering;

/// <summary>
/// Records every plugin execution with the service calls it made, so tests and benchmarks can hold
/// plugins to a call budget ("IcpFit made 1 RetrieveMultiple and no writes").
/// </summary>
public sealed class CallMeter
{
    private readonly List<PluginExecution> _executions = new();

    /// <summary>Turn off for long benchmark runs; executions (and their trace lines) are then not kept.</summary>
    public bool IsRecording { get; set; } = true;

    public IReadOnlyList<PluginExecution> Executions => _executions;

    public IReadOnlyList<PluginExecution> For(string pluginType) => _executions.Where(e => MeterReading.Matches(e, pluginType)).ToList();

    /// <summary>The executions that happen while <paramref name="userRequest"/> runs (including async jobs it queues, when they run then).</summary>
    public MeterReading Measure(Action userRequest)
    {
        var start = _executions.Count;
        userRequest();
        return new MeterReading(_executions.Skip(start).ToList());
    }

    public MeterReading Everything() => new(_executions.ToList());

    public void Reset() => _executions.Clear();

    internal void Add(PluginExecution execution)
    {
        if (IsRecording) _executions.Add(execution);
    }
}
