namespace Coaching.Core.Opportunities
{
    /// <summary>coach_buyerstage: where the buyer is in the buying process.</summary>
    public enum BuyerStage
    {
        Early = 731050000,
        Middle = 731050001,
        Late = 731050002,
    }
}
