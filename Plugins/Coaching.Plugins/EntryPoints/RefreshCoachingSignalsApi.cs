using System;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// coach_RefreshCoachingSignals: keeps the stored review flags and ICP fit of open deals true without a save
    /// (time-based reasons, changed settings). Optional ManagerId / OwnerId narrow the scope; when the response
    /// carries a ContinuationToken, call again with it until it comes back empty (the shipped daily flow does).
    /// </summary>
    public sealed class RefreshCoachingSignalsApi : PluginBase
    {
        public RefreshCoachingSignalsApi()
            : base(new RegisteredEvent(RefreshCoachingSignalsMessage.Name, RegisteredEvent.NoTable, RegisteredEvent.MainOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var inputs = context.Execution.InputParameters;
            var manager = inputs.TryGetValue(RefreshCoachingSignalsMessage.ManagerId, out Guid managerId) && managerId != Guid.Empty ? managerId : (Guid?)null;
            var owner = inputs.TryGetValue(RefreshCoachingSignalsMessage.OwnerId, out Guid ownerId) && ownerId != Guid.Empty ? ownerId : (Guid?)null;
            inputs.TryGetValue(RefreshCoachingSignalsMessage.ContinuationToken, out string? token);
            var maxDeals = inputs.TryGetValue(RefreshCoachingSignalsMessage.MaxDeals, out int max) ? max : (int?)null;

            var outcome = SignalRefreshService.Refresh(context, manager, owner, token, maxDeals);
            var outputs = context.Execution.OutputParameters;
            outputs[RefreshCoachingSignalsMessage.Read] = outcome.Read;
            outputs[RefreshCoachingSignalsMessage.Updated] = outcome.Updated;
            // Response properties are always set: empty means done.
            outputs[RefreshCoachingSignalsMessage.ContinuationToken] = outcome.ContinuationToken ?? string.Empty;
        }
    }
}
