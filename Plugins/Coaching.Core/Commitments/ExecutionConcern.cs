namespace Coaching.Core.Commitments
{
    /// <summary>
    /// coach_executionconcern: why a rep's results fall short, as a manager coaches it. A choice without a default
    /// value rather than yes/no, because column security cannot hide a yes/no column from readers.
    /// </summary>
    public enum ExecutionConcernKind
    {
        /// <summary>Commitments kept, or missed in one session only.</summary>
        None = 731050000,

        /// <summary>The rep does not yet know how: coach the skill (the coach's judgement; never set by the plugins).</summary>
        Skill = 731050001,

        /// <summary>Agreed actions missed in two consecutive sessions: an execution problem, not a skill problem.</summary>
        Will = 731050002,
    }

    /// <summary>
    /// Missing agreed actions in two consecutive sessions points to an execution problem, not a skill
    /// problem: the manager needs to see it (coach_executionconcern).
    /// </summary>
    public static class ExecutionConcern
    {
        public static ExecutionConcernKind Assess(int missedThisSession, int missedPreviousSession) =>
            missedThisSession > 0 && missedPreviousSession > 0 ? ExecutionConcernKind.Will : ExecutionConcernKind.None;
    }
}
