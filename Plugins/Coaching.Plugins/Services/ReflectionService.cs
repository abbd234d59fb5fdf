using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// The reflection loop: a completed buyer interaction gives the rep a task asking the two questions;
    /// completing that task files the answers into the opportunity's open micro-coaching session, or, when
    /// none is open, the next session to open on the opportunity gathers them.
    /// </summary>
    public static class ReflectionService
    {
        /// <summary>An appointment or phone call was completed: two calls (is there a reflection task already? create it).</summary>
        public static void AskForReflection(LocalPluginContext context, TargetRecord record)
        {
            if (!IsCompletedNow(record)) return;
            var interaction = record.PostImage ?? record.Target;
            var regarding = interaction.GetAttributeValue<EntityReference>(ActivityColumns.Regarding);
            if (regarding == null || regarding.LogicalName != OpportunityTable.Name)
            {
                context.Trace("Completed interaction is not regarding an opportunity: no reflection");
                return;
            }

            var taskId = CoachingTasks.ReflectionTaskId(record.Target.Id);
            if (CoachingTasks.Existing(context.SystemService, new[] { taskId }).Count > 0)
            {
                context.Trace("The reflection task for this interaction exists already");
                return;
            }

            var kind = context.Execution.PrimaryEntityName == InteractionTables.PhoneCall ? "phone call" : "appointment";
            var planned = Reflection.Task(
                kind,
                interaction.GetAttributeValue<string>(ActivityColumns.Subject),
                interaction.GetAttributeValue<DateTime?>(ActivityColumns.ActualEnd) ?? context.Now,
                context.Now);
            var rep = interaction.GetAttributeValue<EntityReference>(ActivityColumns.Owner);
            context.SystemService.Create(CoachingTasks.New(taskId, planned, regarding, rep, TaskTable.ReflectionSubcategory));
            context.Trace("Asked for a reflection on the completed {0}, due {1:u}", kind, planned.Due);
        }

        /// <summary>A reflection task was completed: two calls (the open session, its update), none when there is nothing to file.</summary>
        public static void FileAnswers(LocalPluginContext context, TargetRecord record)
        {
            if (!IsCompletedNow(record)) return;
            var task = record.PostImage ?? record.Target;
            if (task.GetAttributeValue<string>(TaskTable.Subcategory) != TaskTable.ReflectionSubcategory) return;

            var answers = Reflection.Parse(task.GetAttributeValue<string>(ActivityColumns.Description));
            var regarding = task.GetAttributeValue<EntityReference>(ActivityColumns.Regarding);
            if (!answers.HasAnswers || regarding == null || regarding.LogicalName != OpportunityTable.Name)
            {
                context.Trace("Reflection completed without answers under the questions, or not on an opportunity: nothing to file");
                return;
            }

            var session = OpenSession(context.SystemService, regarding.Id);
            if (session == null)
            {
                context.Trace("No open micro-coaching session on the opportunity: the next session to open gathers the answers");
                return;
            }

            var label = Reflection.Label(task.GetAttributeValue<string>(ActivityColumns.Subject), context.Now);
            var update = new Entity(SessionTable.Name, session.Id);
            File(update, session, answers, label);
            if (update.Attributes.Count == 0)
            {
                context.Trace("The session holds these answers already");
                return;
            }

            context.SystemService.Update(update);
            context.Trace("Filed {0} answer(s) into the open session", update.Attributes.Count);
        }

        /// <summary>
        /// A session opens (pre-operation, into its Target): it gathers the reflections completed while no session
        /// was open, i.e. since the opportunity's previous session closed (all of them when there was none).
        /// Two queries, no write; one query when the previous session is still open (it holds them).
        /// </summary>
        public static void GatherIntoNewSession(LocalPluginContext context, TargetRecord record)
        {
            var regarding = record.Target.GetAttributeValue<EntityReference>(ActivityColumns.Regarding);
            if (regarding == null || regarding.LogicalName != OpportunityTable.Name) return;

            var previous = LatestSession(context.SystemService, regarding.Id);
            var previousState = previous?.GetAttributeValue<OptionSetValue>(ActivityColumns.State)?.Value ?? ActivityState.Completed;
            if (previousState == ActivityState.Open)
            {
                context.Trace("The previous session is still open and holds the reflections answered since it opened");
                return;
            }

            var closedOn = previous?.GetAttributeValue<DateTime?>(ActivityColumns.ModifiedOn) ?? DateTime.MinValue;
            var reflections = AnsweredSince(context.SystemService, regarding.Id, closedOn);
            foreach (var task in reflections)
            {
                var label = Reflection.Label(task.GetAttributeValue<string>(ActivityColumns.Subject), task.GetAttributeValue<DateTime>(ActivityColumns.ModifiedOn));
                File(record.Target, record.Target, Reflection.Parse(task.GetAttributeValue<string>(ActivityColumns.Description)), label);
            }

            context.Trace("Gathered {0} reflection(s) answered while no session was open", reflections.Count);
        }

        /// <summary>statecode became Completed in this save (not a save of an already completed record).</summary>
        private static bool IsCompletedNow(TargetRecord record) =>
            record.Target.GetAttributeValue<OptionSetValue>(ActivityColumns.State)?.Value == ActivityState.Completed
            && record.PreImage?.GetAttributeValue<OptionSetValue>(ActivityColumns.State)?.Value != ActivityState.Completed;

        private static void File(Entity update, Entity session, ReflectionAnswers answers, string label)
        {
            File(update, session, SessionTable.WentWell, answers.WentWell, label);
            File(update, session, SessionTable.NotAsExpected, answers.NotAsExpected, label);
        }

        // Appends, so reflections on several interactions before one session all reach it; a replay adds nothing.
        private static void File(Entity update, Entity session, string column, string? answer, string label)
        {
            if (answer == null) return;
            var existing = session.GetAttributeValue<string>(column);
            if (existing != null && existing.Contains(answer)) return;
            update[column] = Reflection.Append(existing, answer, label, SessionTable.ReflectionMaxLength);
        }

        /// <summary>The opportunity's latest session (the one being created is not stored yet).</summary>
        private static Entity? LatestSession(IOrganizationService service, Guid opportunityId)
        {
            var query = new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.State, ActivityColumns.ModifiedOn), TopCount = 1 };
            query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, opportunityId);
            query.AddOrder(ActivityColumns.CreatedOn, OrderType.Descending);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        /// <summary>Completed reflection tasks last changed (completed: a completed task is read-only) after <paramref name="since"/>, oldest first.</summary>
        private static IReadOnlyList<Entity> AnsweredSince(IOrganizationService service, Guid opportunityId, DateTime since)
        {
            var query = new QueryExpression(TaskTable.Name)
            {
                ColumnSet = new ColumnSet(ActivityColumns.Subject, ActivityColumns.Description, ActivityColumns.ModifiedOn),
            };
            query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, opportunityId);
            query.Criteria.AddCondition(TaskTable.Subcategory, ConditionOperator.Equal, TaskTable.ReflectionSubcategory);
            query.Criteria.AddCondition(ActivityColumns.State, ConditionOperator.Equal, ActivityState.Completed);
            if (since > DateTime.MinValue) query.Criteria.AddCondition(ActivityColumns.ModifiedOn, ConditionOperator.GreaterThan, since);
            query.AddOrder(ActivityColumns.ModifiedOn, OrderType.Ascending);
            return service.RetrieveMultiple(query).Entities;
        }

        /// <summary>The opportunity's open session (the latest, should there be several).</summary>
        private static Entity? OpenSession(IOrganizationService service, Guid opportunityId)
        {
            var query = new QueryExpression(SessionTable.Name)
            {
                ColumnSet = new ColumnSet(SessionTable.WentWell, SessionTable.NotAsExpected),
                TopCount = 1,
            };
            query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, opportunityId);
            query.Criteria.AddCondition(ActivityColumns.State, ConditionOperator.Equal, ActivityState.Open);
            query.AddOrder(ActivityColumns.CreatedOn, OrderType.Descending);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }
    }
}
