using System.Collections.Generic;

namespace Coaching.Core.Sessions
{
    /// <summary>The questions of the micro-coaching method, worded once for every task and form.</summary>
    public static class CoachingQuestions
    {
        public static IReadOnlyList<string> Opportunity { get; } = new[]
        {
            "Does the account fit our ideal customer profile?",
            "What is the deal size?",
            "What triggered the buying process?",
        };

        public static IReadOnlyList<string> Buyer { get; } = new[]
        {
            "Who is the buyer, and what is their persona?",
            "Where is the buyer in the buying process: early, middle or late?",
            "What is the buyer asking that shows where they are?",
        };

        public static IReadOnlyList<string> Rep { get; } = new[]
        {
            "What is the sales stage?",
            "What was the output of the last major interaction?",
            "When is the next scheduled interaction?",
            "What is the goal of that interaction?",
        };

        /// <summary>Asked after every buyer interaction.</summary>
        public static IReadOnlyList<string> Reflection { get; } = new[]
        {
            "What went well and should be repeated?",
            "What did not go as expected and should be avoided?",
        };
    }
}
