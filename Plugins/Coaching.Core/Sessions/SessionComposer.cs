using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Coaching.Core.Settings;
using Coaching.Core.Text;

namespace Coaching.Core.Sessions
{
    /// <summary>Builds a session's subject, snapshot and the rep's prep task from the opportunity.</summary>
    public static class SessionComposer
    {
        public const string NotCaptured = "not captured yet";

        /// <summary>Prep is due this long after now when no upcoming interaction is known.</summary>
        public static readonly TimeSpan DefaultPrepTime = TimeSpan.FromDays(2);

        /// <summary>Prep is due this long after now when the interaction is closer than the lead time.</summary>
        public static readonly TimeSpan ShortPrepTime = TimeSpan.FromHours(1);

        public static SessionPlan Compose(SessionInput input, SessionSettings settings, DateTime now)
        {
            if (input == null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            var name = Clean(input.OpportunityName) ?? "(unnamed opportunity)";
            var opportunity = new[]
            {
                Line("ICP fit", IcpFit(input)),
                Line("Deal size", input.EstimatedValue.HasValue ? Display.Number(input.EstimatedValue.Value) : null),
                Line("Buying trigger", input.BuyingTrigger),
            };
            var buyer = new[]
            {
                Line("Persona", input.BuyerPersona),
                Line("Buyer stage", input.BuyerStage?.ToString()),
                Line("Buyer signals", input.BuyerSignals),
            };
            var rep = new[]
            {
                Line("Sales stage", input.SalesStage?.ToString()),
                Line("Last interaction outcome", input.LastInteractionOutcome),
                Line("Next interaction", input.NextInteractionDate.HasValue ? Display.DateTime(input.NextInteractionDate.Value) : null),
                Line("Goal", input.NextInteractionGoal),
            };

            var snapshot = new SessionSnapshot(Join(opportunity), Join(buyer), Join(rep));
            var gaps = opportunity.Concat(buyer).Concat(rep).Where(l => l.IsGap).Select(l => l.Label).ToList();
            var prep = new PrepTask(
                Shorten.KeepStart("Prepare for micro-coaching: " + name, ColumnLimits.TaskSubject),
                Shorten.KeepStart(PrepDescription(name, gaps), ColumnLimits.TaskDescription),
                PrepDue(input.NextInteractionDate, settings.PrepLeadHours, now));
            return new SessionPlan(Shorten.KeepStart("Micro-coaching: " + name, ColumnLimits.SessionSubject), snapshot, prep);
        }

        /// <summary>
        /// Next interaction minus the lead time, but never before now. Closer than the lead time:
        /// now + 1 hour, but not after the interaction. None upcoming (missing or not after now): now + 2 days.
        /// </summary>
        public static DateTime PrepDue(DateTime? nextInteraction, int prepLeadHours, DateTime now)
        {
            if (!nextInteraction.HasValue || nextInteraction.Value <= now)
            {
                return now + DefaultPrepTime;
            }

            var next = nextInteraction.Value;
            var due = next.AddHours(-prepLeadHours);
            if (due >= now)
            {
                return due;
            }

            var soon = now + ShortPrepTime;
            return soon < next ? soon : next;
        }

        private static string PrepDescription(string name, IReadOnlyList<string> gaps)
        {
            var sb = new StringBuilder();
            sb.Append("Prepare for the micro-coaching session on ").Append(name)
              .Append(": update the opportunity so it answers these questions.\n");
            Section(sb, "The opportunity", CoachingQuestions.Opportunity);
            Section(sb, "The buyer", CoachingQuestions.Buyer);
            Section(sb, "You", CoachingQuestions.Rep);
            Section(sb, "Your last interaction", CoachingQuestions.Reflection);
            if (gaps.Count > 0)
            {
                sb.Append("\nNot captured yet: ").Append(string.Join(", ", gaps)).Append('.');
            }

            return sb.ToString().TrimEnd('\n');
        }

        private static void Section(StringBuilder sb, string title, IEnumerable<string> questions)
        {
            sb.Append('\n').Append(title).Append('\n');
            foreach (var q in questions)
            {
                sb.Append("- ").Append(q).Append('\n');
            }
        }

        private static string? IcpFit(SessionInput input)
        {
            if (!input.IcpBand.HasValue)
            {
                return input.IcpScore.HasValue ? "score " + input.IcpScore.Value : null;
            }

            return input.IcpBand.Value + (input.IcpScore.HasValue ? " (" + input.IcpScore.Value + ")" : string.Empty);
        }

        private static SnapshotLine Line(string label, string? value) => new SnapshotLine(label, Clean(value));

        /// <summary>
        /// The lines of one snapshot part, within its column: when too long, the longest answers are shortened
        /// (each keeps its start and says so) so that every line stays readable.
        /// </summary>
        private static string Join(SnapshotLine[] lines)
        {
            var text = string.Join("\n", lines.Select(l => l.Text));
            while (text.Length > ColumnLimits.SessionSnapshot)
            {
                var longest = lines.OrderByDescending(l => l.Value?.Length ?? 0).First();
                var length = longest.Value?.Length ?? 0;
                if (length <= Shorten.EndMarker.Length * 2)
                {
                    return Shorten.KeepStart(text, ColumnLimits.SessionSnapshot);
                }

                var excess = text.Length - ColumnLimits.SessionSnapshot;
                longest.Value = Shorten.KeepStart(longest.Value!, Math.Max(length - excess, length / 2));
                text = string.Join("\n", lines.Select(l => l.Text));
            }

            return text;
        }

        private static string? Clean(string? text)
        {
            var trimmed = text?.Trim();
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }

        private sealed class SnapshotLine
        {
            public SnapshotLine(string label, string? value)
            {
                Label = label;
                Value = value;
            }

            public string Label { get; }

            public string? Value { get; set; }

            public bool IsGap => Value == null;

            public string Text => Label + ": " + (Value ?? NotCaptured);
        }
    }
}
