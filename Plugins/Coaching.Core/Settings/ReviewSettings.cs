using System.Collections.Generic;
using Coaching.Core.Opportunities;

namespace Coaching.Core.Settings
{
    /// <summary>When an early-stage deal is flagged for review in the pipeline meeting.</summary>
    /// <param name="EarlyStages">Only open deals in these stages can be flagged.</param>
    /// <param name="MinimumValue">Estimated value at or above this flags the deal.</param>
    /// <param name="StaleDays">Flag when more than this many days have passed since the deal was created.</param>
    /// <param name="ClosingSoonDays">Flag when the estimated close date is at most this many days away (or already past).</param>
    /// <param name="PoorFitThreshold">Flag when the ICP score is below this.</param>
    /// <param name="RequireNextInteraction">Flag when no next interaction is scheduled or its date has passed.</param>
    public sealed record ReviewSettings(
        IReadOnlyList<SalesStage> EarlyStages,
        decimal MinimumValue,
        int StaleDays,
        int ClosingSoonDays,
        int PoorFitThreshold,
        bool RequireNextInteraction)
    {
        /// <summary>False switches the rule off without uninstalling (settings key "enabled", default true).</summary>
        public bool Enabled { get; init; } = true;
    }
}
