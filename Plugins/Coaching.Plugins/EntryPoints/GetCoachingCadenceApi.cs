using System;
using System.Linq;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// coach_GetCoachingCadence: for a manager and a week, per direct report the sessions held, the target,
    /// the minutes spent, the shortfall and the sessions over the maximum length, plus a one-line summary.
    /// </summary>
    public sealed class GetCoachingCadenceApi : PluginBase
    {
        public GetCoachingCadenceApi()
            : base(new RegisteredEvent(CoachingCadenceMessage.Name, RegisteredEvent.NoTable, RegisteredEvent.MainOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var inputs = context.Execution.InputParameters;
            var managerId = (Guid)inputs[CoachingCadenceMessage.ManagerId];
            var weekStart = (DateTime)inputs[CoachingCadenceMessage.WeekStart];
            var reps = CadenceService.Week(context, managerId, weekStart);

            context.Execution.OutputParameters[CoachingCadenceMessage.Reps] = new EntityCollection(reps.Select(rep => new Entity
            {
                [CadenceRow.Rep] = new EntityReference(SystemUserTable.Name, rep.RepId) { Name = rep.RepName },
                [CadenceRow.RepName] = rep.RepName,
                [CadenceRow.Held] = rep.Held,
                [CadenceRow.Target] = rep.Target,
                [CadenceRow.Minutes] = rep.TotalMinutes,
                [CadenceRow.Shortfall] = rep.Shortfall,
                [CadenceRow.OverlongSessions] = rep.OverlongSessions,
            }).ToList());
            context.Execution.OutputParameters[CoachingCadenceMessage.Summary] = CadenceService.Summary(context, reps);
        }
    }
}
