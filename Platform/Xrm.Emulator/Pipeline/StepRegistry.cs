using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Emulator.Pipeline;

/// <summary>The registered steps, looked up by message; order within a stage is rank, then registration order.</summary>
public sealed class StepRegistry
{
    private readonly Dictionary<string, List<StepRegistration>> _byMessage = new(StringComparer.OrdinalIgnoreCase);

    // Every message asks for its steps: the answers are kept, by table, message and bulk partner as spelled (exact-case keys
    // hash fastest; another spelling resolves once more), until the registrations change.
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, MessageSteps>>> _resolved = new(StringComparer.Ordinal);
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
        Forget();
        return step;
    }

    public bool Unregister(StepRegistration step)
    {
        var removed = _byMessage.TryGetValue(step.Message, out var steps) && steps.Remove(step);
        Forget();
        return removed;
    }

    /// <summary>The steps that run for a message (and its bulk/single partner) on a table, by stage and mode, in execution order.</summary>
    internal MessageSteps For(string message, string? partnerMessage, string table)
    {
        if (!_resolved.TryGetValue(table, out var byMessage)) _resolved.Add(table, byMessage = new(StringComparer.Ordinal));
        if (!byMessage.TryGetValue(message, out var byPartner)) byMessage.Add(message, byPartner = new(StringComparer.Ordinal));
        if (byPartner.TryGetValue(partnerMessage ?? "", out var known)) return known;

        var steps = new MessageSteps(
            Collect(message, partnerMessage, table, PipelineStage.PreValidation, StepMode.Synchronous),
            Collect(message, partnerMessage, table, PipelineStage.PreOperation, StepMode.Synchronous),
            Collect(message, partnerMessage, table, PipelineStage.PostOperation, StepMode.Synchronous),
            Collect(message, partnerMessage, table, PipelineStage.PostOperation, StepMode.Asynchronous));
        byPartner.Add(partnerMessage ?? "", steps);
        return steps;
    }

    private StepRegistration[] Collect(string message, string? partnerMessage, string table, PipelineStage stage, StepMode mode)
    {
        var result = new List<StepRegistration>();
        Collect(message, table, stage, mode, result);
        if (partnerMessage != null) Collect(partnerMessage, table, stage, mode, result);
        if (partnerMessage != null && result.Count > 1) result.Sort(ExecutionOrder);
        return result.ToArray();
    }

    private void Collect(string message, string table, PipelineStage stage, StepMode mode, List<StepRegistration> into)
    {
        if (!_byMessage.TryGetValue(message, out var steps)) return;
        foreach (var step in steps)
        {
            if (step.Stage == stage && step.Mode == mode && step.AppliesToTable(table)) into.Add(step);
        }
    }

    private void Forget() => _resolved.Clear();

    private static int ExecutionOrder(StepRegistration a, StepRegistration b)
    {
        var byStage = a.Stage.CompareTo(b.Stage);
        if (byStage != 0) return byStage;
        var byRank = a.Rank.CompareTo(b.Rank);
        return byRank != 0 ? byRank : a.Sequence.CompareTo(b.Sequence);
    }
}

/// <summary>The synchronous steps of each stage, the asynchronous ones, and whether any has a pre-image or a stage-40 post-image.</summary>
internal sealed class MessageSteps
{
    public MessageSteps(StepRegistration[] preValidation, StepRegistration[] preOperation, StepRegistration[] postOperation, StepRegistration[] asynchronous)
    {
        PreValidation = preValidation;
        PreOperation = preOperation;
        PostOperation = postOperation;
        Asynchronous = asynchronous;
        // Steps register at stages 10, 20 and 40 only, so these four lists hold every step of the message and table.
        PreImage = preValidation.Concat(preOperation).Concat(postOperation).Concat(asynchronous).Any(s => s.Images.Any(i => i.IsPre));
        PostImage = postOperation.Concat(asynchronous).Any(s => s.Images.Any(i => i.IsPost));
    }

    public StepRegistration[] PreValidation { get; }

    public StepRegistration[] PreOperation { get; }

    public StepRegistration[] PostOperation { get; }

    public StepRegistration[] Asynchronous { get; }

    public bool PreImage { get; }

    public bool PostImage { get; }

    public StepRegistration[] Synchronous(PipelineStage stage) => stage switch
    {
        PipelineStage.PreValidation => PreValidation,
        PipelineStage.PreOperation => PreOperation,
        _ => PostOperation,
    };
}
