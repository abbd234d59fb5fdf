using System;
using Coaching.Core.Opportunities;

namespace Coach.Simulation;

/// <summary>A row of accounts.csv that passed validation.</summary>
/// <param name="IndustryCode">account.industrycode for <paramref name="Industry"/> (a standard label).</param>
public sealed record AccountRow(string Name, string? Industry, int? IndustryCode, int? Employees, decimal? AnnualRevenue, string? Country, int Line);

public enum UserRole
{
    Rep,
    Manager,
}

/// <summary>A row of users.csv that passed validation; <paramref name="Manager"/> is the manager's name (reps).</summary>
public sealed record UserRow(string Name, UserRole Role, string? Manager, int Line);

/// <summary>A row of opportunities.csv that passed validation: the deal as it stands at the end of the data.</summary>
/// <param name="Account">The account's name; null for a deal without a customer (Dataverse allows it).</param>
public sealed record OpportunityRow(
    string Id,
    string Name,
    string? Account,
    string Owner,
    DateTime CreatedOn,
    decimal? EstimatedValue,
    DateTime? EstimatedCloseDate,
    SalesStage Stage,
    OpportunityState Status,
    DateTime? ClosedOn,
    string? BuyingTrigger,
    BuyerStage? BuyerStage,
    DateTime? NextInteractionDate,
    string? NextInteractionGoal,
    int Line);

/// <summary>What happens to an opportunity. <see cref="Created"/> comes from opportunities.csv, the rest from events.csv or derivation.</summary>
public enum EventKind
{
    Created,
    StageChange,
    GoalSet,
    InteractionScheduled,
    InteractionCompleted,
    Won,
    Lost,
}

/// <summary>One event to replay, at its time, as the opportunity's owner.</summary>
/// <param name="Value">The raw value column (goal text, outcome text, ...).</param>
/// <param name="Stage">stage_change: the stage moved to.</param>
/// <param name="Date">interaction_scheduled: the date of the interaction.</param>
/// <param name="Source">Where it came from: a file and line, e.g. "events.csv:12" or "opportunities.csv:5 (derived)".</param>
/// <param name="File">The file of <paramref name="Source"/> for issues raised while replaying it.</param>
/// <param name="Line">The line of <paramref name="Source"/>.</param>
/// <param name="Sequence">Order of appearance, to keep events with the same timestamp in file order.</param>
public sealed record PipelineEvent(
    DateTime Timestamp,
    string OpportunityId,
    EventKind Kind,
    string? Value,
    SalesStage? Stage,
    DateTime? Date,
    string File,
    int Line,
    bool Derived,
    int Sequence)
{
    public string Source => Derived ? $"{File}:{Line} (derived)" : $"{File}:{Line}";

    /// <summary>The kind as events.csv spells it.</summary>
    public string KindName => EventKinds.NameOf(Kind);
}

public static class EventKinds
{
    public static string NameOf(EventKind kind) => kind switch
    {
        EventKind.Created => "created",
        EventKind.StageChange => "stage_change",
        EventKind.GoalSet => "goal_set",
        EventKind.InteractionScheduled => "interaction_scheduled",
        EventKind.InteractionCompleted => "interaction_completed",
        EventKind.Won => "won",
        EventKind.Lost => "lost",
        _ => kind.ToString(),
    };

    /// <summary>The kinds events.csv may use (created comes from opportunities.csv).</summary>
    public const string Names = "stage_change, goal_set, interaction_scheduled, interaction_completed, won, lost";

    public static bool TryParse(string? text, out EventKind kind)
    {
        kind = EventKind.Created;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "stage_change": kind = EventKind.StageChange; return true;
            case "goal_set": kind = EventKind.GoalSet; return true;
            case "interaction_scheduled": kind = EventKind.InteractionScheduled; return true;
            case "interaction_completed": kind = EventKind.InteractionCompleted; return true;
            case "won": kind = EventKind.Won; return true;
            case "lost": kind = EventKind.Lost; return true;
            default: return false;
        }
    }
}
