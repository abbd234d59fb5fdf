using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Coaching.Core.Text;

namespace Coaching.Core.Sessions
{
    /// <param name="WentWell">The answer to "what went well and should be repeated?"; null when not answered.</param>
    /// <param name="NotAsExpected">The answer to "what did not go as expected and should be avoided?"; null when not answered.</param>
    public sealed record ReflectionAnswers(string? WentWell, string? NotAsExpected)
    {
        public bool HasAnswers => WentWell != null || NotAsExpected != null;
    }

    /// <summary>
    /// The rep's reflection after a buyer interaction, as an ordinary task: its description asks the two
    /// questions of <see cref="CoachingQuestions.Reflection"/> as headings, the rep writes each answer under
    /// its heading and completes the task, and the answers are read back from under the headings.
    /// </summary>
    public static class Reflection
    {
        public const string SubjectPrefix = "Reflect on: ";

        /// <summary>Reflect while it is fresh: the task is due a day after it is given.</summary>
        public static readonly TimeSpan TimeToReflect = TimeSpan.FromDays(1);

        private static readonly char[] LineBreaks = { '\n' };

        public static string WentWellQuestion => CoachingQuestions.Reflection[0];

        public static string NotAsExpectedQuestion => CoachingQuestions.Reflection[1];

        /// <param name="interactionKind">"phone call" or "appointment", as the rep calls it.</param>
        /// <param name="interactionSubject">The interaction's subject.</param>
        /// <param name="completedOn">When the interaction was completed (UTC).</param>
        /// <param name="now">When the task is given.</param>
        public static PlannedTask Task(string interactionKind, string? interactionSubject, DateTime completedOn, DateTime now)
        {
            var subject = Clean(interactionSubject) ?? "your " + interactionKind;
            var full = Shorten.KeepStart(SubjectPrefix + subject, ColumnLimits.TaskSubject);
            var description = new StringBuilder()
                .Append("After your ").Append(interactionKind).Append(" '").Append(subject).Append("' on ").Append(Display.Date(completedOn))
                .Append(", write your answer under each question, then mark this task complete. ")
                .Append("Your answers go to the micro-coaching session on this opportunity: the open one, or else the next one.\n\n")
                .Append(WentWellQuestion).Append("\n\n\n")
                .Append(NotAsExpectedQuestion).Append("\n\n")
                .ToString();
            return new PlannedTask(full, Shorten.KeepStart(description, ColumnLimits.TaskDescription), now + TimeToReflect);
        }

        /// <summary>
        /// The text under each question heading (up to the other heading or the end), trimmed. A heading is a
        /// line that reads as the question, ignoring case, surrounding spaces, a leading "#", "-" or "*" and a
        /// trailing ":". A missing heading or blank text under it is no answer.
        /// </summary>
        public static ReflectionAnswers Parse(string? description)
        {
            var lines = (description ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n').Split(LineBreaks);
            var wentWell = IndexOfHeading(lines, WentWellQuestion);
            var notAsExpected = IndexOfHeading(lines, NotAsExpectedQuestion);
            return new ReflectionAnswers(Section(lines, wentWell, notAsExpected), Section(lines, notAsExpected, wentWell));
        }

        /// <summary>
        /// Adds an answer to what a session already holds, under a label naming the interaction, so reflections
        /// on several interactions before the same session stay apart. Keeps the newest text within
        /// <paramref name="maxLength"/> by dropping the oldest (and saying so).
        /// </summary>
        public static string Append(string? existing, string answer, string label, int maxLength)
        {
            var entry = label + ":\n" + answer.Trim();
            var combined = string.IsNullOrWhiteSpace(existing) ? entry : existing!.TrimEnd() + "\n\n" + entry;
            return Shorten.KeepEnd(combined, maxLength);
        }

        /// <summary>The label of a reflection in a session: the interaction named in the task subject, and the date.</summary>
        public static string Label(string? taskSubject, DateTime answeredOn)
        {
            var subject = Clean(taskSubject) ?? "Reflection";
            if (subject.StartsWith(SubjectPrefix.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                subject = subject.Substring(SubjectPrefix.Trim().Length).Trim();
            }

            return subject + " (" + Display.Date(answeredOn) + ")";
        }

        private static int IndexOfHeading(IReadOnlyList<string> lines, string question)
        {
            var wanted = Normalize(question);
            for (var i = 0; i < lines.Count; i++)
            {
                if (Normalize(lines[i]) == wanted)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Normalize(string line) =>
            line.Trim().TrimStart('#', '-', '*', ' ').TrimEnd(':', ' ').ToLowerInvariant();

        private static string? Section(string[] lines, int heading, int otherHeading)
        {
            if (heading < 0)
            {
                return null;
            }

            var end = otherHeading > heading ? otherHeading : lines.Length;
            var text = string.Join("\n", lines.Skip(heading + 1).Take(end - heading - 1).Select(l => l.TrimEnd())).Trim();
            return text.Length == 0 ? null : text;
        }

        private static string? Clean(string? text)
        {
            var trimmed = text?.Trim();
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }
    }
}
