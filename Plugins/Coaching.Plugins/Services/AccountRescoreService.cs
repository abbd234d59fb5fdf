using System;
using Coaching.Core.Icp;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// An account's industry, size, revenue or country changed: its open deals (the account is their parent
    /// account, or their customer when they have no parent account) get their ICP fit, and with it the review
    /// flag, recomputed. One query, then one UpdateMultiple per 1,000 changed deals; closed deals keep the fit they
    /// closed with.
    /// </summary>
    public static class AccountRescoreService
    {
        public static void Rescore(IOperationContext context, Entity account)
        {
            var settings = CoachingSettingsProvider.Get(context);
            if (!settings.Icp.Enabled)
            {
                context.Trace("ICP fit is switched off in the settings: nothing to rescore");
                return;
            }

            var icpAccount = IcpFitRule.ScoreAccount(OpportunityValues.ToIcpAccount(account), settings.Icp);
            var deals = OpenDealsOf(context.SystemService, account.Id);
            var changes = deals.Select(deal => DealSignals.Changes(deal, icpAccount, settings, context.Now)).Where(c => c != null).Select(c => c!).ToList();
            DealSignals.Write(context.SystemService, changes);
            context.Trace("Rescored {0} open deal(s) of the account, {1} changed", deals.Count, changes.Count);
        }

        // The coaching automation, not the person who corrected the account, keeps every deal's fit right: system service.
        private static IReadOnlyList<Entity> OpenDealsOf(IOrganizationService service, Guid accountId)
        {
            var query = new QueryExpression(OpportunityTable.Name) { ColumnSet = new ColumnSet(DealSignals.DealColumns) };
            query.Criteria.AddCondition(OpportunityTable.State, ConditionOperator.Equal, (int)OpportunityState.Open);
            var ofAccount = query.Criteria.AddFilter(LogicalOperator.Or);
            ofAccount.AddCondition(OpportunityTable.ParentAccount, ConditionOperator.Equal, accountId);
            var asCustomer = ofAccount.AddFilter(LogicalOperator.And);
            asCustomer.AddCondition(OpportunityTable.ParentAccount, ConditionOperator.Null);
            asCustomer.AddCondition(OpportunityTable.Customer, ConditionOperator.Equal, accountId);
            return service.RetrieveMultiple(query).Entities.ToList();
        }
    }
}
