using System;

namespace Coaching.Core.Sessions
{
    /// <summary>What to create for a new micro-coaching session.</summary>
    /// <param name="Subject">Subject of the coach_microcoachingsession.</param>
    /// <param name="Snapshot">The three components as they stand at creation time.</param>
    /// <param name="PrepTask">The rep's task to prepare.</param>
    public sealed record SessionPlan(string Subject, SessionSnapshot Snapshot, PrepTask PrepTask);

    /// <summary>The three components of the method, each a short multi-line text.</summary>
    public sealed record SessionSnapshot(string Opportunity, string Buyer, string Rep);

    /// <summary>A task for the rep; Due is UTC (task.scheduledend).</summary>
    public sealed record PrepTask(string Subject, string Description, DateTime Due);
}
