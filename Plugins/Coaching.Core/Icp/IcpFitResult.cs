using System.Collections.Generic;

namespace Coaching.Core.Icp
{
    /// <param name="Score">0–100; null when the band is Unknown (too little data to judge fit).</param>
    /// <param name="Band">Band of the score, or Unknown.</param>
    /// <param name="Reasons">One line per scored criterion, met or missed (after a first line explaining Unknown).</param>
    public sealed record IcpFitResult(int? Score, IcpFitBand Band, IReadOnlyList<string> Reasons)
    {
        /// <summary>Reasons, one per line, for coach_icpfitreasons.</summary>
        public string ReasonsText => string.Join("\n", Reasons);
    }
}
