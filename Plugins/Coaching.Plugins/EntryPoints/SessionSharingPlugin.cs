using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// A session belongs to the manager who coaches; the rep it coaches needs to see it in the opportunity
    /// timeline. Activities share one set of privileges, so a rep role cannot read other people's sessions
    /// without reading all their activities: the session is shared with its rep instead. The judgement columns
    /// are shared per session with the coach and the coach's line (field shares), and with a new owner who is in the
    /// rep's line when the session changes owner (shares outside the rep's line then go). Asynchronous, after the
    /// session is saved: sharing must not fail or slow a rep's stage move that creates the session.
    /// </summary>
    public sealed class SessionSharingPlugin : PluginBase
    {
        public SessionSharingPlugin()
            : base(
                new RegisteredEvent("Create", SessionTable.Name, RegisteredEvent.PostOperation),
                new RegisteredEvent("Update", SessionTable.Name, RegisteredEvent.PostOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var record = TargetRecord.From(context.Execution)[0];
            // The post-image carries the owner (even when the platform set it) and the rep.
            var session = record.PostImage ?? record.Target;
            var owner = record.Target.GetAttributeValue<EntityReference>(ActivityColumns.Owner) ?? session.GetAttributeValue<EntityReference>(ActivityColumns.Owner);
            if (owner == null)
            {
                context.Trace("The session has no owner to share with");
                return;
            }

            if (context.Execution.MessageName == "Create")
            {
                SessionSharing.ShareWithRep(context, session);
                SessionSharing.ShareJudgementWithOwner(context, record.Target.Id, owner);
            }
            else
            {
                SessionSharing.ShareJudgementAfterAssign(context, record.Target.Id, owner, session.GetAttributeValue<EntityReference>(SessionTable.Rep));
            }
        }
    }
}
