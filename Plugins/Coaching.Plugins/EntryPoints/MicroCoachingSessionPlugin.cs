using Coaching.Core.Sessions;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// After a forward stage move or a newly raised review flag, opens a micro-coaching session on the deal
    /// (owned by the rep's manager) and gives the rep a prep task. At most one session per deal at a time.
    /// A forward move of the business process flow counts as a stage move too, whether or not the flow also
    /// writes the opportunity's stepname (the dedupe keeps it to one session when it does).
    /// </summary>
    public sealed class MicroCoachingSessionPlugin : PluginBase
    {
        public MicroCoachingSessionPlugin()
            : base(
                new RegisteredEvent("Update", OpportunityTable.Name, RegisteredEvent.PostOperation),
                new RegisteredEvent("Update", OpportunitySalesProcessTable.Name, RegisteredEvent.PostOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var record = TargetRecord.From(context.Execution)[0];
            if (context.Execution.PrimaryEntityName == OpportunitySalesProcessTable.Name)
            {
                OpenForProcessFlowMove(context, record);
                return;
            }

            var trigger = TriggerOf(record);
            if (trigger == null)
            {
                context.Trace("Neither a forward stage move nor a newly raised review flag: no session");
                return;
            }

            SessionService.Open(context, record.Target.ToEntityReference(), record.PostImage ?? record.Target, trigger.Value);
        }

        private static void OpenForProcessFlowMove(LocalPluginContext context, TargetRecord record)
        {
            var opportunity = ProcessFlowMove.Opportunity(record);
            if (ProcessFlowMove.ForwardStage(record) == null || opportunity == null)
            {
                context.Trace("Process flow move is not forward, or the flow has no opportunity: no session");
                return;
            }

            // The flow instance carries no opportunity values: the session service reads them in its one query.
            SessionService.Open(context, opportunity, null, SessionTrigger.StageChange);
        }

        private static SessionTrigger? TriggerOf(TargetRecord record)
        {
            var before = OpportunityValues.StageBefore(record.PreImage);
            var after = OpportunityValues.StageAfter(record);
            if (OpportunityValues.IsForwardMove(before, after)) return SessionTrigger.StageChange;

            var wasFlagged = record.PreImage?.GetAttributeValue<bool>(OpportunityTable.ReviewFlag) ?? false;
            var isFlagged = record.Value<bool>(OpportunityTable.ReviewFlag);
            return !wasFlagged && isFlagged ? SessionTrigger.ReviewFlag : (SessionTrigger?)null;
        }
    }
}
