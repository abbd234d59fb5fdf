using System;
using System.Collections.Generic;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;
using Coaching.Core.Text;

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

            if (!move.IsForward || move.IsClose || IsBeforeGate(move, settings.RequireGoalFromStage))
            {
                return StageGateDecision.Allow;
            }

            var missing = new List<string>();
            var goal = (move.NextInteractionGoal ?? string.Empty).Trim();
            if (goal.Length < settings.MinimumGoalLength)
            {
                var rule = "at least " + settings.MinimumGoalLength + " characters";
                missing.Add("fill in Next interaction goal (" + rule + (goal.Length == 0 ? string.Empty : "; it has " + goal.Length) + ")");
            }

            if (settings.RequireFutureInteractionDate)
            {
                if (!move.NextInteractionDate.HasValue)
                {
                    missing.Add("fill in a Next interaction date in the future");
                }
                else if (move.NextInteractionDate.Value <= now)
                {
                    missing.Add("set Next interaction date to a date in the future (it is " + Display.Date(move.NextInteractionDate.Value) + ")");
                }
            }

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

        // The one place the wording is built: "Before moving 'X' to Y, <what> and <what>."
        private static string Message(StageMove move, List<string> missing)
        {
            const string FillIn = "fill in ";
            var name = string.IsNullOrWhiteSpace(move.OpportunityName) ? "this opportunity" : "'" + move.OpportunityName!.Trim() + "'";
            var stage = StageName(move);
            var what = missing[0];
            if (missing.Count > 1)
            {
                var second = missing[1];
                if (what.StartsWith(FillIn, StringComparison.Ordinal) && second.StartsWith(FillIn, StringComparison.Ordinal))
                {
                    second = second.Substring(FillIn.Length);
                }

                what += " and " + second;
            }

            return "Before moving " + name + " to " + stage + ", " + what + ".";
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
