using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Opportunities;

namespace Coach.Simulation;

/// <summary>The reporting window: events after <see cref="To"/> are not replayed; activity before <see cref="From"/> builds state but is not counted.</summary>
public sealed record ReplayWindow(DateTime? From, DateTime? To)
{
    public static readonly ReplayWindow All = new(null, null);

    public bool Counts(DateTime time) => (From == null || time >= From.Value) && (To == null || time <= To.Value);
}

/// <summary>
/// The events to replay, in time order. Each opportunity starts with its creation (opportunities.csv created_on).
/// With events.csv, its rows are the history; an opportunity with no rows there gets derived events, as
/// without events.csv:
/// <list type="bullet">
/// <item>created at created_on, in Qualify, with value, close date, buying trigger and buyer stage;</item>
/// <item>goal_set and interaction_scheduled one hour later, when the row has a goal or a next interaction date;</item>
/// <item>stage_change to the row's stage (when past Qualify) halfway between then and the close (or the end of the
/// data), but before the next interaction when that is later, as a rep moves a deal before the meeting it prepares;</item>
/// <item>won or lost at closed_on.</item>
/// </list>
/// Events at the same time keep their file order, and a creation comes first.
/// </summary>
public sealed class ReplayPlan
{
    public static readonly TimeSpan DetailsAfterCreation = TimeSpan.FromHours(1);

    private ReplayPlan(IReadOnlyList<PipelineEvent> events, int afterWindow, int derivedFor, DateTime dataStart, DateTime dataEnd, DateTime asOf)
    {
        _events = events;
        Count = events.Count;
        FromFile = events.Count(e => e.File == PipelineData.EventsFile);
        AfterWindow = afterWindow;
        DerivedFor = derivedFor;
        DataStart = dataStart;
        DataEnd = dataEnd;
        AsOf = asOf;
    }

    private IReadOnlyList<PipelineEvent>? _events;

    /// <summary>Events to replay (creations included).</summary>
    public int Count { get; }

    /// <summary>Events to replay that came from events.csv (not derived, creations excluded).</summary>
    public int FromFile { get; }

    /// <summary>
    /// The events to replay, sorted by time (then creation first, then file order), in an array the replay owns: it
    /// clears each slot once applied. The plan forgets them; no one else holds the list (a caller that read it into a
    /// local would keep every event alive for the whole replay).
    /// </summary>
    /// <exception cref="InvalidOperationException">Taken twice.</exception>
    public PipelineEvent?[] TakeEvents()
    {
        var events = (_events ?? throw new InvalidOperationException("The events were taken by the replay.")).ToArray<PipelineEvent?>();
        _events = null;
        return events;
    }

    /// <summary>Events (creations included) later than the window's end: not replayed.</summary>
    public int AfterWindow { get; }

    /// <summary>Opportunities with events derived from their opportunities.csv row (beyond their creation).</summary>
    public int DerivedFor { get; }

    /// <summary>Earliest time in the data.</summary>
    public DateTime DataStart { get; }

    /// <summary>Latest time in the data (creations, closes, events).</summary>
    public DateTime DataEnd { get; }

    /// <summary>The moment the report describes: the window's end, else the end of the data.</summary>
    public DateTime AsOf { get; }

    public static ReplayPlan Build(PipelineData data, ReplayWindow window) => Build(data, window, DataSpan.Of(data));

