using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// Blocks a forward stage move until the next buyer interaction has a stated goal and a future date.
    /// Pre-validation, so a blocked move is refused before anything is written. Business process flow
    /// stage moves (opportunitysalesprocess) are gated the same way: the flow's required steps only bind
    /// the UI, API updates and imports bypass them.
    /// </summary>
    public sealed class StageGatePlugin : PluginBase
    {
        public StageGatePlugin()
            : base(
                new RegisteredEvent("Update", OpportunityTable.Name, RegisteredEvent.PreValidation),
                new RegisteredEvent("Update", OpportunitySalesProcessTable.Name, RegisteredEvent.PreValidation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var record = TargetRecord.From(context.Execution)[0];
            if (context.Execution.PrimaryEntityName == OpportunitySalesProcessTable.Name)
            {
                StageGateService.CheckProcessStageMove(context, record);
            }
            else
            {
                StageGateService.CheckSalesStageMove(context, record);
            }
        }
    }
}
