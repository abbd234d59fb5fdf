using System;
using System.Collections.Generic;
using System.Linq;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Metering;

/// <summary>One run of a plugin (or workflow activity): where it ran, the service calls it made and what it traced.</summary>
public sealed class PluginExecution
{
    private readonly List<ServiceCall> _calls = new();
    private readonly List<string> _traceLines = new();

    internal PluginExecution(string pluginType, string message, string table, int stage, StepMode mode, int depth, Guid primaryEntityId)
    {
        PluginType = pluginType;
        Message = message;
        Table = table;
        Stage = stage;
        Mode = mode;
        Depth = depth;
        PrimaryEntityId = primaryEntityId;
    }

    /// <summary>Full type name of the plugin or workflow activity.</summary>
    public string PluginType { get; }

    public string Message { get; }

    public string Table { get; }

    /// <summary>10, 20, 30 (custom API main operation), 40; 0 for a workflow activity.</summary>
    public int Stage { get; }

    public StepMode Mode { get; }

    public int Depth { get; }

    public Guid PrimaryEntityId { get; }

    public IReadOnlyList<ServiceCall> Calls => _calls;

    public IReadOnlyList<string> TraceLines => _traceLines;

    /// <summary>The message of the exception the plugin ended with, or null when it succeeded.</summary>
    public string? Error { get; internal set; }

    public TimeSpan Elapsed { get; internal set; }

    public int Count(string message) => _calls.Count(c => string.Equals(c.Message, message, StringComparison.OrdinalIgnoreCase));

    public int Count(string message, string table) =>
        _calls.Count(c => string.Equals(c.Message, message, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase));

    /// <summary>Calls that change data: Create, Update, Delete, Assign, SetState, WinOpportunity, LoseOpportunity, the bulk messages, Associate.</summary>
    public int Writes => _calls.Count(c => c.IsWrite);

    public int Reads => _calls.Count(c => c.Message is "Retrieve" or "RetrieveMultiple");

    public IReadOnlyDictionary<string, int> CallsByMessage =>
        _calls.GroupBy(c => c.Message).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// False when the meter is not recording: nobody can read the execution's calls and trace lines afterwards, so
    /// they are not kept (a large simulate run makes millions).
    /// </summary>
    internal bool KeepsDetail { get; init; } = true;

    internal void Record(ServiceCall call)
    {
        if (KeepsDetail) _calls.Add(call);
    }

    internal void Trace(string line)
    {
        if (KeepsDetail) _traceLines.Add(line);
    }

    public override string ToString() =>
        $"{PluginType} on {Message} of {Table} (stage {Stage}, depth {Depth}): {_calls.Count} call(s){(Error == null ? "" : ", failed: " + Error)}";
}
