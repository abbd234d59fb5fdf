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
    /// The stored coaching signals of an open deal (ICP fit, review flag and reasons) recomputed outside a save of
    /// the deal: by the daily refresh (time passed, settings changed) and by an account change. Only what differs
    /// from what is stored is written, in bulk.
    /// </summary>
    public static class DealSignals
    {
        /// <summary>Largest UpdateMultiple batch the refresh and the rescore send.</summary>
        public const int WriteBatchSize = 1000;

        /// <summary>What a deal row must carry: the rules' inputs and the stored signals they are compared with.</summary>
        public static readonly string[] DealColumns = ReviewFlagService.RuleColumns.Concat(new[]
        {
            OpportunityTable.Customer, OpportunityTable.ParentAccount, OpportunityTable.ReviewFlag, OpportunityTable.ReviewReasons,
            OpportunityTable.IcpFitBand, OpportunityTable.IcpFitReasons,
        }).Distinct().ToArray();

        /// <summary>
        /// The changed columns of one deal, or null when its stored signals are right.
        /// </summary>
        /// <param name="deal">A row with <see cref="DealColumns"/>.</param>
        /// <param name="account">The ICP's view of the deal's account (null when it has none); ignored while ICP is off.</param>
        public static Entity? Changes(Entity deal, IcpAccount? account, CoachingSettings settings, DateTime now)
        {
            var changes = new Entity(OpportunityTable.Name, deal.Id);
            var current = new Entity(OpportunityTable.Name, deal.Id);
            foreach (var column in deal.Attributes.Where(a => !(a.Value is AliasedValue))) current[column.Key] = column.Value;

            if (settings.Icp.Enabled)
            {
                var fit = IcpFitRule.Evaluate(account, deal.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value, settings.Icp);
                IcpFitService.SetChanges(changes, deal, fit);
                current[OpportunityTable.IcpFitScore] = fit.Score;
            }

            var review = ReviewFlagService.Evaluate(new TargetRecord(current, null, null), settings, now);
            ReviewFlagService.SetChanges(changes, deal, review);
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

        /// <summary>The account columns a query joined under <paramref name="alias"/>; null when the join found no account.</summary>
        public static IcpAccount? AccountFromLink(Entity row, string alias)
        {
            if (!row.Contains(alias + "." + AccountTable.Id)) return null;
            var account = new Entity(AccountTable.Name);
            foreach (var column in IcpFitService.AccountColumns)
            {
                if (row.GetAttributeValue<AliasedValue>(alias + "." + column) is { } value) account[column] = value.Value;
            }

            return OpportunityValues.ToIcpAccount(account);
        }
    }
}
