using Coaching.Core.Sessions;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// After a forward stage move or a newly raised review flag, opens a micro-coaching session on the deal
    /// (owned by the rep's manager) and gives the rep a prep task. At most one session per deal at a time.
    /// </summary>
    public sealed class MicroCoachingSessionPlugin : PluginBase
    {
        public MicroCoachingSessionPlugin()
            : base(new RegisteredEvent("Update", OpportunityTable.Name, RegisteredEvent.PostOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var record = TargetRecord.From(context.Execution)[0];
            var trigger = TriggerOf(record);
            if (trigger == null)
            {
                context.Trace("Neither a forward stage move nor a newly raised review flag: no session");
                return;
            }

            SessionService.Open(context, record.Target.ToEntityReference(), record.PostImage ?? record.Target, trigger.Value);
        }

        private static SessionTrigger? TriggerOf(TargetRecord record)
        {
            var before = OpportunityValues.StageBefore(record.PreImage);
            var after = OpportunityValues.StageAfter(record);
            if (before.HasValue && after.HasValue && after.Value > before.Value) return SessionTrigger.StageChange;

            var wasFlagged = record.PreImage?.GetAttributeValue<bool>(OpportunityTable.ReviewFlag) ?? false;
            var isFlagged = record.Value<bool>(OpportunityTable.ReviewFlag);
            return !wasFlagged && isFlagged ? SessionTrigger.ReviewFlag : (SessionTrigger?)null;
        }
    }
}
