using Coaching.Core.Opportunities;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// After a deal closes as won or lost (the Update of statecode that WinOpportunity, LoseOpportunity and SetState
    /// all make): cancels the rep's open prep task and leaves the session to the manager (see <see cref="ClosedDealService"/>).
    /// </summary>
    public sealed class DealClosedPlugin : PluginBase
    {
        public DealClosedPlugin()
            : base(new RegisteredEvent("Update", OpportunityTable.Name, RegisteredEvent.PostOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var record = TargetRecord.From(context.Execution)[0];
            var wasOpen = record.PreImage == null
                || (record.PreImage.GetAttributeValue<Microsoft.Xrm.Sdk.OptionSetValue>(OpportunityTable.State)?.Value ?? (int)OpportunityState.Open) == (int)OpportunityState.Open;
            if (!record.Sets(OpportunityTable.State) || OpportunityValues.State(record) == OpportunityState.Open || !wasOpen)
            {
                context.Trace("Not a closing of an open deal: nothing to do");
                return;
            }

            ClosedDealService.CancelPrepTasks(context, record.Target.ToEntityReference());
        }
    }
}
