using System;

namespace Coaching.Core.Json
{
    /// <summary>The text is not valid JSON; Line and Column (1-based) point at the fault.</summary>
    public sealed class JsonSyntaxException : FormatException
    {
        public JsonSyntaxException(int line, int column, string problem)
            : base("line " + line + ", column " + column + ": " + problem)
        {
            Line = line;
            Column = column;
            Problem = problem;
        }

        public int Line { get; }

        public int Column { get; }

        /// <summary>What was expected and what was found, without the position.</summary>
        public string Problem { get; }
    }
}
