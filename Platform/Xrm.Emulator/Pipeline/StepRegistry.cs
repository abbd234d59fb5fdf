using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Emulator.Pipeline;

/// <summary>The registered steps, looked up by message; order within a stage is rank, then registration order.</summary>
public sealed class StepRegistry
{
    private readonly Dictionary<string, List<StepRegistration>> _byMessage = new(StringComparer.OrdinalIgnoreCase);

    // Every message asks for its steps several times (stages, modes, images): the answers are kept until the registrations change.
    private readonly Dictionary<StepQuery, StepRegistration[]> _resolved = new(StepQuery.Comparer);
    private readonly Dictionary<StepQuery, ImageNeeds> _imageNeeds = new(StepQuery.Comparer);
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

    /// <summary>Steps of one stage and mode for the given messages (a message and its bulk/single partner), in execution order.</summary>
    internal StepRegistration[] For(string message, string? partnerMessage, string table, PipelineStage stage, StepMode mode)
    {
        var query = new StepQuery(message, partnerMessage, table, stage, mode);
        if (_resolved.TryGetValue(query, out var known)) return known;

        var result = new List<StepRegistration>();
        Collect(message, table, stage, mode, result);
        if (partnerMessage != null) Collect(partnerMessage, table, stage, mode, result);
        if (partnerMessage != null && result.Count > 1) result.Sort(ExecutionOrder);
        var steps = result.ToArray();
        _resolved.Add(query, steps);
        return steps;
    }

    /// <summary>Whether any step on the message or its bulk partner for the table has a pre-image, or a post-image it receives (stage 40).</summary>
    internal ImageNeeds ImagesFor(string message, string? partnerMessage, string table)
    {
        var query = new StepQuery(message, partnerMessage, table, 0, 0);
        if (_imageNeeds.TryGetValue(query, out var known)) return known;

        var pre = false;
        var post = false;
        foreach (var step in Matching(message, partnerMessage, table))
        {
            foreach (var image in step.Images)
            {
                pre |= image.IsPre;
                post |= image.IsPost && step.Stage == PipelineStage.PostOperation;
            }
        }

        var needs = new ImageNeeds(pre, post);
        _imageNeeds.Add(query, needs);
        return needs;
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

    private void Forget()
    {
        _resolved.Clear();
        _imageNeeds.Clear();
    }

    private static int ExecutionOrder(StepRegistration a, StepRegistration b)
    {
        var byStage = a.Stage.CompareTo(b.Stage);
        if (byStage != 0) return byStage;
        var byRank = a.Rank.CompareTo(b.Rank);
        return byRank != 0 ? byRank : a.Sequence.CompareTo(b.Sequence);
    }
}

/// <summary>Which images the steps of a message need captured.</summary>
internal readonly record struct ImageNeeds(bool Pre, bool Post);

/// <summary>A step lookup: messages and table compare without case, as the registry's do.</summary>
internal readonly record struct StepQuery(string Message, string? PartnerMessage, string Table, PipelineStage Stage, StepMode Mode)
{
    public static readonly IEqualityComparer<StepQuery> Comparer = new IgnoringCase();

    private sealed class IgnoringCase : IEqualityComparer<StepQuery>
    {
        private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

        public bool Equals(StepQuery x, StepQuery y) =>
            x.Stage == y.Stage && x.Mode == y.Mode && Names.Equals(x.Message, y.Message) && Names.Equals(x.Table, y.Table)
            && (x.PartnerMessage == null ? y.PartnerMessage == null : y.PartnerMessage != null && Names.Equals(x.PartnerMessage, y.PartnerMessage));

        public int GetHashCode(StepQuery query) =>
            HashCode.Combine(Names.GetHashCode(query.Message), query.PartnerMessage == null ? 0 : Names.GetHashCode(query.PartnerMessage),
                Names.GetHashCode(query.Table), query.Stage, query.Mode);
    }
}
