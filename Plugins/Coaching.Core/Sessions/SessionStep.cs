namespace Coaching.Core.Sessions
{
    /// <summary>coach_step: the five steps of a micro-coaching session, then Done.</summary>
    public enum SessionStep
    {
        Determine = 731050000,
        Compile = 731050001,
        Conduct = 731050002,
        AssignNextSteps = 731050003,
        FollowUp = 731050004,
        Done = 731050005,
    }
}
