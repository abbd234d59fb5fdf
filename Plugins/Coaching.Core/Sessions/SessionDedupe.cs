using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Text;

namespace Coaching.Core.Sessions
{
    /// <summary>An existing micro-coaching session of the same opportunity.</summary>
    public sealed record ExistingSession(DateTime CreatedOn, bool IsOpen);

    /// <param name="ShouldCreate">True when a new session may be created.</param>
    /// <param name="Reason">Why, for the trace and for a manual start that is refused.</param>
    public sealed record DedupeDecision(bool ShouldCreate, string Reason);

    /// <summary>
    /// One session at a time per opportunity: no new session while one is open, or when one was
    /// created less than dedupeWindowDays ago (a session created exactly that long ago no longer counts).
    /// </summary>
    public static class SessionDedupe
    {
        public static DedupeDecision ShouldCreate(IEnumerable<ExistingSession> existing, DateTime now, int dedupeWindowDays)
        {
            if (existing == null)
            {
                throw new ArgumentNullException(nameof(existing));
            }

            var sessions = existing.ToList();
            var open = sessions.Where(s => s.IsOpen).OrderByDescending(s => s.CreatedOn).FirstOrDefault();
            if (open != null)
            {
                return new DedupeDecision(false, "A micro-coaching session for this opportunity is still open (created " + Display.Date(open.CreatedOn) + ").");
            }

            var windowStart = now.AddDays(-dedupeWindowDays);
            var recent = sessions.Where(s => s.CreatedOn > windowStart).OrderByDescending(s => s.CreatedOn).FirstOrDefault();
            if (recent != null)
            {
                return new DedupeDecision(false, "A micro-coaching session for this opportunity was created on " + Display.Date(recent.CreatedOn)
                    + ", within the last " + Display.Count(dedupeWindowDays, "day", "days") + ".");
            }

            return new DedupeDecision(true, "No open micro-coaching session and none created in the last " + Display.Count(dedupeWindowDays, "day", "days") + ".");
        }
    }
}
