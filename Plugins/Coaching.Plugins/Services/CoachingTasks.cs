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
    /// The rep's and manager's coaching tasks: ordinary tasks regarding the opportunity, category
    /// "Micro-coaching", told apart by subcategory, with ids derived from what they belong to.
    /// </summary>
    public static class CoachingTasks
    {
        /// <summary>Action items per session never exceed this (sessions.maxActionItems is 1–3).</summary>
        public const int MaxActionItemsPerSession = 3;

        /// <summary>The task of the action item at <paramref name="position"/> (1-based) agreed in a session.</summary>
        public static Guid ActionItemTaskId(Guid sessionId, int position) => DerivedId.Of(sessionId, "action item " + position);

        public static Guid FollowUpTaskId(Guid sessionId) => DerivedId.Of(sessionId, "follow-up");

        public static Guid ReflectionTaskId(Guid interactionId) => DerivedId.Of(interactionId, "reflection");

        /// <summary>Every task id a session's action items can have, in position order.</summary>
        public static Guid[] ActionItemTaskIds(Guid sessionId) =>
            Enumerable.Range(1, MaxActionItemsPerSession).Select(position => ActionItemTaskId(sessionId, position)).ToArray();

        public static Entity New(Guid id, PlannedTask planned, EntityReference regarding, EntityReference? owner, string subcategory)
        {
            var task = new Entity(TaskTable.Name, id)
            {
                [ActivityColumns.Subject] = planned.Subject,
                [ActivityColumns.Description] = planned.Description,
                [ActivityColumns.Regarding] = regarding,
                [ActivityColumns.Due] = planned.Due,
                [TaskTable.Category] = TaskTable.CoachingCategory,
                [TaskTable.Subcategory] = subcategory,
            };
            if (owner != null) task[ActivityColumns.Owner] = owner;
            return task;
        }

        /// <summary>The tasks among <paramref name="ids"/> that exist, with the given columns; one query.</summary>
        public static IReadOnlyList<Entity> Existing(IOrganizationService service, IReadOnlyCollection<Guid> ids, params string[] columns)
        {
            if (ids.Count == 0) return new Entity[0];
            var query = new QueryExpression(TaskTable.Name) { ColumnSet = new ColumnSet(columns) };
            query.Criteria.AddCondition(ActivityColumns.ActivityId, ConditionOperator.In, ids.Cast<object>().ToArray());
            return service.RetrieveMultiple(query).Entities;
        }
    }
}
