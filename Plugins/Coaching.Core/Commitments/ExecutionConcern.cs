namespace Coaching.Core.Commitments
{
    /// <summary>
    /// Missing agreed actions in two consecutive sessions points to an execution problem, not a skill
    /// problem: the manager needs to see it (coach_executionconcern).
    /// </summary>
    public static class ExecutionConcern
    {
        public static bool Assess(int missedThisSession, int missedPreviousSession) =>
            missedThisSession > 0 && missedPreviousSession > 0;
    }
}
