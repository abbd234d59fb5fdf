using System;
using System.Collections.Generic;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;

namespace Coaching.Core.StageGate
{
    /// <summary>
    /// Blocks a forward stage move until the next interaction has a goal and a date in the future.
    /// Never blocked: backward or same-stage moves, closing as won or lost, and moves into a stage
    /// before requireGoalFromStage. A target stage that maps to no sales stage (by index or by name)
    /// is gated: an unknown stage is not assumed to be early.
    /// </summary>
    public static class StageGateRule
    {
        public static StageGateDecision Evaluate(StageMove move, StageGateSettings settings, DateTime now)
        {
            if (move == null)
            {
                throw new ArgumentNullException(nameof(move));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (!settings.Enabled || !move.IsForward || move.IsClose || IsBeforeGate(move, settings.RequireGoalFromStage))
            {
                return StageGateDecision.Allow;
            }

            var missing = NextInteractionReadiness.Missing(
                move.NextInteractionGoal, move.NextInteractionDate, settings.RequireFutureInteractionDate, settings, now);
            return missing.Count == 0 ? StageGateDecision.Allow : StageGateDecision.Block(Message(move, missing));
        }

        private static bool IsBeforeGate(StageMove move, SalesStage gate)
        {
            int? target = move.ToStageIndex;
            if (!target.HasValue && SalesStages.TryParse(move.ToStageName, out var named))
            {
                target = (int)named;
            }

            return target.HasValue && target.Value < (int)gate;
        }

        // "Before moving 'X' to Y, <what> and <what>."
        private static string Message(StageMove move, IReadOnlyList<string> missing)
        {
            var name = string.IsNullOrWhiteSpace(move.OpportunityName) ? "this opportunity" : "'" + move.OpportunityName!.Trim() + "'";
            return "Before moving " + name + " to " + StageName(move) + ", " + NextInteractionReadiness.Join(missing) + ".";
        }

        private static string StageName(StageMove move)
        {
            if (!string.IsNullOrWhiteSpace(move.ToStageName))
            {
                return move.ToStageName!.Trim();
            }

            return move.ToStageIndex.HasValue && SalesStages.IsDefined(move.ToStageIndex.Value)
                ? ((SalesStage)move.ToStageIndex.Value).ToString()
                : "the next stage";
        }
    }
}
