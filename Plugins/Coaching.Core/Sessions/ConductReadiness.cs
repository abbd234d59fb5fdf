using System;
using Coaching.Core.Settings;
using Coaching.Core.StageGate;

namespace Coaching.Core.Sessions
{
    /// <summary>
    /// A session is conducted about the rep's next buyer interaction, so it can start only once the rep has
    /// compiled that interaction: a stated goal and a date (in the future, when the stage gate asks for one).
    /// The date is always needed here, even where the stage gate does not ask for it.
    /// </summary>
    public static class ConductReadiness
    {
        public static SessionStepDecision Check(string? opportunityName, string? nextInteractionGoal, DateTime? nextInteractionDate, StageGateSettings settings, DateTime now)
        {
            var missing = NextInteractionReadiness.Missing(nextInteractionGoal, nextInteractionDate, true, settings, now);
            if (missing.Count == 0)
            {
                return new SessionStepDecision(true, string.Empty);
            }

            var name = string.IsNullOrWhiteSpace(opportunityName) ? "the opportunity" : "'" + opportunityName!.Trim() + "'";
            return new SessionStepDecision(false, "Before conducting the micro-coaching session, update " + name + ": " + NextInteractionReadiness.Join(missing) + ".");
        }
    }
}
