using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// A micro-coaching session changes step. Pre-operation: allowed moves only (one step forward at a time,
    /// back to redo one, never out of Done), Conduct only once the next interaction has a goal and a date,
    /// Follow up only with 1 to 3 action items. Post-operation: the action-item and follow-up tasks; on Done,
    /// the opportunity's last-coached date and the completed session.
    /// </summary>
    public sealed class SessionWorkflowPlugin : PluginBase
    {
        public SessionWorkflowPlugin()
            : base(
                new RegisteredEvent("Update", SessionTable.Name, RegisteredEvent.PreOperation),
                new RegisteredEvent("Update", SessionTable.Name, RegisteredEvent.PostOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            foreach (var record in TargetRecord.From(context.Execution))
            {
                if (context.Execution.Stage == RegisteredEvent.PreOperation)
                {
                    SessionWorkflowService.CheckStepChange(context, record);
                }
                else
                {
                    SessionWorkflowService.CarryOutStepChange(context, record);
                }
            }
        }
    }
}
