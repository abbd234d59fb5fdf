using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.StageGate;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    public static class StageGateService
    {
        private const string OpportunityAlias = "opportunity";
        private const string StageAlias = "stage";

        /// <summary>salesstage / stepname changes: everything needed is in the Target and pre-image (no calls).</summary>
        public static void CheckSalesStageMove(LocalPluginContext context, TargetRecord record)
        {
            var from = OpportunityValues.StageBefore(record.PreImage);
            var to = OpportunityValues.StageAfter(record);
            if (to == null) return;

            var state = OpportunityValues.State(record);
            var move = new StageMove(
                record.Value<string>(OpportunityTable.Topic),
                (int?)from,
                (int)to.Value,
                to.Value.ToString(),
                OpportunityValues.IsForwardMove(from, to),
                record.Value<string>(OpportunityTable.NextInteractionGoal),
                record.Value<DateTime?>(OpportunityTable.NextInteractionDate),
                IsClose: state != OpportunityState.Open);
            Enforce(context, move);
        }

        /// <summary>
        /// Business process flow stage moves: one query reads the opportunity and the requested stage
        /// (the flow instance joined to its opportunity and, through its process, to the stage).
        /// Forward means the stage is not on the path already traversed.
        /// </summary>
        public static void CheckProcessStageMove(LocalPluginContext context, TargetRecord record)
        {
            var newStage = ProcessFlowMove.ForwardStage(record);
            if (newStage == null)
            {
                context.Trace("Process stage move is backward or repeated: allowed");
                return;
            }

            var row = ReadFlowContext(context.UserService, record.Target.Id, newStage.Id);
            if (row == null)
            {
                context.Trace("No opportunity found for the process instance: nothing to gate");
                return;
            }

            var category = Aliased<OptionSetValue>(row, StageAlias, ProcessStageTable.Category)?.Value;
            var stageName = Aliased<string>(row, StageAlias, ProcessStageTable.StageName);
            int? toIndex = category.HasValue && SalesStages.IsDefined(category.Value)
                ? category
                : SalesStages.TryParse(stageName, out var parsed) ? (int)parsed : (int?)null;
            var state = Aliased<OptionSetValue>(row, OpportunityAlias, OpportunityTable.State)?.Value ?? 0;

            var move = new StageMove(
                Aliased<string>(row, OpportunityAlias, OpportunityTable.Topic),
                Aliased<OptionSetValue>(row, OpportunityAlias, OpportunityTable.SalesStage)?.Value,
                toIndex,
                stageName,
                true,
                Aliased<string>(row, OpportunityAlias, OpportunityTable.NextInteractionGoal),
                Aliased<DateTime?>(row, OpportunityAlias, OpportunityTable.NextInteractionDate),
                IsClose: state != 0);
            Enforce(context, move);
        }

        private static void Enforce(LocalPluginContext context, StageMove move)
        {
            var settings = CoachingSettingsProvider.Get(context).StageGate;
            var decision = StageGateRule.Evaluate(move, settings, context.Now);
            context.Trace("Stage move to {0} (forward: {1}): {2}", move.ToStageIndex?.ToString() ?? "?", move.IsForward, decision.Allowed ? "allowed" : "blocked");
            if (!decision.Allowed)
            {
                throw new InvalidPluginExecutionException(decision.Message);
            }
        }

        private static Entity? ReadFlowContext(IOrganizationService service, Guid flowInstanceId, Guid stageId)
        {
            var query = new QueryExpression(OpportunitySalesProcessTable.Name) { ColumnSet = new ColumnSet(), TopCount = 1 };
            query.Criteria.AddCondition(OpportunitySalesProcessTable.Id, ConditionOperator.Equal, flowInstanceId);

            var opportunity = query.AddLink(OpportunityTable.Name, OpportunitySalesProcessTable.Opportunity, OpportunityTable.Id);
            opportunity.EntityAlias = OpportunityAlias;
            opportunity.Columns = new ColumnSet(
                OpportunityTable.Topic, OpportunityTable.SalesStage, OpportunityTable.State,
                OpportunityTable.NextInteractionGoal, OpportunityTable.NextInteractionDate);

            var stage = query.AddLink(ProcessStageTable.Name, OpportunitySalesProcessTable.Process, ProcessStageTable.Process, JoinOperator.LeftOuter);
            stage.EntityAlias = StageAlias;
            stage.Columns = new ColumnSet(ProcessStageTable.StageName, ProcessStageTable.Category);
            stage.LinkCriteria.AddCondition(ProcessStageTable.Id, ConditionOperator.Equal, stageId);

            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private static T Aliased<T>(Entity row, string alias, string column)
        {
            var value = row.GetAttributeValue<AliasedValue>(alias + "." + column)?.Value;
            return value is T typed ? typed : default!;
        }
    }
}
