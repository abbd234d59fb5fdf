using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Emulator.Pipeline;

/// <summary>The registered steps, looked up by message; order within a stage is rank, then registration order.</summary>
public sealed class StepRegistry
{
    private readonly Dictionary<string, List<StepRegistration>> _byMessage = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;

    public IEnumerable<StepRegistration> All => _byMessage.Values.SelectMany(s => s).OrderBy(s => s.Sequence);

    public StepRegistration Register(StepRegistration step)
    {
        step.Validate();
        step.Sequence = ++_sequence;
        if (!_byMessage.TryGetValue(step.Message, out var steps))
        {
            steps = new List<StepRegistration>();
            _byMessage.Add(step.Message, steps);
        }

        steps.Add(step);
        steps.Sort(ExecutionOrder);
        return step;
    }

    public bool Unregister(StepRegistration step) =>
        _byMessage.TryGetValue(step.Message, out var steps) && steps.Remove(step);

    /// <summary>Steps of one stage and mode for the given messages (a message and its bulk/single partner), in execution order.</summary>
    internal List<StepRegistration> For(string message, string? partnerMessage, string table, PipelineStage stage, StepMode mode)
    {
        var result = new List<StepRegistration>();
        Collect(message, table, stage, mode, result);
        if (partnerMessage != null) Collect(partnerMessage, table, stage, mode, result);
        if (partnerMessage != null && result.Count > 1) result.Sort(ExecutionOrder);
        return result;
    }

    /// <summary>Steps of any stage and mode on the message or its bulk partner for the table.</summary>
    internal IEnumerable<StepRegistration> Matching(string message, string? partnerMessage, string table) =>
        Matching(message, table).Concat(partnerMessage == null ? Enumerable.Empty<StepRegistration>() : Matching(partnerMessage, table));

    private IEnumerable<StepRegistration> Matching(string message, string table) =>
        _byMessage.TryGetValue(message, out var steps) ? steps.Where(s => s.AppliesToTable(table)) : Enumerable.Empty<StepRegistration>();

    private void Collect(string message, string table, PipelineStage stage, StepMode mode, List<StepRegistration> into)
    {
        if (!_byMessage.TryGetValue(message, out var steps)) return;
        foreach (var step in steps)
        {
            if (step.Stage == stage && step.Mode == mode && step.AppliesToTable(table)) into.Add(step);
        }
    }

    private static int ExecutionOrder(StepRegistration a, StepRegistration b)
    {
        var byStage = a.Stage.CompareTo(b.Stage);
        if (byStage != 0) return byStage;
        var byRank = a.Rank.CompareTo(b.Rank);
        return byRank != 0 ? byRank : a.Sequence.CompareTo(b.Sequence);
    }
}
