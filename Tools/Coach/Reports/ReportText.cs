using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Coach.Simulation;

namespace Coach.Reports;

/// <summary>Wording and number formats shared by the console and HTML reports.</summary>
public static class ReportText
{
    public static string Money(decimal? value) => value.HasValue ? value.Value.ToString("N0", CultureInfo.InvariantCulture) : "–";

    /// <summary>250,000 → "250k", 1,250,000 → "1.3M".</summary>
    public static string ShortMoney(decimal value) =>
        value >= 1_000_000m ? (value / 1_000_000m).ToString("0.#", CultureInfo.InvariantCulture) + "M"
        : value >= 1_000m ? (value / 1_000m).ToString("0", CultureInfo.InvariantCulture) + "k"
        : value.ToString("0", CultureInfo.InvariantCulture);

    public static string Date(DateTime? value) => value.HasValue ? value.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";

    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Week(DateTime monday) => monday.ToString("MMM d", CultureInfo.InvariantCulture);

    public static string Count(int count, string singular, string plural) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    public static string Period(SimulationResult r) => $"{Date(r.PeriodStart)} → {Date(r.AsOf)}";

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"High value: 250,000 in Qualify (threshold 100,000)" → ("High value", "250,000 in Qualify (threshold 100,000)").</summary>
    public static (string Tag, string Detail) SplitReason(string reason)
    {
        var colon = reason.IndexOf(':');
        return colon > 0 && colon < 40 ? (reason.Substring(0, colon).Trim(), reason.Substring(colon + 1).Trim()) : (reason, string.Empty);
    }

    /// <summary>The reason's tag, marked "(time)" when time alone raises it (true without a save).</summary>
    public static string ReasonTag(string reason) =>
        SplitReason(reason).Tag + (Coaching.Core.Review.ReviewFlagRule.IsTimeBased(reason) ? " (time)" : string.Empty);

    /// <summary>What the "(time)" mark means, and how many deals on the agenda only time brought there.</summary>
    public static string TimeBasedLegend(IEnumerable<AgendaItem> items)
    {
        var onlyByTime = items.Count(i => i.FlaggedOnlyByTime);
        return "(time) marks a time-based reason (" + string.Join(", ", Coaching.Core.Review.ReviewFlagRule.TimeBasedReasons)
            + "): true without anyone saving the deal, evaluated when the agenda is asked for and stored by the daily refresh. "
            + Count(onlyByTime, "deal is", "deals are") + " on the agenda for time-based reasons only.";
    }

    /// <summary>A CSS class per kind of review reason.</summary>
    public static string ReasonKind(string tag) => tag.ToLowerInvariant() switch
    {
        var t when t.StartsWith("high value") => "value",
        var t when t.StartsWith("close date") || t.StartsWith("closing soon") => "time",
        var t when t.StartsWith("stale") => "stale",
        var t when t.StartsWith("poor icp") => "fit",
        var t when t.Contains("next interaction") => "next",
        _ => "other",
    };

    /// <summary>What a blocked move lacked, from the gate's message.</summary>
    public static string BlockKind(string message)
    {
        var goal = message.IndexOf("goal", StringComparison.OrdinalIgnoreCase) >= 0;
        var date = message.IndexOf("date", StringComparison.OrdinalIgnoreCase) >= 0;
        return goal && date ? "Both missing" : goal ? "Goal missing" : date ? "No future date" : "Other";
    }

    public static IReadOnlyList<(string Kind, int Count)> BlockKinds(IEnumerable<BlockedMove> moves) =>
        moves.GroupBy(m => BlockKind(m.Message)).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ToList();

    public static string BandColor(string? band) => band switch
    {
        "Strong" => "#2f9e64",
        "Partial" => "#f0a72b",
        "Poor" => "#e0534a",
        _ => "#a3acb9",
    };
}