    /// <summary>The plan, given the data's <paramref name="span"/> (worked out once: the setup needs its start first).</summary>
    public static ReplayPlan Build(PipelineData data, ReplayWindow window, DataSpan span)
    {
        var all = new List<PipelineEvent>();
        var sequence = 0;
        var withEvents = new HashSet<string>(data.Events?.Select(e => e.OpportunityId) ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var dataStart = span.Start;
        var dataEnd = span.End;

        var derivedFor = 0;
        foreach (var o in data.Opportunities)
        {
            all.Add(new PipelineEvent(o.CreatedOn, o.Id, EventKind.Created, null, null, null, PipelineData.OpportunitiesFile, o.Line, false, sequence++));
            if (withEvents.Contains(o.Id)) continue;
            var derived = Derive(o, dataEnd).ToList();
            if (derived.Count > 0) derivedFor++;
            foreach (var e in derived)
            {
                all.Add(e with { Sequence = sequence++ });
            }
        }

        // events.csv rows keep the sequence the loader gave them (their file order); derived ones follow at equal times.
        if (data.Events != null) all.AddRange(data.Events);

        var ordered = all
            .OrderBy(e => e.Timestamp)
            .ThenBy(e => e.Kind == EventKind.Created ? 0 : e.Derived ? 2 : 1)
            .ThenBy(e => e.Sequence)
            .ToList();
        var replayed = window.To == null ? ordered : ordered.Where(e => e.Timestamp <= window.To.Value).ToList();
        var asOf = window.To ?? dataEnd;
        return new ReplayPlan(replayed, ordered.Count - replayed.Count, derivedFor, dataStart, dataEnd, asOf);
    }

    /// <summary>The events an opportunities.csv row implies (its creation excluded).</summary>
    public static IEnumerable<PipelineEvent> Derive(OpportunityRow o, DateTime dataEnd)
    {
        var file = PipelineData.OpportunitiesFile;
        var details = DetailsTime(o);
        if (o.NextInteractionGoal != null)
        {
            yield return new PipelineEvent(details, o.Id, EventKind.GoalSet, o.NextInteractionGoal, null, null, file, o.Line, true, 0);
        }

        if (o.NextInteractionDate.HasValue)
        {
            yield return new PipelineEvent(details, o.Id, EventKind.InteractionScheduled, InputValues.Iso(o.NextInteractionDate.Value), null, o.NextInteractionDate, file, o.Line, true, 0);
        }

        if (o.Stage > SalesStage.Qualify)
        {
            yield return new PipelineEvent(StageMoveTime(o, dataEnd), o.Id, EventKind.StageChange, o.Stage.ToString(), o.Stage, null, file, o.Line, true, 0);
        }

        if (o.Status != OpportunityState.Open && o.ClosedOn.HasValue)
        {
            var kind = o.Status == OpportunityState.Won ? EventKind.Won : EventKind.Lost;
            yield return new PipelineEvent(o.ClosedOn.Value, o.Id, kind, null, null, null, file, o.Line, true, 0);
        }
    }

    /// <summary>One hour after creation (sooner when the deal closed within hours).</summary>
    public static DateTime DetailsTime(OpportunityRow o)
    {
        var span = o.ClosedOn.HasValue ? o.ClosedOn.Value - o.CreatedOn : TimeSpan.MaxValue;
        return o.CreatedOn + (span < TimeSpan.FromHours(4) ? TimeSpan.FromTicks(span.Ticks / 4) : DetailsAfterCreation);
    }

    /// <summary>Halfway through the deal's life, before its next interaction, after its details were filled in.</summary>
    public static DateTime StageMoveTime(OpportunityRow o, DateTime dataEnd)
    {
        var span = o.ClosedOn.HasValue ? o.ClosedOn.Value - o.CreatedOn : TimeSpan.MaxValue;
        var start = o.CreatedOn + (span < TimeSpan.FromHours(4) ? TimeSpan.FromTicks(span.Ticks / 2) : DetailsAfterCreation + DetailsAfterCreation);
        var end = o.ClosedOn ?? (dataEnd > start ? dataEnd : start);
        var move = end > start ? start + TimeSpan.FromTicks((end - start).Ticks / 2) : start;
        if (o.NextInteractionDate is { } next && next > start)
        {
            var beforeMeeting = next - TimeSpan.FromHours(12);
            if (beforeMeeting < move) move = beforeMeeting < start ? start : beforeMeeting;
        }

        return move;
    }
}

/// <summary>The earliest and latest times of the data: creations, closes and events.</summary>
public readonly record struct DataSpan(DateTime Start, DateTime End)
{
    public static DataSpan Of(PipelineData data)
    {
        var times = data.Opportunities.Select(o => o.CreatedOn)
            .Concat(data.Opportunities.Where(o => o.ClosedOn.HasValue).Select(o => o.ClosedOn!.Value))
            .Concat(data.Events?.Select(e => e.Timestamp) ?? Enumerable.Empty<DateTime>())
            .ToList();
        var start = times.Count == 0 ? DateTime.UtcNow.Date : times.Min();
        return new DataSpan(start, times.Count == 0 ? start : times.Max());
    }
}
