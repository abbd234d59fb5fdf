using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// Scores ICP fit into the opportunity being saved (pre-operation, so no extra write).
    /// Registered on CreateMultiple/UpdateMultiple, which the platform also runs for single saves.
    /// </summary>
    public sealed class IcpFitPlugin : PluginBase
    {
        public IcpFitPlugin()
            : base(
                new RegisteredEvent("CreateMultiple", OpportunityTable.Name, RegisteredEvent.PreOperation),
                new RegisteredEvent("UpdateMultiple", OpportunityTable.Name, RegisteredEvent.PreOperation),
                new RegisteredEvent("Create", OpportunityTable.Name, RegisteredEvent.PreOperation),
                new RegisteredEvent("Update", OpportunityTable.Name, RegisteredEvent.PreOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context) =>
            IcpFitService.Score(context, TargetRecord.From(context.Execution));
    }
}
