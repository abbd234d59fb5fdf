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
        private static readonly string[] AccountColumns =
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
            var accounts = ReadAccounts(context.UserService, toScore.Select(OpportunityValues.Account).Where(a => a != null).Select(a => a!.Id).Distinct().ToList());
            foreach (var record in toScore)
            {
                var accountRef = OpportunityValues.Account(record);
                var account = accountRef != null && accounts.TryGetValue(accountRef.Id, out var found) ? OpportunityValues.ToIcpAccount(found) : null;
                var fit = IcpFitRule.Evaluate(account, OpportunityValues.Money(record, OpportunityTable.EstimatedValue), settings);
                record.Target[OpportunityTable.IcpFitScore] = fit.Score;
                record.Target[OpportunityTable.IcpFitBand] = new OptionSetValue((int)fit.Band);
                record.Target[OpportunityTable.IcpFitReasons] = fit.ReasonsText;
                context.Trace("ICP fit {0} ({1})", fit.Band, fit.Score?.ToString() ?? "no score");
            }
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
