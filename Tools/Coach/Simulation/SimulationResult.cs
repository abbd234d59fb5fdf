using System;
using System.Collections.Generic;
using System.Linq;

namespace Coach.Simulation;

/// <summary>What a simulation run found: the four report sections, plus what was read, skipped and replayed.</summary>
public sealed class SimulationResult
{
    public required string DataSource { get; init; }

    /// <summary>"solution default" or the settings file path.</summary>
    public required string SettingsSource { get; init; }

    public required ReplayWindow Window { get; init; }

    /// <summary>First day counted in the report (the window's start, else the start of the data).</summary>
    public required DateTime PeriodStart { get; init; }

    /// <summary>The moment the report describes (the window's end, else the end of the data).</summary>
    public required DateTime AsOf { get; init; }

    public required SimulationSummary Summary { get; init; }

    /// <summary>1. The pipeline-meeting agenda per manager.</summary>
    public required IReadOnlyList<ManagerAgenda> Agendas { get; init; }

    /// <summary>Where the agenda came from: the product's custom API or the simulation's own query.</summary>
    public required string AgendaSource { get; init; }

    /// <summary>2. Sessions, tasks and cadence per rep.</summary>
    public required IReadOnlyList<RepActivity> Reps { get; init; }

    /// <summary>Week starts (Mondays, UTC) of <see cref="RepActivity.WeeklySessions"/>.</summary>
    public required IReadOnlyList<DateTime> Weeks { get; init; }

    public required int CadenceTarget { get; init; }

    public required string CadenceSource { get; init; }

    /// <summary>3. Stage moves the gate refused, in time order.</summary>
    public required IReadOnlyList<BlockedMove> BlockedMoves { get; init; }

    /// <summary>4. ICP fit of the deals in the period.</summary>
    public required IcpDistribution Icp { get; init; }

    /// <summary>Operations the platform refused other than gated stage moves (a plugin error, a rule), in time order.</summary>
    public required IReadOnlyList<RefusedEvent> Refused { get; init; }

    /// <summary>Rows skipped while loading and events that could not be applied, with file, line and reason.</summary>
    public required IReadOnlyList<InputIssue> Issues { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>What the user must see before the results: columns not recognised, a period outside the data.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = new List<string>();

    /// <summary>Rows read, kept, kept with unknown cells and refused while loading.</summary>
    public InputCounts? InputCounts { get; init; }

    public int AgendaCount => Agendas.Sum(a => a.Items.Count);
}

public sealed class SimulationSummary
{
    public int Accounts { get; init; }

    public int Managers { get; init; }

    public int Reps { get; init; }

    /// <summary>Opportunities created in the emulator.</summary>
    public int Opportunities { get; init; }

    public int OpenOpportunities { get; init; }

    public int Won { get; init; }

    public int Lost { get; init; }

    /// <summary>Events replayed (creations included).</summary>
    public int EventsReplayed { get; init; }

    /// <summary>Events that came from events.csv (not derived, creations excluded).</summary>
    public int EventsFromFile { get; init; }

    public int EventsApplied { get; init; }

    public int EventsBlocked { get; init; }

    public int EventsRefused { get; init; }

    /// <summary>Events skipped while replaying (the opportunity was already closed, was never created, ...).</summary>
    public int EventsSkipped { get; init; }

    public int EventsAfterWindow { get; init; }

    /// <summary>Opportunities whose events were derived from their opportunities.csv row.</summary>
    public int DerivedFor { get; init; }

    public int SessionsCreated { get; init; }

    public int CoachingTasks { get; init; }

    /// <summary>Data rows read per file.</summary>
    public IReadOnlyDictionary<string, int> RowsRead { get; init; } = new Dictionary<string, int>();

    /// <summary>Rows skipped per file (load and replay).</summary>
    public IReadOnlyDictionary<string, int> RowsSkipped { get; init; } = new Dictionary<string, int>();

    public TimeSpan ReplayTime { get; init; }

    /// <summary>Daily refreshes run, the open deals they read and the deals they wrote (shown with --timings).</summary>
    public (int Runs, long Read, int Written) Refreshes { get; init; }

    /// <summary>Where the time went, phase by phase (shown with --timings).</summary>
    public List<(string Phase, TimeSpan Time, long WorkingSetMb)> Phases { get; } = new();

    /// <summary>Heap still alive right after the replay, emulator included (measured with --timings only).</summary>
    public long? LiveAfterReplayMb { get; set; }

    /// <summary>Rows the emulator holds per table at the end (shown with --timings: where the memory goes).</summary>
    public Dictionary<string, int> StoredRows { get; } = new(StringComparer.Ordinal);

