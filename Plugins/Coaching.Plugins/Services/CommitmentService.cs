using System;
using System.Linq;
using Coaching.Core.Commitments;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// When a session opens, checks the commitments of the opportunity's previous session: how many of its
    /// action-item tasks were done as agreed, and whether commitments were now missed twice in a row.
    /// Writes into the new session's Target (pre-operation), so no extra update.
    /// </summary>
    public static class CommitmentService
    {
        /// <summary>Two queries at most: the previous session, then its action-item tasks.</summary>
        public static void FollowThrough(LocalPluginContext context, TargetRecord record)
        {
            var regarding = record.Target.GetAttributeValue<EntityReference>(ActivityColumns.Regarding);
            if (regarding == null || regarding.LogicalName != OpportunityTable.Name)
            {
                context.Trace("Session is not regarding an opportunity: no commitments to follow up");
                return;
            }

            var previous = PreviousSession(context.SystemService, regarding.Id);
            if (previous == null)
            {
                record.Target[SessionTable.ExecutionConcern] = new OptionSetValue((int)ExecutionConcernKind.None);
                context.Trace("First session on this opportunity: no commitments to follow up");
                return;
            }

            var tasks = CoachingTasks.Existing(
                context.SystemService,
                CoachingTasks.ActionItemTaskIds(previous.Id),
                ActivityColumns.State, ActivityColumns.Due, ActivityColumns.ActualEnd);
            var count = CommitmentCounter.Count(tasks.Select(ToStatus), context.Now);
            var missedBefore = previous.GetAttributeValue<int?>(SessionTable.CommitmentsMissed) ?? 0;
            var concern = ExecutionConcern.Assess(count.Missed, missedBefore);

            record.Target[SessionTable.CommitmentsKept] = count.Kept;
            record.Target[SessionTable.CommitmentsMissed] = count.Missed;
            record.Target[SessionTable.ExecutionConcern] = new OptionSetValue((int)concern);
            context.Trace(
                "Previous session's commitments: {0} kept, {1} missed, {2} pending; missed before: {3}; execution concern: {4}",
                count.Kept, count.Missed, count.Pending, missedBefore, concern);
        }

        /// <summary>The opportunity's latest session; the one being created is not stored yet.</summary>
        private static Entity? PreviousSession(IOrganizationService service, Guid opportunityId)
        {
            var query = new QueryExpression(SessionTable.Name)
            {
                ColumnSet = new ColumnSet(SessionTable.CommitmentsMissed),
                TopCount = 1,
            };
            query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, opportunityId);
            query.AddOrder(ActivityColumns.CreatedOn, OrderType.Descending);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private static ActionItemStatus ToStatus(Entity task)
        {
            var state = task.GetAttributeValue<OptionSetValue>(ActivityColumns.State)?.Value ?? ActivityState.Open;
            return new ActionItemStatus(
                Enum.IsDefined(typeof(ActionItemState), state) ? (ActionItemState)state : ActionItemState.Open,
                task.GetAttributeValue<DateTime?>(ActivityColumns.Due),
                task.GetAttributeValue<DateTime?>(ActivityColumns.ActualEnd));
        }
    }
}
