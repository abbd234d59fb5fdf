using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Icp;
using Coaching.Core.Settings;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// The stored coaching signals of an open deal (ICP fit, review flag and reasons, with the moment time next changes
    /// them and the settings they were computed with) recomputed outside a save of the deal: by the daily refresh (time
    /// passed, settings changed) and by an account change. Only what differs from what is stored is written, in bulk.
    /// </summary>
    public static class DealSignals
    {
        /// <summary>Largest UpdateMultiple batch the refresh and the rescore send.</summary>
        public const int WriteBatchSize = 1000;

        /// <summary>What a deal row must carry: the rules' inputs and the stored signals they are compared with.</summary>
        public static readonly string[] DealColumns = ReviewFlagService.RuleColumns.Concat(new[]
        {
            OpportunityTable.Customer, OpportunityTable.ParentAccount, OpportunityTable.ReviewFlag, OpportunityTable.ReviewReasons,
            OpportunityTable.IcpFitBand, OpportunityTable.IcpFitReasons, OpportunityTable.SignalsDueOn, OpportunityTable.SignalsSettings,
        }).Distinct().ToArray();

        /// <summary>
        /// The changed columns of one deal, or null when its stored signals are right.
        /// </summary>
        /// <param name="deal">A row with <see cref="DealColumns"/>.</param>
        /// <param name="account">The deal's account scored by <see cref="IcpFitRule.ScoreAccount"/> (<c>ScoreAccount(null, ...)</c> when it has none); ignored while ICP is off.</param>
        public static Entity? Changes(Entity deal, IcpAccountScore account, CoachingSettings settings, DateTime now)
        {
            var changes = new Entity(OpportunityTable.Name, deal.Id);
            if (settings.Icp.Enabled)
            {
                var fit = IcpFitRule.EvaluateDeal(account, deal.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value, settings.Icp);
                IcpFitService.SetChanges(changes, deal, fit);
            }

            // The review rule reads the new score: the deal as stored, under the changes (no copy of the row per deal).
            // The fit was just computed with these settings (or ICP is off): the fingerprint says so.
            ReviewFlagService.SetSignals(changes, new TargetRecord(changes, deal, null), deal, settings, now, SignalSettingsFingerprint.Of(settings));
            return changes.Attributes.Count == 0 ? null : changes;
        }

        /// <summary>Writes the changed deals with one UpdateMultiple per <see cref="WriteBatchSize"/> rows.</summary>
        public static void Write(IOrganizationService service, IReadOnlyList<Entity> changes)
        {
            foreach (var batch in Batches(changes)) WriteBatch(service, batch);
        }

        /// <summary>The changes in batches of at most <see cref="WriteBatchSize"/>, in their order.</summary>
        public static IEnumerable<IReadOnlyList<Entity>> Batches(IReadOnlyList<Entity> changes)
        {
            for (var start = 0; start < changes.Count; start += WriteBatchSize)
            {
                yield return changes.Skip(start).Take(WriteBatchSize).ToList();
            }
        }

        /// <summary>One UpdateMultiple of opportunities.</summary>
        public static void WriteBatch(IOrganizationService service, IReadOnlyList<Entity> batch) =>
            service.Execute(new UpdateMultipleRequest { Targets = new EntityCollection(batch.ToList()) { EntityName = OpportunityTable.Name } });
    }
}
