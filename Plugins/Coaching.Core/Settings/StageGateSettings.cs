using Coaching.Core.Opportunities;

namespace Coaching.Core.Settings
{
    /// <summary>What a forward stage move needs.</summary>
    /// <param name="RequireGoalFromStage">Moves into this stage or a later one need a next interaction goal.</param>
    /// <param name="MinimumGoalLength">The goal, trimmed, must have at least this many characters.</param>
    /// <param name="RequireFutureInteractionDate">The next interaction date must also be after now.</param>
    public sealed record StageGateSettings(
        SalesStage RequireGoalFromStage,
        int MinimumGoalLength,
        bool RequireFutureInteractionDate)
    {
        /// <summary>False switches the rule off without uninstalling (settings key "enabled", default true).</summary>
        public bool Enabled { get; init; } = true;
    }
}
