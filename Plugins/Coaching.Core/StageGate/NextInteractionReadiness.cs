using System;
using System.Collections.Generic;
using Coaching.Core.Settings;
using Coaching.Core.Text;

namespace Coaching.Core.StageGate
{
    /// <summary>
    /// Whether the rep's next buyer interaction is ready to be worked towards: a stated goal of the
    /// configured length and a date (in the future, when the settings ask for it). The stage gate and the
    /// Conduct step of a micro-coaching session ask the same question, so they word the answer the same way.
    /// </summary>
    public static class NextInteractionReadiness
    {
        private const string FillIn = "fill in ";

        /// <summary>What the rep still has to fill in, one phrase each ("fill in …", "set …"); empty when ready.</summary>
        /// <param name="dateRequired">Whether a missing date counts; the date must then also be in the future when the settings say so.</param>
        public static IReadOnlyList<string> Missing(string? goal, DateTime? date, bool dateRequired, StageGateSettings settings, DateTime now)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            var missing = new List<string>();
            var trimmed = (goal ?? string.Empty).Trim();
            if (trimmed.Length < settings.MinimumGoalLength)
            {
                var rule = "at least " + settings.MinimumGoalLength + " characters";
                missing.Add(FillIn + "Next interaction goal (" + rule + (trimmed.Length == 0 ? string.Empty : "; it has " + trimmed.Length) + ")");
            }

            if (!dateRequired)
            {
                return missing.AsReadOnly();
            }

            if (!date.HasValue)
            {
                missing.Add(settings.RequireFutureInteractionDate ? FillIn + "a Next interaction date in the future" : FillIn + "a Next interaction date");
            }
            else if (settings.RequireFutureInteractionDate && date.Value <= now)
            {
                missing.Add("set Next interaction date to a date in the future (it is " + Display.Date(date.Value) + ")");
            }

            return missing.AsReadOnly();
        }

        /// <summary>"fill in A and B": the phrases joined, without repeating "fill in".</summary>
        public static string Join(IReadOnlyList<string> missing)
        {
            if (missing == null || missing.Count == 0)
            {
                throw new ArgumentException("Nothing is missing.", nameof(missing));
            }

            var what = missing[0];
            for (var i = 1; i < missing.Count; i++)
            {
                var next = missing[i];
                if (what.StartsWith(FillIn, StringComparison.Ordinal) && next.StartsWith(FillIn, StringComparison.Ordinal))
                {
                    next = next.Substring(FillIn.Length);
                }

                what += " and " + next;
            }

            return what;
        }
    }
}
