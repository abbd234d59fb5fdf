using System;

namespace Coaching.Core.Commitments
{
    /// <summary>task.statecode of an action-item task.</summary>
    public enum ActionItemState
    {
        Open = 0,
        Completed = 1,
        Canceled = 2,
    }

    /// <summary>One action item agreed in a session, as its task stands now. Dates are UTC.</summary>
    /// <param name="DueOn">task.scheduledend.</param>
    /// <param name="CompletedOn">task.actualend, when completed.</param>
    public sealed record ActionItemStatus(ActionItemState State, DateTime? DueOn, DateTime? CompletedOn = null);
}
