using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// A new micro-coaching session starts with the previous session's commitments checked: action items
    /// kept and missed, and an execution concern when commitments were missed in two sessions in a row.
    /// Pre-operation, so the counts are part of the new session without an extra write.
    /// </summary>
    public sealed class CommitmentFollowThroughPlugin : PluginBase
    {
        public CommitmentFollowThroughPlugin()
            : base(new RegisteredEvent("Create", SessionTable.Name, RegisteredEvent.PreOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            foreach (var record in TargetRecord.From(context.Execution))
            {
                CommitmentService.FollowThrough(context, record);
            }
        }
    }
}
