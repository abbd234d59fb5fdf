using System;
using Coaching.Core.Opportunities;

namespace Coaching.Core.Review
{
    /// <summary>The opportunity as the review rule sees it; null means not captured. Dates are UTC.</summary>
    public sealed record ReviewInput(
        SalesStage Stage,
        OpportunityState State,
        decimal? EstimatedValue,
        DateTime? EstimatedCloseDate,
        int? IcpScore,
        DateTime? NextInteractionDate,
        DateTime? CreatedOn);
}