    public TimeSpan TotalTime { get; set; }
}

public sealed class ManagerAgenda
{
    public required string Manager { get; init; }

    public required IReadOnlyList<AgendaItem> Items { get; init; }

    /// <summary>Reps of the manager (for an empty agenda's wording).</summary>
    public int Reps { get; init; }
}

/// <summary>A deal flagged for the pipeline meeting.</summary>
public sealed record AgendaItem
{
    public int Rank { get; init; }

    /// <summary>Coaching priority 0–100 when the agenda API ranked it.</summary>
    public int? Priority { get; init; }

    /// <summary>Why it ranks where it does (one line per factor), when the agenda API ranked it.</summary>
    public IReadOnlyList<string> PriorityReasons { get; init; } = Array.Empty<string>();

    public required string Opportunity { get; init; }

    public string? Account { get; init; }

    public required string Rep { get; init; }

    public required string Stage { get; init; }

    public decimal? EstimatedValue { get; init; }

    public DateTime? EstimatedCloseDate { get; init; }

    public string? IcpBand { get; init; }

    public int? IcpScore { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public DateTime? NextInteractionDate { get; init; }

    public string? NextInteractionGoal { get; init; }

    public DateTime? LastCoachedOn { get; init; }

    public AgendaItem WithRank(int rank) => this with { Rank = rank };

    /// <summary>
    /// Every reason is one time alone raises (stale, closing soon, dates passed): a deal nobody touched that only
    /// the agenda's evaluation at call time, or the daily refresh, brings to the meeting.
    /// </summary>
    public bool FlaggedOnlyByTime => Reasons.Count > 0 && Reasons.All(Coaching.Core.Review.ReviewFlagRule.IsTimeBased);
}

public sealed class RepActivity
{
    public required string Rep { get; init; }

    public string? Manager { get; init; }

    public int OpenDeals { get; init; }

    public int SessionsCreated { get; init; }

    public int SessionsFromStageChange { get; init; }

    public int SessionsFromReviewFlag { get; init; }

    public int SessionsOther { get; init; }

    public int PrepTasks { get; init; }

    public int PrepTasksOpen { get; init; }

    public int ActionTasks { get; init; }

    public int ReflectionTasks { get; init; }

    public int FollowUpTasks { get; init; }

    public int BlockedMoves { get; init; }

    /// <summary>Sessions created per week, aligned with <see cref="SimulationResult.Weeks"/>.</summary>
    public required IReadOnlyList<int> WeeklySessions { get; init; }

    public double AveragePerWeek { get; init; }

    /// <summary>Sessions held per week as coach_GetCoachingCadence counts them; null when the API is not there.</summary>
    public IReadOnlyList<int>? WeeklyHeld { get; init; }

    public int Held => WeeklyHeld?.Sum() ?? 0;

    public int WeeksAtTarget { get; init; }

    public int Target { get; init; }

    public bool MeetsTarget => AveragePerWeek >= Target;
}

public sealed class BlockedMove
{
    public DateTime Time { get; init; }

    public required string Opportunity { get; init; }

    public required string Rep { get; init; }

    public string? Manager { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>The message the rep saw.</summary>
    public required string Message { get; init; }

    public required string Source { get; init; }
}

public sealed class RefusedEvent
{
    public DateTime Time { get; init; }

    public required string Opportunity { get; init; }

    public required string Kind { get; init; }

    public required string Message { get; init; }

    public required string Source { get; init; }
}

public sealed class IcpDistribution
{
    public int Total => Bands.Sum(b => b.Count);

    /// <summary>Strong, Partial, Poor, Unknown (always all four, in that order).</summary>
    public required IReadOnlyList<IcpBandCount> Bands { get; init; }

    /// <summary>Criteria by how often they were missed (not met or unknown), most first.</summary>
    public required IReadOnlyList<IcpCriterionCount> Criteria { get; init; }
}

public sealed class IcpBandCount
{
    public required string Band { get; init; }

    public int Count { get; init; }

    public decimal Value { get; init; }

    public int Won { get; init; }

    public int Lost { get; init; }

    /// <summary>Won / (won + lost), or null when none closed.</summary>
    public double? WinRate => Won + Lost == 0 ? null : (double)Won / (Won + Lost);
}

public sealed class IcpCriterionCount
{
    public required string Criterion { get; init; }

    public int Missed { get; init; }

    public int Unknown { get; init; }

    public int Met { get; init; }

    public int NotMet => Missed + Unknown;
}
