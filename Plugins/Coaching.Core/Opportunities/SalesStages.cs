using System;
using System.Collections.Generic;

namespace Coaching.Core.Opportunities
{
    public static class SalesStages
    {
        /// <summary>All stages in pipeline order.</summary>
        public static IReadOnlyList<SalesStage> All { get; } = Array.AsReadOnly(new[]
        {
            SalesStage.Qualify, SalesStage.Develop, SalesStage.Propose, SalesStage.Close,
        });

        /// <summary>"Qualify, Develop, Propose, Close" for messages.</summary>
        public static string NameList => string.Join(", ", All);

        /// <summary>True for 0..3 (the salesstage option values).</summary>
        public static bool IsDefined(int index) => index >= 0 && index <= 3;

        /// <summary>
        /// Reads a stage name case-insensitively, also in the stepname form "2-Develop"
        /// (a leading number and '-', '.' or ' ' are ignored).
        /// </summary>
        public static bool TryParse(string? text, out SalesStage stage)
        {
            stage = SalesStage.Qualify;
            if (text == null)
            {
                return false;
            }

            var name = text.Trim();
            var i = 0;
            while (i < name.Length && char.IsDigit(name[i]))
            {
                i++;
            }

            if (i > 0)
            {
                while (i < name.Length && (name[i] == '-' || name[i] == '.' || name[i] == ' '))
                {
                    i++;
                }

                name = name.Substring(i);
            }

            foreach (var candidate in All)
            {
                if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    stage = candidate;
                    return true;
                }
            }

            return false;
        }
    }
}
