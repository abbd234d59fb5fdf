using System.Activities;
using Coaching.Core.Sessions;
using Coaching.Plugins.Services;
using Coaching.Workflows.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Coaching.Workflows.Activities
{
    /// <summary>
    /// Schedules a micro-coaching session on an opportunity from a process, e.g. a recurring one that keeps a
    /// team at its weekly cadence (trigger Cadence). Same rules as the form button: dedupe, snapshot, prep task.
    /// A session that already exists is an outcome, not a failure: Created is false and Session names it.
    /// </summary>
    public sealed class ScheduleMicroCoaching : CoachingActivity
    {
        public const string OpportunityInput = "Opportunity";
        public const string SessionOutput = "Session";
        public const string CreatedOutput = "Created";
        public const string MessageOutput = "Message";

        [Input(OpportunityInput)]
        [ReferenceTarget("opportunity")]
        [ArgumentRequired]
        public InArgument<EntityReference> Opportunity { get; set; } = new InArgument<EntityReference>();

        /// <summary>The new session, or the existing one that made a new one unnecessary; not set when there is none (sessions started by Cadence switched off).</summary>
        [Output(SessionOutput)]
        [ReferenceTarget("coach_microcoachingsession")]
        public OutArgument<EntityReference?> Session { get; set; } = new OutArgument<EntityReference?>();

        [Output(CreatedOutput)]
        public OutArgument<bool> Created { get; set; } = new OutArgument<bool>();

        [Output(MessageOutput)]
        public OutArgument<string> Message { get; set; } = new OutArgument<string>();

        /// <summary>Four calls when a session is created, three when one exists (see SessionStartService.Start).</summary>
        protected override void ExecuteCore(CodeActivityContext activityContext, WorkflowActivityContext context)
        {
            var opportunity = Required(activityContext, Opportunity, OpportunityInput);
            var start = SessionStartService.Start(context, opportunity, SessionTrigger.Cadence);
            Session.Set(activityContext, start.Session);
            Created.Set(activityContext, start.Created);
            Message.Set(activityContext, start.Message);
        }
    }
}
