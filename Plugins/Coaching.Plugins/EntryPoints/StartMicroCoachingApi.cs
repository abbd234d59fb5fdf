using Coaching.Core.Sessions;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// coach_StartMicroCoaching, the opportunity form's button: starts a session now (trigger Manual).
    /// A session that already exists is an answer, not a failure: Created is false, Session is that session
    /// (the button opens it) and Message says why. Failures (a closed deal, manual starts switched off) throw.
    /// </summary>
    public sealed class StartMicroCoachingApi : PluginBase
    {
        public StartMicroCoachingApi()
            : base(new RegisteredEvent(StartMicroCoachingMessage.Name, OpportunityTable.Name, RegisteredEvent.MainOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var opportunity = (EntityReference)context.Execution.InputParameters["Target"];
            var caller = new EntityReference(SystemUserTable.Name, context.Execution.InitiatingUserId);
            var start = SessionStartService.Start(context, opportunity, SessionTrigger.Manual, caller);
            if (start.Session == null) throw new InvalidPluginExecutionException(start.Message);

            context.Execution.OutputParameters[StartMicroCoachingMessage.Session] = start.Session;
            context.Execution.OutputParameters[StartMicroCoachingMessage.Created] = start.Created;
            context.Execution.OutputParameters[StartMicroCoachingMessage.Message] = start.Message;
        }
    }
}
