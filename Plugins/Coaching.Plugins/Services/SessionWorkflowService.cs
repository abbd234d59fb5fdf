using System;
using System.Linq;
using Coaching.Core.Cadence;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Core.Settings;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// Moves a micro-coaching session through its steps. Pre-operation: refuses a step change the method does
    /// not allow and stamps what the step means on the session itself. Post-operation: creates the tasks of
    /// the agreed next steps and, once done, stamps the opportunity and completes the session.
    /// </summary>
    public static class SessionWorkflowService
    {
        // The opportunity read in pre-operation, handed to post-operation of the same save so it plans the same tasks.
        private const string OpportunityKey = "coach_SessionWorkflow_Opportunity";

        private static readonly string[] OpportunityColumns =
        {
            OpportunityTable.Topic, OpportunityTable.NextInteractionDate, OpportunityTable.NextInteractionGoal,
        };

        /// <summary>
        /// Pre-operation. At most one call: the opportunity, when entering Conduct or Follow up.
        /// </summary>
        public static void CheckStepChange(LocalPluginContext context, TargetRecord record)
        {
            if (!record.Sets(SessionTable.Step)) return;
            var to = StepOf(record.Target) ?? throw new InvalidPluginExecutionException(
                "Choose a coaching step: a micro-coaching session is always in one of Determine, Compile, Conduct, Assign next steps, Follow up or Done.");
            var from = StepOf(record.PreImage) ?? SessionStep.Determine;

            var settings = CoachingSettingsProvider.Get(context);
            var decision = SessionStepRule.Evaluate(from, to, record.Value<string>(SessionTable.ActionItems), settings.Sessions.MaxActionItems);
            context.Trace("Step change {0} to {1}: {2}", from, to, decision.Allowed ? "allowed" : "refused");
            if (!decision.Allowed) throw new InvalidPluginExecutionException(decision.Message);
            if (to <= from) return;

            switch (to)
            {
                case SessionStep.Conduct:
                    StartConversation(context, record, settings.StageGate);
                    break;
                case SessionStep.FollowUp:
                    EndConversation(context, record, settings.Sessions);
                    break;
                case SessionStep.Done:
                    RecordDuration(context, record, settings.Cadence);
                    break;
            }
        }

        /// <summary>
        /// Post-operation. Entering Follow up: one query and up to four tasks (three action items and the
        /// follow-up), only those not created before. Done: the deal's state, then two updates (the opportunity when
        /// it is open, the session's state).
        /// </summary>
        public static void CarryOutStepChange(LocalPluginContext context, TargetRecord record)
        {
            if (!record.Sets(SessionTable.Step)) return;
            var from = StepOf(record.PreImage) ?? SessionStep.Determine;
            var to = StepOf(record.Target);
            var session = record.PostImage ?? record.Target;
            if (from == SessionStep.AssignNextSteps && to == SessionStep.FollowUp)
            {
                CreateNextStepTasks(context, record.Target.Id, session);
            }
            else if (from == SessionStep.FollowUp && to == SessionStep.Done)
            {
                Complete(context, record.Target.Id, session);
            }
        }

        private static void StartConversation(LocalPluginContext context, TargetRecord record, StageGateSettings gate)
        {
            var opportunity = ReadOpportunity(context, record);
            var readiness = ConductReadiness.Check(
                opportunity.GetAttributeValue<string>(OpportunityTable.Topic),
                opportunity.GetAttributeValue<string>(OpportunityTable.NextInteractionGoal),
                opportunity.GetAttributeValue<DateTime?>(OpportunityTable.NextInteractionDate),
                gate,
                context.Now);
            context.Trace("Conduct readiness: {0}", readiness.Allowed ? "ready" : "not ready");
            if (!readiness.Allowed) throw new InvalidPluginExecutionException(readiness.Message);

            // The conversation starts now unless the manager recorded when it really started.
            if (!record.Value<DateTime?>(ActivityColumns.ActualStart).HasValue) record.Target[ActivityColumns.ActualStart] = context.Now;
        }

        private static void EndConversation(LocalPluginContext context, TargetRecord record, SessionSettings sessions)
        {
            var opportunity = ReadOpportunity(context, record);
            var plan = Plan(context, record.Value<string>(SessionTable.ActionItems), opportunity, sessions);
            record.Target[SessionTable.FollowUpDue] = plan.FollowUpTask.Due;
            if (!record.Value<DateTime?>(ActivityColumns.ActualEnd).HasValue) record.Target[ActivityColumns.ActualEnd] = context.Now;
            context.Execution.SharedVariables[OpportunityKey] = opportunity;
            context.Trace("Next steps agreed: {0} action item(s), follow-up due {1:u}", plan.ActionItemTasks.Count, plan.FollowUpTask.Due);
        }

        /// <summary>Minutes between the conversation's start and end, unless the manager entered them; an overlong session is reported, never refused.</summary>
        private static void RecordDuration(LocalPluginContext context, TargetRecord record, CadenceSettings cadence)
        {
            var end = record.Value<DateTime?>(ActivityColumns.ActualEnd);
            if (!end.HasValue)
            {
                end = context.Now;
                record.Target[ActivityColumns.ActualEnd] = end.Value;
            }

            var minutes = record.Value<int?>(SessionTable.DurationMinutes);
            var start = record.Value<DateTime?>(ActivityColumns.ActualStart);
            if (!minutes.HasValue && start.HasValue)
            {
                minutes = new HeldSession(Guid.Empty, null, start.Value, end).Duration;
                record.Target[SessionTable.DurationMinutes] = minutes.Value;
            }

            if (!minutes.HasValue)
            {
                context.Trace("No start recorded: duration unknown");
            }
            else if (minutes.Value > cadence.MaxSessionMinutes)
            {
                context.Trace("Session took {0} minutes, over the {1}-minute maximum: reported in the coaching cadence, not blocked", minutes.Value, cadence.MaxSessionMinutes);
            }
            else
            {
                context.Trace("Session took {0} minutes", minutes.Value);
            }
        }

        private static void CreateNextStepTasks(LocalPluginContext context, Guid sessionId, Entity session)
        {
            var regarding = OpportunityOf(session);
            var opportunity = context.Execution.SharedVariables.TryGetValue(OpportunityKey, out Entity shared)
                ? shared
                : context.SystemService.Retrieve(OpportunityTable.Name, regarding.Id, new ColumnSet(OpportunityColumns));
            var plan = Plan(context, session.GetAttributeValue<string>(SessionTable.ActionItems), opportunity, CoachingSettingsProvider.Get(context).Sessions);

            var rep = session.GetAttributeValue<EntityReference>(SessionTable.Rep);
            var manager = session.GetAttributeValue<EntityReference>(ActivityColumns.Owner);
            var wanted = plan.ActionItemTasks
                .Select((task, i) => CoachingTasks.New(CoachingTasks.ActionItemTaskId(sessionId, i + 1), task, regarding, rep, TaskTable.ActionItemSubcategory))
                .Concat(new[] { CoachingTasks.New(CoachingTasks.FollowUpTaskId(sessionId), plan.FollowUpTask, regarding, manager, TaskTable.FollowUpSubcategory) })
                .ToList();

            // A session sent back to Assign next steps and on again keeps the tasks it already has.
            var existing = CoachingTasks.Existing(context.SystemService, wanted.Select(t => t.Id).ToList()).Select(t => t.Id).ToList();
            var created = 0;
            foreach (var task in wanted.Where(t => !existing.Contains(t.Id)))
            {
                context.SystemService.Create(task);
                created++;
            }

            context.Trace("Created {0} of {1} next-step task(s); {2} existed", created, wanted.Count, existing.Count);
        }

        private static void Complete(LocalPluginContext context, Guid sessionId, Entity session)
        {
            var regarding = session.GetAttributeValue<EntityReference>(ActivityColumns.Regarding);
            if (regarding != null && regarding.LogicalName == OpportunityTable.Name)
            {
                // A won or lost deal is read-only (the platform refuses the write) and off the agenda the stamp ranks.
                var state = context.SystemService.Retrieve(OpportunityTable.Name, regarding.Id, new ColumnSet(OpportunityTable.State))
                    .GetAttributeValue<OptionSetValue>(OpportunityTable.State)?.Value ?? (int)OpportunityState.Open;
                if (state == (int)OpportunityState.Open)
                {
                    context.SystemService.Update(new Entity(OpportunityTable.Name, regarding.Id) { [OpportunityTable.LastCoachedOn] = context.Now });
                }
                else
                {
                    context.Trace("The deal is closed: not stamped as coached");
                }
            }

            // Done is the end of the session: complete the activity, so it leaves the open lists and a new session can start.
            context.SystemService.Update(new Entity(SessionTable.Name, sessionId)
            {
                [ActivityColumns.State] = new OptionSetValue(ActivityState.Completed),
                [ActivityColumns.Status] = new OptionSetValue(SessionTable.CompletedStatus),
            });
            context.Trace("Session done: opportunity stamped as coached, session completed");
        }

        private static NextStepsPlan Plan(LocalPluginContext context, string? actionItems, Entity opportunity, SessionSettings sessions) =>
            NextStepsPlanner.Plan(
                ActionItems.Parse(actionItems, sessions.MaxActionItems).Items,
                opportunity.GetAttributeValue<string>(OpportunityTable.Topic),
                opportunity.GetAttributeValue<DateTime?>(OpportunityTable.NextInteractionDate),
                opportunity.GetAttributeValue<string>(OpportunityTable.NextInteractionGoal),
                sessions.PrepLeadHours,
                context.Now);

        private static Entity ReadOpportunity(LocalPluginContext context, TargetRecord record)
        {
            var regarding = OpportunityOf(record.Value<EntityReference>(ActivityColumns.Regarding));
            return context.SystemService.Retrieve(OpportunityTable.Name, regarding.Id, new ColumnSet(OpportunityColumns));
        }

        private static EntityReference OpportunityOf(Entity session) => OpportunityOf(session.GetAttributeValue<EntityReference>(ActivityColumns.Regarding));

        private static EntityReference OpportunityOf(EntityReference? regarding)
        {
            if (regarding == null || regarding.LogicalName != OpportunityTable.Name)
            {
                throw new InvalidPluginExecutionException("Set Regarding to the opportunity this micro-coaching session is about, then change the step again.");
            }

            return regarding;
        }

        private static SessionStep? StepOf(Entity? session)
        {
            var value = session?.GetAttributeValue<OptionSetValue>(SessionTable.Step)?.Value;
            return value.HasValue && SessionSteps.IsDefined(value.Value) ? (SessionStep)value.Value : (SessionStep?)null;
        }
    }
}
