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
            : base(RegisteredEvent.Saves(OpportunityTable.Name, RegisteredEvent.PreOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context) =>
            IcpFitService.Score(context, TargetRecord.From(context.Execution));
    }
}
