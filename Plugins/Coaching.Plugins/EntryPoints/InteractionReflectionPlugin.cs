using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// After every buyer interaction the rep reflects: a completed appointment or phone call regarding an
    /// opportunity gives the rep a task with the two questions; completing that task files the answers into
    /// the opportunity's open micro-coaching session, or a new session gathers the answers given while none
    /// was open. Completion arrives as an Update of statecode (SetState requests are processed as one too).
    /// </summary>
    public sealed class InteractionReflectionPlugin : PluginBase
    {
        public InteractionReflectionPlugin()
            : base(
                new RegisteredEvent("Update", InteractionTables.Appointment, RegisteredEvent.PostOperation),
                new RegisteredEvent("Update", InteractionTables.PhoneCall, RegisteredEvent.PostOperation),
                new RegisteredEvent("Update", TaskTable.Name, RegisteredEvent.PostOperation),
                new RegisteredEvent("Create", SessionTable.Name, RegisteredEvent.PreOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            foreach (var record in TargetRecord.From(context.Execution))
            {
                if (context.Execution.PrimaryEntityName == SessionTable.Name)
                {
                    ReflectionService.GatherIntoNewSession(context, record);
                }
                else if (context.Execution.PrimaryEntityName == TaskTable.Name)
                {
                    ReflectionService.FileAnswers(context, record);
                }
                else
                {
                    ReflectionService.AskForReflection(context, record);
                }
            }
        }
    }
}
