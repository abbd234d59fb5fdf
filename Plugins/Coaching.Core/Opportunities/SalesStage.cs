namespace Coaching.Core.Opportunities
{
    /// <summary>opportunity.salesstage values, in pipeline order.</summary>
    public enum SalesStage
    {
        Qualify = 0,
        Develop = 1,
        Propose = 2,
        Close = 3,
    }
}
