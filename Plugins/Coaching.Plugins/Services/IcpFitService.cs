using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Icp;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    public static class IcpFitService
    {
        /// <summary>The account columns the ICP reads: a change to any of them rescores the account's open deals.</summary>
        public static readonly string[] AccountColumns =
        {
            AccountTable.Industry, AccountTable.Employees, AccountTable.Revenue, AccountTable.Country,
        };

        private static readonly string[] ScoredColumns =
        {
            OpportunityTable.Customer, OpportunityTable.ParentAccount, OpportunityTable.EstimatedValue,
        };

        /// <summary>Scores every record in the batch with one account query for all distinct accounts.</summary>
        public static void Score(IOperationContext context, IReadOnlyList<TargetRecord> records)
        {
            var toScore = records.Where(r => r.PreImage == null || ScoredColumns.Any(r.Sets)).ToList();
            if (toScore.Count == 0) return;

            var settings = CoachingSettingsProvider.Get(context).Icp;
            if (!settings.Enabled)
            {
                context.Trace("ICP fit is switched off in the settings");
                return;
            }

            // As the caller: the platform leaves out accounts they may not read, and the result then says so.
            var accounts = ReadAccounts(context.UserService, toScore.Select(OpportunityValues.Account).Where(a => a != null).Select(a => a!.Id).Distinct().ToList());
            foreach (var record in toScore)
            {
                var accountRef = OpportunityValues.Account(record);
                var dealValue = OpportunityValues.Money(record, OpportunityTable.EstimatedValue);
                Entity? found = null;
                var hidden = accountRef != null && !accounts.TryGetValue(accountRef.Id, out found);
                var fit = hidden
                    ? IcpFitRule.EvaluateWithHiddenAccount(dealValue, settings)
                    : IcpFitRule.Evaluate(found == null ? null : OpportunityValues.ToIcpAccount(found), dealValue, settings);
                SetChanges(record.Target, null, fit);
                // Scored without the account: not what the settings give, so the stored fingerprint is cleared and the daily
                // refresh (run by someone who sees the account) scores it again.
                if (hidden) record.Target[OpportunityTable.SignalsSettings] = null;
                context.Trace("ICP fit {0} ({1})", fit.Band, fit.Score?.ToString() ?? "no score");
            }
        }

        /// <summary>
        /// Puts into <paramref name="changes"/> the score, band and reasons that differ from <paramref name="stored"/>
        /// (all three when nothing is stored).
        /// </summary>
        /// <returns>True when something differs.</returns>
        public static bool SetChanges(Entity changes, Entity? stored, IcpFitResult fit)
        {
            var changed = false;
            if (stored == null || stored.GetAttributeValue<int?>(OpportunityTable.IcpFitScore) != fit.Score)
            {
                changes[OpportunityTable.IcpFitScore] = fit.Score;
                changed = true;
            }

            if (stored == null || stored.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand)?.Value != (int)fit.Band)
            {
                changes[OpportunityTable.IcpFitBand] = new OptionSetValue((int)fit.Band);
                changed = true;
            }

            if (stored == null || stored.GetAttributeValue<string>(OpportunityTable.IcpFitReasons) != fit.ReasonsText)
            {
                changes[OpportunityTable.IcpFitReasons] = fit.ReasonsText;
                changed = true;
            }

            return changed;
        }

        private static Dictionary<Guid, Entity> ReadAccounts(IOrganizationService service, IReadOnlyCollection<Guid> ids)
        {
            if (ids.Count == 0) return new Dictionary<Guid, Entity>();
            var query = new QueryExpression(AccountTable.Name) { ColumnSet = new ColumnSet(AccountColumns) };
            query.Criteria.AddCondition(AccountTable.Id, ConditionOperator.In, ids.Cast<object>().ToArray());
            return service.RetrieveMultiple(query).Entities.ToDictionary(a => a.Id);
        }
    }
}
