using System;
using System.Collections.Generic;
using System.Linq;

namespace Coaching.Core.Sessions
{
    /// <param name="Items">The action items, trimmed, bullets removed.</param>
    /// <param name="IsValid">Between 1 and the maximum items.</param>
    /// <param name="Message">What to fix when not valid; empty when valid.</param>
    public sealed record ActionItemsResult(IReadOnlyList<string> Items, bool IsValid, string Message);

    /// <summary>Reads coach_actionitems: one item per line, at most a few, because people improve one or two things at a time.</summary>
    public static class ActionItems
    {
        private static readonly char[] LineBreaks = { '\r', '\n' };

        public static ActionItemsResult Parse(string? text, int max)
        {
            if (max < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(max), max, "At least one action item must be allowed.");
            }

            var items = (text ?? string.Empty)
                .Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries)
                .Select(line => StripBullet(line.Trim()))
                .Where(line => line.Length > 0)
                .ToList()
                .AsReadOnly();

            if (items.Count >= 1 && items.Count <= max)
            {
                return new ActionItemsResult(items, true, string.Empty);
            }

            var rule = max == 1 ? "Assign exactly 1 action item" : "Assign between 1 and " + max + " action items, one per line";
            return new ActionItemsResult(items, false, rule + "; found " + items.Count + ".");
        }

        /// <summary>Removes "- ", "* ", "• ", "1. " or "1) " at the start of a line.</summary>
        private static string StripBullet(string line)
        {
            if (line.Length > 0 && (line[0] == '-' || line[0] == '*' || line[0] == '\u2022')
                && (line.Length == 1 || char.IsWhiteSpace(line[1])))
            {
                return line.Substring(1).Trim();
            }

            var digits = 0;
            while (digits < line.Length && char.IsDigit(line[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits < line.Length && (line[digits] == '.' || line[digits] == ')')
                && (digits + 1 == line.Length || char.IsWhiteSpace(line[digits + 1])))
            {
                return line.Substring(digits + 1).Trim();
            }

            return line;
        }
    }
}
