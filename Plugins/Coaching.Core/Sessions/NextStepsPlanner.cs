using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Coaching.Core.Text;

namespace Coaching.Core.Sessions
{
    /// <summary>A task to create; Due is UTC (task.scheduledend).</summary>
    public sealed record PlannedTask(string Subject, string Description, DateTime Due);

    /// <param name="ActionItemTasks">One task per agreed action item, for the rep, in the order agreed.</param>
    /// <param name="FollowUpTask">The manager's check that the action items were done.</param>
    public sealed record NextStepsPlan(IReadOnlyList<PlannedTask> ActionItemTasks, PlannedTask FollowUpTask);

    /// <summary>
    /// Turns the action items agreed in a session into work: the rep's action items are due as the prep task
    /// would be (the lead time before the next interaction, see <see cref="SessionComposer.PrepDue"/>); the
    /// manager follows up after they are due and before the interaction (halfway between), or a day after
    /// they are due when no interaction is coming up.
    /// </summary>
    public static class NextStepsPlanner
    {
        public const string ActionItemPrefix = "Action item: ";

        public const string FollowUpPrefix = "Follow up micro-coaching: ";

        public static NextStepsPlan Plan(
            IReadOnlyList<string> actionItems,
            string? opportunityName,
            DateTime? nextInteractionDate,
            string? nextInteractionGoal,
            int prepLeadHours,
            DateTime now)
        {
            if (actionItems == null)
            {
                throw new ArgumentNullException(nameof(actionItems));
            }

            var name = Clean(opportunityName) ?? "(unnamed opportunity)";
            var upcoming = nextInteractionDate.HasValue && nextInteractionDate.Value > now ? nextInteractionDate : null;
            var itemsDue = SessionComposer.PrepDue(nextInteractionDate, prepLeadHours, now);
            var followUpDue = FollowUpDue(itemsDue, upcoming);

            var items = actionItems
                .Select(item => new PlannedTask(
                    Shorten.KeepStart(ActionItemPrefix + item, ColumnLimits.TaskSubject),
                    Shorten.KeepStart(ActionItemDescription(name, upcoming, Clean(nextInteractionGoal)), ColumnLimits.TaskDescription),
                    itemsDue))
                .ToList()
                .AsReadOnly();
            var followUp = new PlannedTask(
                Shorten.KeepStart(FollowUpPrefix + name, ColumnLimits.TaskSubject),
                Shorten.KeepStart(FollowUpDescription(name, actionItems, upcoming), ColumnLimits.TaskDescription),
                followUpDue);
            return new NextStepsPlan(items, followUp);
        }

        /// <summary>Halfway between the action items' due time and the interaction; a day later when none is coming.</summary>
        public static DateTime FollowUpDue(DateTime actionItemsDue, DateTime? upcomingInteraction)
        {
            if (upcomingInteraction.HasValue && upcomingInteraction.Value > actionItemsDue)
            {
                return actionItemsDue.AddTicks((upcomingInteraction.Value - actionItemsDue).Ticks / 2);
            }

            return actionItemsDue.AddDays(1);
        }

        private static string ActionItemDescription(string name, DateTime? upcoming, string? goal)
        {
            var sb = new StringBuilder();
            sb.Append("Agreed in the micro-coaching session on ").Append(name).Append('.');
            if (upcoming.HasValue)
            {
                sb.Append("\nGet it done before the next interaction on ").Append(Display.DateTime(upcoming.Value)).Append('.');
                if (goal != null)
                {
                    sb.Append("\nGoal of that interaction: ").Append(goal);
                }
            }

            sb.Append(upcoming.HasValue ? "\nYour manager checks on it before that interaction." : "\nYour manager checks on it once it is due.");
            return sb.ToString();
        }

        private static string FollowUpDescription(string name, IReadOnlyList<string> actionItems, DateTime? upcoming)
        {
            var sb = new StringBuilder();
            sb.Append("Check with the rep that the action items agreed in the micro-coaching session on ").Append(name).Append(" are done");
            sb.Append(upcoming.HasValue ? " before the next interaction on " + Display.DateTime(upcoming.Value) : string.Empty).Append(':');
            foreach (var item in actionItems)
            {
                sb.Append("\n- ").Append(item);
            }

            sb.Append("\nThen move the session to Done.");
            return sb.ToString();
        }

        private static string? Clean(string? text)
        {
            var trimmed = text?.Trim();
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }
    }
}
