using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Review;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// The pipeline-meeting agenda: open early-stage deals the review rule flags at the moment of the call, in
    /// coaching priority. The rule is evaluated here, not read from the stored flag: time-based reasons (stale,
    /// closing soon, dates passed) become true without a save, and the stored flag is only a cache for views and forms.
    /// </summary>
    public static class ReviewAgendaService
    {
        private const string OwnerAlias = "owner";
        private const string TeamAdministratorAlias = "teamadmin";

        /// <summary>Rows a page of the agenda query returns (the platform's largest page).</summary>
        public const int PageSize = 5000;

        private static readonly string[] Columns = ReviewFlagService.RuleColumns.Concat(new[]
        {
            OpportunityTable.Topic, OpportunityTable.Owner, OpportunityTable.LastCoachedOn,
        }).Distinct().ToArray();

        /// <summary>
        /// One query, paged by 5,000 (plus the settings when not cached). Either filter may be null: every open
        /// deal the caller can see.
        /// </summary>
        /// <param name="managerId">
        /// Only deals owned by this manager's direct reports, or by teams one of them administers (the rep a team-owned deal is coached through).
        /// </param>
        /// <param name="ownerId">Only deals owned by this user.</param>
        public static EntityCollection Agenda(IOperationContext context, Guid? managerId, Guid? ownerId)
        {
            var settings = CoachingSettingsProvider.Get(context);
            if (!settings.Review.Enabled)
            {
                context.Trace("Pipeline review is switched off in the settings: empty agenda");
                return new EntityCollection();
            }

            var flagged = new Dictionary<Guid, FlaggedDeal>();
            var read = 0;
            foreach (var deal in OpenEarlyDeals(context.UserService, managerId, ownerId, settings.Review.EarlyStages))
            {
                read++;
                var review = ReviewFlagService.Evaluate(new TargetRecord(deal, null, null), settings, context.Now);
                if (review.Flag) flagged[deal.Id] = new FlaggedDeal(deal, review);
            }

            var agenda = ReviewAgenda.Order(flagged.Values.Select(f => ToAgendaDeal(f.Deal)), settings.Icp.Bands, settings.Review, context.Now);
            context.Trace("Agenda of {0} flagged early-stage deal(s) out of {1} open", agenda.Count, read);
            return new EntityCollection(agenda.Select(item => ToRow(item, flagged[item.Deal.OpportunityId])).ToList());
        }

        /// <summary>Open deals in an early stage, or with no sales stage (the rule reads their step name), page by page.</summary>
        private static IEnumerable<Entity> OpenEarlyDeals(IOrganizationService service, Guid? managerId, Guid? ownerId, IReadOnlyList<SalesStage> earlyStages)
        {
            var query = new QueryExpression(OpportunityTable.Name)
            {
                ColumnSet = new ColumnSet(Columns),
                PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
            };
            query.Criteria.AddCondition(OpportunityTable.State, ConditionOperator.Equal, (int)OpportunityState.Open);
            var stage = query.Criteria.AddFilter(LogicalOperator.Or);
            stage.AddCondition(OpportunityTable.SalesStage, ConditionOperator.In, earlyStages.Select(s => (object)(int)s).ToArray());
            stage.AddCondition(OpportunityTable.SalesStage, ConditionOperator.Null);
            if (ownerId.HasValue) query.Criteria.AddCondition(OpportunityTable.Owner, ConditionOperator.Equal, ownerId.Value);
            if (managerId.HasValue)
            {
                var owner = query.AddLink(SystemUserTable.Name, OpportunityTable.Owner, SystemUserTable.Id, JoinOperator.LeftOuter);
                owner.EntityAlias = OwnerAlias;
                var team = query.AddLink(TeamTable.Name, OpportunityTable.Owner, TeamTable.Id, JoinOperator.LeftOuter);
                var administrator = team.AddLink(SystemUserTable.Name, TeamTable.Administrator, SystemUserTable.Id, JoinOperator.LeftOuter);
                administrator.EntityAlias = TeamAdministratorAlias;

                var reportsToManager = new FilterExpression(LogicalOperator.Or);
                reportsToManager.AddCondition(OwnerAlias, SystemUserTable.Manager, ConditionOperator.Equal, managerId.Value);
                reportsToManager.AddCondition(TeamAdministratorAlias, SystemUserTable.Manager, ConditionOperator.Equal, managerId.Value);
                query.Criteria.AddFilter(reportsToManager);
            }

            query.AddOrder(OpportunityTable.Id, OrderType.Ascending);
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                foreach (var deal in page.Entities) yield return deal;
                if (!page.MoreRecords) yield break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        private static AgendaDeal ToAgendaDeal(Entity deal) => new AgendaDeal(
            deal.Id,
            deal.GetAttributeValue<string>(OpportunityTable.Topic),
            deal.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value,
            deal.GetAttributeValue<int?>(OpportunityTable.IcpFitScore),
            deal.GetAttributeValue<DateTime?>(OpportunityTable.LastCoachedOn),
            deal.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate));

        // An untyped (expando) row: the Web API and Power Automate read its columns by name.
        private static Entity ToRow(AgendaItem item, FlaggedDeal flagged)
        {
            var row = new Entity
            {
                [AgendaRow.Rank] = item.Rank,
                [AgendaRow.Priority] = item.Priority,
                [AgendaRow.Opportunity] = new EntityReference(OpportunityTable.Name, flagged.Deal.Id) { Name = item.Deal.Name },
                [AgendaRow.Topic] = item.Deal.Name,
                [AgendaRow.Owner] = flagged.Deal.GetAttributeValue<EntityReference>(OpportunityTable.Owner),
                [AgendaRow.EstimatedValue] = item.Deal.EstimatedValue,
                [AgendaRow.IcpFitScore] = item.Deal.IcpScore,
                [AgendaRow.LastCoachedOn] = item.Deal.LastCoachedOn,
                [AgendaRow.EstimatedCloseDate] = item.Deal.EstimatedCloseDate,
                [AgendaRow.ReviewReasons] = flagged.Review.ReasonsText,
                [AgendaRow.PriorityReasons] = item.PriorityReasonsText,
            };
            foreach (var empty in row.Attributes.Where(a => a.Value == null).Select(a => a.Key).ToList()) row.Attributes.Remove(empty);
            return row;
        }

        private sealed class FlaggedDeal
        {
            public FlaggedDeal(Entity deal, ReviewFlagResult review)
            {
                Deal = deal;
                Review = review;
            }

            public Entity Deal { get; }

            public ReviewFlagResult Review { get; }
        }
    }
}
