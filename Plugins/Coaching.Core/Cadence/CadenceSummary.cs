using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Settings;
using Coaching.Core.Text;

namespace Coaching.Core.Cadence
{
    /// <summary>One line on a team's coaching week, for the manager.</summary>
    public static class CadenceSummary
    {
        public static string Describe(IReadOnlyList<RepCadence> reps, CadenceSettings settings)
        {
            if (reps == null)
            {
                throw new ArgumentNullException(nameof(reps));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (reps.Count == 0)
            {
                return "No reps to coach: nobody reports to this manager.";
            }

            var target = Display.Count(settings.SessionsPerRepPerWeek, "session", "sessions");
            var totals = " (" + Display.Count(reps.Sum(r => r.Held), "session", "sessions") + " held, "
                + Display.Count(reps.Sum(r => r.TotalMinutes), "minute", "minutes") + ")";
            var below = reps.Count(r => !r.MeetsTarget);
            var line = below == 0
                ? (reps.Count == 1 ? "The rep met" : "All " + reps.Count + " reps met") + " the target of " + target + totals + "."
                : below + " of " + Display.Count(reps.Count, "rep", "reps") + " below the target of " + target + ": "
                  + Display.Count(reps.Sum(r => r.Shortfall), "session", "sessions") + " short" + totals + ".";

            var overlong = reps.Sum(r => r.OverlongSessions);
            return overlong == 0
                ? line
                : line + " " + Display.Count(overlong, "session", "sessions") + " ran over the " + settings.MaxSessionMinutes + "-minute maximum.";
        }
    }
}
