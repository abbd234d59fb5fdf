using System;
using Coaching.Core.Opportunities;

namespace Coaching.Core.StageGate
{
    /// <summary>
    /// A requested stage change of an opportunity, either of salesstage (indices 0–3 known) or of a
    /// business process flow stage (name known; indices when the stage maps to a sales stage).
    /// </summary>
    /// <param name="OpportunityName">Shown in the message; blank reads "this opportunity".</param>
    /// <param name="FromStageIndex">Current stage, 0 Qualify … 3 Close, or null when unknown.</param>
    /// <param name="ToStageIndex">Requested stage, or null when it does not map to a sales stage.</param>
    /// <param name="ToStageName">Display name of the requested stage (any text for a process flow stage).</param>
    /// <param name="IsForward">True when the move goes further down the pipeline.</param>
    /// <param name="NextInteractionGoal">coach_nextinteractiongoal after the move.</param>
    /// <param name="NextInteractionDate">coach_nextinteractiondate after the move (UTC).</param>
    /// <param name="IsClose">The move closes the deal as won or lost.</param>
    public sealed record StageMove(
        string? OpportunityName,
        int? FromStageIndex,
        int? ToStageIndex,
        string? ToStageName,
        bool IsForward,
        string? NextInteractionGoal,
        DateTime? NextInteractionDate,
        bool IsClose = false)
    {
        /// <summary>A salesstage change: forward when the new index is greater than the old one.</summary>
        public static StageMove Between(
            string? opportunityName,
            SalesStage from,
            SalesStage to,
            string? nextInteractionGoal,
            DateTime? nextInteractionDate) =>
            new StageMove(opportunityName, (int)from, (int)to, to.ToString(), to > from, nextInteractionGoal, nextInteractionDate);
    }
}
