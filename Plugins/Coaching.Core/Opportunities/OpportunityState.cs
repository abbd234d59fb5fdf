namespace Coaching.Core.Opportunities
{
    /// <summary>opportunity.statecode values.</summary>
    public enum OpportunityState
    {
        Open = 0,
        Won = 1,
        Lost = 2,
    }
}
