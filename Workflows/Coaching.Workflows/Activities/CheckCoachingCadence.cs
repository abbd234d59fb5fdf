using System;
using System.Activities;
using System.Linq;
using Coaching.Core.Cadence;
using Coaching.Plugins.Services;
using Coaching.Workflows.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Coaching.Workflows.Activities
{
    /// <summary>
    /// Checks a manager's coaching week against the target cadence (sessions per rep per week), for a
    /// process that reminds or escalates: the team's totals, the reps below target and a one-line summary.
    /// </summary>
    public sealed class CheckCoachingCadence : CoachingActivity
    {
        public const string ManagerInput = "Manager";
        public const string WeekStartInput = "Week start";
        public const string SessionsHeldOutput = "Sessions held";
        public const string SessionsTargetOutput = "Sessions target";
        public const string ShortfallOutput = "Shortfall";
        public const string RepsBelowTargetOutput = "Reps below target";
        public const string MeetsTargetOutput = "Meets target";
        public const string SummaryOutput = "Summary";

        [Input(ManagerInput)]
        [ReferenceTarget("systemuser")]
        [ArgumentRequired]
        public InArgument<EntityReference> Manager { get; set; } = new InArgument<EntityReference>();

        /// <summary>Optional: the week's first moment (UTC); when not set, the current week from Monday 00:00 UTC.</summary>
        [Input(WeekStartInput)]
        public InArgument<DateTime> WeekStart { get; set; } = new InArgument<DateTime>();

        [Output(SessionsHeldOutput)]
        public OutArgument<int> SessionsHeld { get; set; } = new OutArgument<int>();

        /// <summary>The team's target: reps × sessions per rep per week.</summary>
        [Output(SessionsTargetOutput)]
        public OutArgument<int> SessionsTarget { get; set; } = new OutArgument<int>();

        /// <summary>Sessions still missing, summed over the reps below target.</summary>
        [Output(ShortfallOutput)]
        public OutArgument<int> Shortfall { get; set; } = new OutArgument<int>();

        [Output(RepsBelowTargetOutput)]
        public OutArgument<int> RepsBelowTarget { get; set; } = new OutArgument<int>();

        [Output(MeetsTargetOutput)]
        public OutArgument<bool> MeetsTarget { get; set; } = new OutArgument<bool>();

        [Output(SummaryOutput)]
        public OutArgument<string> Summary { get; set; } = new OutArgument<string>();

        /// <summary>One call (plus the settings when not cached).</summary>
        protected override void ExecuteCore(CodeActivityContext activityContext, WorkflowActivityContext context)
        {
            var manager = Required(activityContext, Manager, ManagerInput);
            var given = WeekStart.Get(activityContext);
            var weekStart = given == default(DateTime) ? CoachingWeek.StartOf(context.Now) : given;
            var reps = CadenceService.Week(context, manager.Id, weekStart);

            SessionsHeld.Set(activityContext, reps.Sum(r => r.Held));
            SessionsTarget.Set(activityContext, reps.Sum(r => r.Target));
            Shortfall.Set(activityContext, reps.Sum(r => r.Shortfall));
            RepsBelowTarget.Set(activityContext, reps.Count(r => !r.MeetsTarget));
            MeetsTarget.Set(activityContext, reps.All(r => r.MeetsTarget));
            Summary.Set(activityContext, CadenceService.Summary(context, reps));
        }
    }
}
