using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// A session belongs to the manager who coaches; the rep it coaches needs to see it in the opportunity
    /// timeline. Activities share one set of privileges, so a rep role cannot read other people's sessions
    /// without reading all their activities: the session is shared with its rep instead. Asynchronous, after
    /// the session is saved: sharing is not worth failing or slowing the save for.
    /// </summary>
    public sealed class SessionSharingPlugin : PluginBase
    {
        public SessionSharingPlugin()
            : base(new RegisteredEvent("Create", SessionTable.Name, RegisteredEvent.PostOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context) =>
            SessionSharing.ShareWithRep(context, TargetRecord.From(context.Execution)[0].Target);
    }
}
