using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Settings;

namespace Coaching.Core.Cadence
{
    /// <summary>Sessions per rep in one week against the target cadence.</summary>
    public static class CadenceCalculator
    {
        /// <summary>
        /// Counts the sessions that started in [weekStart, weekStart + 7 days), per rep, ordered by rep
        /// name. Reps in <paramref name="roster"/> appear even with no session.
        /// </summary>
        public static IReadOnlyList<RepCadence> Compute(
            IEnumerable<HeldSession> sessions,
            DateTime weekStart,
            CadenceSettings settings,
            IEnumerable<CoachedRep>? roster = null)
        {
            if (sessions == null)
            {
                throw new ArgumentNullException(nameof(sessions));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            var weekEnd = weekStart.AddDays(7);
            var inWeek = sessions.Where(s => s.StartedOn >= weekStart && s.StartedOn < weekEnd).ToList();
            var names = new Dictionary<Guid, string?>();
            foreach (var rep in roster ?? Enumerable.Empty<CoachedRep>())
            {
                names[rep.RepId] = rep.RepName;
            }

            foreach (var session in inWeek)
            {
                if (!names.TryGetValue(session.RepId, out var known) || known == null)
                {
                    names[session.RepId] = session.RepName;
                }
            }

            var target = settings.SessionsPerRepPerWeek;
            var byRep = inWeek.ToLookup(s => s.RepId); // once: a large team's week has thousands of sessions and reps
            return names
                .Select(rep =>
                {
                    var held = byRep[rep.Key].ToList();
                    return new RepCadence(
                        rep.Key,
                        rep.Value,
                        held.Count,
                        target,
                        held.Sum(s => s.Duration),
                        Math.Max(0, target - held.Count),
                        held.Count(s => s.Duration > settings.MaxSessionMinutes));
                })
                .OrderBy(r => r.RepName ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.RepId)
                .ToList()
                .AsReadOnly();
        }
    }
}
