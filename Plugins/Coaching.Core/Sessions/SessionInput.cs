using System;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;

namespace Coaching.Core.Sessions
{
    /// <summary>The opportunity facts a session snapshot shows; null or blank means not captured yet. Dates are UTC.</summary>
    public sealed record SessionInput(
        string? OpportunityName,
        IcpFitBand? IcpBand,
        int? IcpScore,
        decimal? EstimatedValue,
        string? BuyingTrigger,
        string? BuyerPersona,
        BuyerStage? BuyerStage,
        string? BuyerSignals,
        SalesStage? SalesStage,
        string? LastInteractionOutcome,
        DateTime? NextInteractionDate,
        string? NextInteractionGoal);
}
