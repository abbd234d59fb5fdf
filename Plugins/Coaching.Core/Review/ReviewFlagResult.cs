using System.Collections.Generic;

namespace Coaching.Core.Review
{
    /// <param name="Flag">Review this deal in the pipeline meeting.</param>
    /// <param name="Reasons">Why, one line each; empty when not flagged.</param>
    public sealed record ReviewFlagResult(bool Flag, IReadOnlyList<string> Reasons)
    {
        /// <summary>Reasons, one per line, for coach_reviewreasons (empty when not flagged).</summary>
        public string ReasonsText => string.Join("\n", Reasons);
    }
}
