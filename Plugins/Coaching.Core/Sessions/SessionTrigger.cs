namespace Coaching.Core.Sessions
{
    /// <summary>coach_trigger: what caused a micro-coaching session to be created.</summary>
    public enum SessionTrigger
    {
        StageChange = 731050000,
        ReviewFlag = 731050001,
        Manual = 731050002,
        Cadence = 731050003,
    }
}
