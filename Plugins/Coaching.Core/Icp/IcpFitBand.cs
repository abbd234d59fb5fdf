namespace Coaching.Core.Icp
{
    /// <summary>coach_icpfitband choice values.</summary>
    public enum IcpFitBand
    {
        Strong = 731050000,
        Partial = 731050001,
        Poor = 731050002,
        Unknown = 731050003,
    }
}
