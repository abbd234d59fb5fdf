using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Sessions;

namespace Coaching.Core.Settings
{
    /// <summary>When micro-coaching sessions are created and what they ask for.</summary>
    /// <param name="Triggers">Events that create a session; others are ignored.</param>
    /// <param name="DedupeWindowDays">No new session for an opportunity that had one created within this many days.</param>
    /// <param name="PrepLeadHours">The rep's prep task is due this many hours before the next interaction.</param>
    /// <param name="MaxActionItems">At most this many action items per session (1–3).</param>
    public sealed record SessionSettings(
        IReadOnlyList<SessionTrigger> Triggers,
        int DedupeWindowDays,
        int PrepLeadHours,
        int MaxActionItems)
    {
        /// <summary>False switches the rule off without uninstalling (settings key "enabled", default true).</summary>
        public bool Enabled { get; init; } = true;

        /// <summary>Sessions are on and this trigger is one that opens them.</summary>
        public bool IsEnabled(SessionTrigger trigger) => Enabled && Triggers.Contains(trigger);
    }
}
