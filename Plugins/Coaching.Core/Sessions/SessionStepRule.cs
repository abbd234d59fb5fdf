using System;

namespace Coaching.Core.Sessions
{
    /// <param name="Allowed">False: the plugin refuses the step change with <paramref name="Message"/>.</param>
    public sealed record SessionStepDecision(bool Allowed, string Message);

    /// <summary>
    /// Step order of a session: forward one step at a time (Determine → Compile → Conduct →
    /// AssignNextSteps → FollowUp → Done); going back to an earlier step is allowed to redo it,
    /// except out of Done. Leaving AssignNextSteps needs 1 to maxActionItems action items.
    /// </summary>
    public static class SessionStepRule
    {
        public static SessionStepDecision Evaluate(SessionStep from, SessionStep to, string? actionItems, int maxActionItems)
        {
            if (from == to)
            {
                return Allow();
            }

            if (from == SessionStep.Done)
            {
                return Refuse("This micro-coaching session is done; start a new session instead of reopening it.");
            }

            if (to < from)
            {
                return Allow();
            }

            var next = Next(from);
            if (to != next)
            {
                return Refuse("Move the session one step at a time: after " + SessionSteps.Label(from) + " comes " + SessionSteps.Label(next) + ".");
            }

            if (from == SessionStep.AssignNextSteps)
            {
                var items = ActionItems.Parse(actionItems, maxActionItems);
                if (!items.IsValid)
                {
                    return Refuse(items.Message);
                }
            }

            return Allow();
        }

        private static SessionStep Next(SessionStep step)
        {
            switch (step)
            {
                case SessionStep.Determine: return SessionStep.Compile;
                case SessionStep.Compile: return SessionStep.Conduct;
                case SessionStep.Conduct: return SessionStep.AssignNextSteps;
                case SessionStep.AssignNextSteps: return SessionStep.FollowUp;
                case SessionStep.FollowUp: return SessionStep.Done;
                default: throw new ArgumentOutOfRangeException(nameof(step), step, "Done has no next step.");
            }
        }

        private static SessionStepDecision Allow() => new SessionStepDecision(true, string.Empty);

        private static SessionStepDecision Refuse(string message) => new SessionStepDecision(false, message);
    }
}
