using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Review;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>The pipeline-meeting agenda: open deals flagged for review in an early stage, in coaching priority.</summary>
    public static class ReviewAgendaService
    {
        private const string OwnerAlias = "owner";
        private const string TeamAdministratorAlias = "teamadmin";

        private static readonly string[] Columns =
        {
            OpportunityTable.Topic, OpportunityTable.Owner, OpportunityTable.SalesStage, OpportunityTable.StepName,
            OpportunityTable.EstimatedValue, OpportunityTable.IcpFitScore, OpportunityTable.LastCoachedOn,
            OpportunityTable.EstimatedCloseDate, OpportunityTable.ReviewReasons,
        };

        /// <summary>One query (plus the settings when not cached). Either filter may be null: all flagged deals the caller can see.</summary>
        /// <param name="managerId">
        /// Only deals owned by this manager's direct reports, or by teams one of them administers (the rep a team-owned deal is coached through).
        /// </param>
        /// <param name="ownerId">Only deals owned by this user.</param>
        public static EntityCollection Agenda(IOperationContext context, Guid? managerId, Guid? ownerId)
        {
            var settings = CoachingSettingsProvider.Get(context);
            var deals = FlaggedDeals(context.UserService, managerId, ownerId)
                .Where(d => OpportunityValues.Stage(d.GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage)?.Value, d.GetAttributeValue<string>(OpportunityTable.StepName)) is { } stage
                            && settings.Review.EarlyStages.Contains(stage))
                .ToDictionary(d => d.Id);

            var agenda = ReviewAgenda.Order(deals.Values.Select(ToAgendaDeal), settings.Icp.Bands, settings.Review, context.Now);
            context.Trace("Agenda of {0} flagged early-stage deal(s)", agenda.Count);
            return new EntityCollection(agenda.Select(item => ToRow(item, deals[item.Deal.OpportunityId])).ToList());
        }

        private static IEnumerable<Entity> FlaggedDeals(IOrganizationService service, Guid? managerId, Guid? ownerId)
        {
            var query = new QueryExpression(OpportunityTable.Name) { ColumnSet = new ColumnSet(Columns) };
            query.Criteria.AddCondition(OpportunityTable.State, ConditionOperator.Equal, (int)Core.Opportunities.OpportunityState.Open);
            query.Criteria.AddCondition(OpportunityTable.ReviewFlag, ConditionOperator.Equal, true);
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

            return service.RetrieveMultiple(query).Entities;
        }

        private static AgendaDeal ToAgendaDeal(Entity deal) => new AgendaDeal(
            deal.Id,
            deal.GetAttributeValue<string>(OpportunityTable.Topic),
            deal.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value,
            deal.GetAttributeValue<int?>(OpportunityTable.IcpFitScore),
            deal.GetAttributeValue<DateTime?>(OpportunityTable.LastCoachedOn),
            deal.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate));

        // An untyped (expando) row: the Web API and Power Automate read its columns by name.
        private static Entity ToRow(AgendaItem item, Entity deal)
        {
            var row = new Entity
            {
                [AgendaRow.Rank] = item.Rank,
                [AgendaRow.Priority] = item.Priority,
                [AgendaRow.Opportunity] = new EntityReference(OpportunityTable.Name, deal.Id) { Name = item.Deal.Name },
                [AgendaRow.Topic] = item.Deal.Name,
                [AgendaRow.Owner] = deal.GetAttributeValue<EntityReference>(OpportunityTable.Owner),
                [AgendaRow.EstimatedValue] = item.Deal.EstimatedValue,
                [AgendaRow.IcpFitScore] = item.Deal.IcpScore,
                [AgendaRow.LastCoachedOn] = item.Deal.LastCoachedOn,
                [AgendaRow.EstimatedCloseDate] = item.Deal.EstimatedCloseDate,
                [AgendaRow.ReviewReasons] = deal.GetAttributeValue<string>(OpportunityTable.ReviewReasons),
                [AgendaRow.PriorityReasons] = item.PriorityReasonsText,
            };
            foreach (var empty in row.Attributes.Where(a => a.Value == null).Select(a => a.Key).ToList()) row.Attributes.Remove(empty);
            return row;
        }
    }
}
