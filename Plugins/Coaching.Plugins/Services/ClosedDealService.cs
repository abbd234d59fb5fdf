using System.Linq;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// What closing a deal (won or lost) does to its coaching work. The rep's open prep task is canceled: there is
    /// no next buyer interaction left to prepare for. The open micro-coaching session is left open for the manager:
    /// a won or lost deal is still worth a debrief, the session holds the manager's judgement of the rep, and only
    /// the manager can say whether it was held (completing it) or is moot (canceling it). The review flag is cleared
    /// before the write by the review step (a closed deal is never pipeline-meeting material).
    /// </summary>
    public static class ClosedDealService
    {
        /// <summary>task statuscode "Canceled" of statecode Canceled.</summary>
        public const int CanceledTaskStatus = 6;

        /// <summary>One query, then one update per open prep task (a deal has at most one open session, so one task).</summary>
        public static void CancelPrepTasks(IOperationContext context, EntityReference deal)
        {
            var query = new QueryExpression(TaskTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.ActivityId) };
            query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, deal.Id);
            query.Criteria.AddCondition(TaskTable.Category, ConditionOperator.Equal, TaskTable.CoachingCategory);
            query.Criteria.AddCondition(TaskTable.Subcategory, ConditionOperator.Null);
            query.Criteria.AddCondition(ActivityColumns.State, ConditionOperator.Equal, ActivityState.Open);
            var open = context.SystemService.RetrieveMultiple(query).Entities.ToList();
            foreach (var task in open)
            {
                context.SystemService.Update(new Entity(TaskTable.Name, task.Id)
                {
                    [ActivityColumns.State] = new OptionSetValue(ActivityState.Canceled),
                    [ActivityColumns.Status] = new OptionSetValue(CanceledTaskStatus),
                });
            }

            context.Trace("Deal closed: canceled {0} open prep task(s)", open.Count);
        }
    }
}
