using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// Raises or clears "Review in pipeline meeting" with its reasons, in the Target (pre-operation,
    /// ranked after IcpFit so it sees the fresh score). Makes no service calls beyond the cached settings.
    /// </summary>
    public sealed class PipelineReviewFlagPlugin : PluginBase
    {
        public PipelineReviewFlagPlugin()
            : base(RegisteredEvent.Saves(OpportunityTable.Name, RegisteredEvent.PreOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context) =>
            ReviewFlagService.Apply(context, TargetRecord.From(context.Execution));
    }
}
