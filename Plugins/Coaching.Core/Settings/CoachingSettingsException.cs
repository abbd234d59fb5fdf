using System;

namespace Coaching.Core.Settings
{
    /// <summary>
    /// The coach_CoachingSettings value is not valid. The message names the variable, the JSON path
    /// at fault, what was expected and what was found; plugins surface it as is.
    /// </summary>
    public sealed class CoachingSettingsException : Exception
    {
        public const string VariableName = "coach_CoachingSettings";

        public CoachingSettingsException(string path, string problem, Exception? inner = null)
            : base(VariableName + ": " + (path.Length == 0 ? string.Empty : path + ": ") + problem, inner)
        {
            Path = path;
            Problem = problem;
        }

        /// <summary>JSON path at fault, e.g. "icp.weights.industry"; empty for the whole value.</summary>
        public string Path { get; }

        public string Problem { get; }
    }
}
