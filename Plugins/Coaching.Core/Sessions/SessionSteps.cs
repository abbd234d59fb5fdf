using System;

namespace Coaching.Core.Sessions
{
    public static class SessionSteps
    {
        /// <summary>The step as the session form shows it (the coach_step choice labels), for messages.</summary>
        public static string Label(SessionStep step)
        {
            switch (step)
            {
                case SessionStep.Determine: return "Determine";
                case SessionStep.Compile: return "Compile";
                case SessionStep.Conduct: return "Conduct";
                case SessionStep.AssignNextSteps: return "Assign next steps";
                case SessionStep.FollowUp: return "Follow up";
                case SessionStep.Done: return "Done";
                default: throw new ArgumentOutOfRangeException(nameof(step), step, "Not a session step.");
            }
        }

        public static bool IsDefined(int value) => Enum.IsDefined(typeof(SessionStep), value);
    }
}
