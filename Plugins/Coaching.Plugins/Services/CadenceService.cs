using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Cadence;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// A manager's coaching week: per direct report, the sessions held (conversations that started in the
    /// week and ended: actualstart in the week, actualend set), their minutes, and the shortfall against the target.
    /// </summary>
    public static class CadenceService
    {
        private const string SessionAlias = "session";

        /// <summary>One query (plus the settings when not cached): the manager's active reps, each joined to its sessions of the week.</summary>
        public static IReadOnlyList<RepCadence> Week(IOperationContext context, Guid managerId, DateTime weekStart)
        {
            var settings = CoachingSettingsProvider.Get(context).Cadence;
            var rows = RepsWithSessions(context.UserService, managerId, weekStart);
            var roster = rows.GroupBy(r => r.Id).Select(g => new CoachedRep(g.Key, g.First().GetAttributeValue<string>(SystemUserTable.FullName))).ToList();
            var sessions = rows.Where(r => r.Contains(Aliased(ActivityColumns.ActualStart))).Select(ToHeldSession).ToList();
            var reps = CadenceCalculator.Compute(sessions, weekStart, settings, roster);
            context.Trace("Cadence of {0} rep(s): {1} session(s) held in the week of {2:u}", reps.Count, sessions.Count, weekStart);
            return reps;
        }

        public static string Summary(IOperationContext context, IReadOnlyList<RepCadence> reps) =>
            CadenceSummary.Describe(reps, CoachingSettingsProvider.Get(context).Cadence);

        /// <summary>One row per rep and session (a rep without a session in the week has one row without session columns).</summary>
        private static IReadOnlyList<Entity> RepsWithSessions(IOrganizationService service, Guid managerId, DateTime weekStart)
        {
            var query = new QueryExpression(SystemUserTable.Name) { ColumnSet = new ColumnSet(SystemUserTable.FullName) };
            query.Criteria.AddCondition(SystemUserTable.Manager, ConditionOperator.Equal, managerId);
            query.Criteria.AddCondition(SystemUserTable.IsDisabled, ConditionOperator.Equal, false);

            var sessions = query.AddLink(SessionTable.Name, SystemUserTable.Id, SessionTable.Rep, JoinOperator.LeftOuter);
            sessions.EntityAlias = SessionAlias;
            sessions.Columns = new ColumnSet(ActivityColumns.ActualStart, ActivityColumns.ActualEnd, SessionTable.DurationMinutes);
            sessions.LinkCriteria.AddCondition(ActivityColumns.ActualStart, ConditionOperator.GreaterEqual, weekStart);
            sessions.LinkCriteria.AddCondition(ActivityColumns.ActualStart, ConditionOperator.LessThan, weekStart.AddDays(7));
            sessions.LinkCriteria.AddCondition(ActivityColumns.ActualEnd, ConditionOperator.NotNull);
            return service.RetrieveMultiple(query).Entities;
        }

        private static HeldSession ToHeldSession(Entity row) => new HeldSession(
            row.Id,
            row.GetAttributeValue<string>(SystemUserTable.FullName),
            (DateTime)row.GetAttributeValue<AliasedValue>(Aliased(ActivityColumns.ActualStart)).Value,
            row.GetAttributeValue<AliasedValue>(Aliased(ActivityColumns.ActualEnd))?.Value as DateTime?,
            row.GetAttributeValue<AliasedValue>(Aliased(SessionTable.DurationMinutes))?.Value as int?);

        private static string Aliased(string column) => SessionAlias + "." + column;
    }
}
