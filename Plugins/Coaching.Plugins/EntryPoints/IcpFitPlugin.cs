using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// Scores ICP fit into the opportunity being saved (pre-operation, so no extra write).
    /// Registered on Create/Update, which the platform also runs for each record of CreateMultiple/UpdateMultiple;
    /// an admin may move the steps to the bulk messages, so it reads Targets as well as Target.
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
