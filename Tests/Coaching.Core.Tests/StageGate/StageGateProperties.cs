using System;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;
using Coaching.Core.StageGate;
using FsCheck;
using FsCheck.Xunit;

namespace Coaching.Core.Tests.StageGate
{
    public class StageGateProperties
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 5, 10, 0, 0, DateTimeKind.Utc);

        [Property(MaxTest = 300)]
        public bool A_backward_or_same_stage_move_is_never_blocked(byte from, byte to, string? goal, int minutesFromNow, byte minimumLength, bool requireDate)
        {
            var a = (SalesStage)(from % 4);
            var b = (SalesStage)(to % 4);
            var fromStage = a >= b ? a : b;
            var toStage = a >= b ? b : a;
            var settings = new StageGateSettings((SalesStage)(minimumLength % 4), 1 + minimumLength, requireDate);
            var move = StageMove.Between("Deal", fromStage, toStage, goal, Now.AddMinutes(minutesFromNow % 1000000));

            return StageGateRule.Evaluate(move, settings, Now).Allowed;
        }

        [Property(MaxTest = 300)]
        public bool A_long_enough_goal_and_a_future_date_always_pass(byte from, byte to, PositiveInt minutesAhead, byte minimumLength)
        {
            var settings = new StageGateSettings(SalesStage.Qualify, 1 + minimumLength, true);
            var goal = " " + new string('g', settings.MinimumGoalLength) + " ";
            var move = StageMove.Between("Deal", (SalesStage)(from % 4), (SalesStage)(to % 4), goal, Now.AddMinutes(minutesAhead.Get % 1000000 + 1));

            return StageGateRule.Evaluate(move, settings, Now).Allowed;
        }

        [Property(MaxTest = 300)]
        public bool A_blocked_move_always_explains_itself(byte to, string? goal, int minutesFromNow)
        {
            var move = StageMove.Between("Deal", SalesStage.Qualify, (SalesStage)(1 + (to % 3)), goal, Now.AddMinutes(minutesFromNow % 1000000));

            var decision = StageGateRule.Evaluate(move, CoachingSettings.Default.StageGate, Now);

            return decision.Allowed == (decision.Message.Length == 0)
                && (decision.Allowed || (decision.Message.StartsWith("Before moving 'Deal' to ", StringComparison.Ordinal) && decision.Message.EndsWith(".", StringComparison.Ordinal)));
        }
    }
}
