using System;
using System.Linq;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>Opens micro-coaching sessions: dedupe, compose, create the session and the rep's prep task.</summary>
    public static class SessionService
    {
        private const string OwnerAlias = "owner";
        private const string TeamAlias = "team";
        private const string TeamAdministratorAlias = "teamadmin";
        private const string SessionAlias = "session";

        /// <summary>What a session snapshots of the opportunity (and the owner, who is the rep coached).</summary>
        private static readonly string[] SnapshotColumns =
        {
            OpportunityTable.Topic, OpportunityTable.Owner, OpportunityTable.SalesStage, OpportunityTable.StepName,
            OpportunityTable.EstimatedValue, OpportunityTable.IcpFitScore, OpportunityTable.IcpFitBand,
            OpportunityTable.BuyingTrigger, OpportunityTable.BuyerPersona, OpportunityTable.BuyerStage, OpportunityTable.BuyerSignals,
            OpportunityTable.LastInteractionOutcome, OpportunityTable.NextInteractionDate, OpportunityTable.NextInteractionGoal,
        };

        // The state too: a session opens only on an open deal.
        private static readonly string[] SnapshotAndStateColumns = SnapshotColumns.Concat(new[] { OpportunityTable.State }).ToArray();

        /// <summary>
        /// Opens a session for the opportunity unless it is closed or a session is open or recent. Three calls at most:
        /// one query (owner's manager and existing sessions), the session, the task.
        /// The rep coached is the owner; on a team-owned deal, the team's administrator (coach_repid and the prep task
        /// take a user, never a team). The session belongs to that rep's manager, or to the rep when they have none.
        /// </summary>
        /// <param name="opportunity">
        /// Current values of the opportunity (a post-image or a retrieved row); null to read them in the same one query.
        /// </param>
        /// <param name="requestedBy">
        /// Who asked for the session (the form button's caller), or null for automatic triggers. When the rep has no
        /// manager, the one who asked coaches: a manager pressing the button for a rep outside their line.
        /// </param>
        /// <returns>The new session, or the reason none was created.</returns>
        public static SessionOpening Open(IOperationContext context, EntityReference opportunityRef, Entity? opportunity, SessionTrigger trigger, EntityReference? requestedBy = null)
        {
            var settings = CoachingSettingsProvider.Get(context).Sessions;
            if (!settings.Enabled)
            {
                context.Trace("Sessions are switched off in the settings");
                return SessionOpening.NotCreated($"Micro-coaching sessions are switched off in {Core.Settings.CoachingSettingsException.VariableName} (sessions.enabled).");
            }

            if (!settings.IsEnabled(trigger))
            {
                context.Trace("Trigger {0} is switched off in the settings", trigger);
                return SessionOpening.NotCreated($"Sessions started by {trigger} are switched off in {Core.Settings.CoachingSettingsException.VariableName}.");
            }

            var known = ReadOwnerAndSessions(context.SystemService, opportunityRef.Id, readSnapshot: opportunity == null);
            if (known.Opportunity.GetAttributeValue<OptionSetValue>(OpportunityTable.State) is { } state && state.Value != (int)OpportunityState.Open)
            {
                // A process flow can still move on a won or lost deal; there is nothing left to coach on it.
                context.Trace("The deal is closed: no session");
                return SessionOpening.NotCreated("The opportunity is closed: micro-coaching is for open opportunities.");
            }

            opportunity ??= known.Opportunity;
            var owner = opportunity.GetAttributeValue<EntityReference>(OpportunityTable.Owner);
            var ownedByTeam = owner != null && owner.LogicalName == TeamTable.Name;
            var rep = ownedByTeam ? known.TeamAdministrator : owner;
            var manager = (ownedByTeam ? known.TeamAdministratorManager : known.Manager) ?? requestedBy;
            if (ownedByTeam) context.Trace("Team-owned deal: coaching the team's administrator");
            var dedupe = SessionDedupe.ShouldCreate(known.Sessions, context.Now, settings.DedupeWindowDays);
            if (!dedupe.ShouldCreate)
            {
                context.Trace("No new session: {0}", dedupe.Reason);
                return SessionOpening.NotCreated(dedupe.Reason);
            }

            var plan = SessionComposer.Compose(ToSessionInput(opportunity), settings, context.Now);
            var session = new Entity(SessionTable.Name)
            {
                [ActivityColumns.Subject] = plan.Subject,
                [ActivityColumns.Regarding] = opportunityRef,
                [ActivityColumns.Owner] = manager ?? rep ?? owner,
                [SessionTable.Rep] = rep,
                // Determine is done: the trigger picked this deal. The rep compiles the facts next.
                [SessionTable.Step] = new OptionSetValue((int)SessionStep.Compile),
                [SessionTable.Trigger] = new OptionSetValue((int)trigger),
                [SessionTable.OpportunitySnapshot] = plan.Snapshot.Opportunity,
                [SessionTable.BuyerSnapshot] = plan.Snapshot.Buyer,
                [SessionTable.RepSnapshot] = plan.Snapshot.Rep,
                [ActivityColumns.Due] = plan.PrepTask.Due,
            };
            if (manager == null && rep == null && owner == null) session.Attributes.Remove(ActivityColumns.Owner);
            if (rep == null) session.Attributes.Remove(SessionTable.Rep);
            session.Id = context.SystemService.Create(session);

            var task = new Entity(TaskTable.Name)
            {
                [ActivityColumns.Subject] = plan.PrepTask.Subject,
                [ActivityColumns.Description] = plan.PrepTask.Description,
                [ActivityColumns.Regarding] = opportunityRef,
                [ActivityColumns.Due] = plan.PrepTask.Due,
                [TaskTable.Category] = TaskTable.CoachingCategory,
            };
            if ((rep ?? owner) is { } assignee) task[ActivityColumns.Owner] = assignee;
            context.SystemService.Create(task);

            context.Trace("Opened session {0} ({1}) with a prep task due {2:u}", session.Id, trigger, plan.PrepTask.Due);
            return SessionOpening.Created(session.ToEntityReference());
        }

        public static SessionInput ToSessionInput(Entity opportunity)
        {
            var band = opportunity.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand)?.Value;
            var buyerStage = opportunity.GetAttributeValue<OptionSetValue>(OpportunityTable.BuyerStage)?.Value;
            return new SessionInput(
                opportunity.GetAttributeValue<string>(OpportunityTable.Topic),
                band.HasValue && Enum.IsDefined(typeof(IcpFitBand), band.Value) ? (IcpFitBand)band.Value : (IcpFitBand?)null,
                opportunity.GetAttributeValue<int?>(OpportunityTable.IcpFitScore),
                opportunity.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value,
                opportunity.GetAttributeValue<string>(OpportunityTable.BuyingTrigger),
                opportunity.GetAttributeValue<string>(OpportunityTable.BuyerPersona),
                buyerStage.HasValue && Enum.IsDefined(typeof(BuyerStage), buyerStage.Value) ? (BuyerStage)buyerStage.Value : (BuyerStage?)null,
                opportunity.GetAttributeValue<string>(OpportunityTable.BuyerSignals),
                OpportunityValues.Stage(opportunity.GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage)?.Value, opportunity.GetAttributeValue<string>(OpportunityTable.StepName)),
                opportunity.GetAttributeValue<string>(OpportunityTable.LastInteractionOutcome),
                opportunity.GetAttributeValue<DateTime?>(OpportunityTable.NextInteractionDate),
                opportunity.GetAttributeValue<string>(OpportunityTable.NextInteractionGoal));
        }

        /// <summary>
        /// One query: the opportunity (with the snapshot columns when asked), its owner's manager or, for a team owner,
        /// the team's administrator and their manager, and its sessions (outer join, one row per session).
        /// </summary>
        private static OwnerAndSessions ReadOwnerAndSessions(IOrganizationService service, Guid opportunityId, bool readSnapshot)
        {
            var query = new QueryExpression(OpportunityTable.Name)
            {
                ColumnSet = readSnapshot ? new ColumnSet(SnapshotAndStateColumns) : new ColumnSet(OpportunityTable.Id, OpportunityTable.State),
            };
            query.Criteria.AddCondition(OpportunityTable.Id, ConditionOperator.Equal, opportunityId);

            var ownerLink = query.AddLink(SystemUserTable.Name, OpportunityTable.Owner, SystemUserTable.Id, JoinOperator.LeftOuter);
            ownerLink.EntityAlias = OwnerAlias;
            ownerLink.Columns = new ColumnSet(SystemUserTable.Manager);

            var teamLink = query.AddLink(TeamTable.Name, OpportunityTable.Owner, TeamTable.Id, JoinOperator.LeftOuter);
            teamLink.EntityAlias = TeamAlias;
            teamLink.Columns = new ColumnSet(TeamTable.Administrator);
            var administratorLink = teamLink.AddLink(SystemUserTable.Name, TeamTable.Administrator, SystemUserTable.Id, JoinOperator.LeftOuter);
            administratorLink.EntityAlias = TeamAdministratorAlias;
            administratorLink.Columns = new ColumnSet(SystemUserTable.Manager);

            var sessions = query.AddLink(SessionTable.Name, OpportunityTable.Id, ActivityColumns.Regarding, JoinOperator.LeftOuter);
            sessions.EntityAlias = SessionAlias;
            sessions.Columns = new ColumnSet(ActivityColumns.CreatedOn, ActivityColumns.State);

            var rows = service.RetrieveMultiple(query).Entities;
            var manager = Aliased(rows, OwnerAlias + "." + SystemUserTable.Manager);
            var administrator = Aliased(rows, TeamAlias + "." + TeamTable.Administrator);
            var administratorManager = Aliased(rows, TeamAdministratorAlias + "." + SystemUserTable.Manager);
            var existing = rows
                .Where(r => r.Contains(SessionAlias + "." + ActivityColumns.CreatedOn))
                .Select(r => new ExistingSession(
                    (DateTime)r.GetAttributeValue<AliasedValue>(SessionAlias + "." + ActivityColumns.CreatedOn).Value,
                    (r.GetAttributeValue<AliasedValue>(SessionAlias + "." + ActivityColumns.State)?.Value as OptionSetValue)?.Value == ActivityState.Open))
                .ToArray();
            var opportunity = rows.FirstOrDefault() ?? throw new InvalidPluginExecutionException(
                "The opportunity for this micro-coaching session no longer exists; refresh the page.");
            return new OwnerAndSessions(RootColumnsOnly(opportunity), manager, existing)
            {
                TeamAdministrator = administrator,
                TeamAdministratorManager = administratorManager,
            };
        }

        private static EntityReference? Aliased(DataCollection<Entity> rows, string column) =>
            rows.Select(r => r.GetAttributeValue<AliasedValue>(column)?.Value as EntityReference).FirstOrDefault(m => m != null);

        // The query's root row also carries the links' aliased columns; the snapshot reads only the opportunity's own.
        private static Entity RootColumnsOnly(Entity row)
        {
            var opportunity = new Entity(row.LogicalName, row.Id);
            foreach (var column in row.Attributes.Where(a => !(a.Value is AliasedValue)))
            {
                opportunity[column.Key] = column.Value;
            }

            return opportunity;
        }

        private sealed class OwnerAndSessions
        {
            public OwnerAndSessions(Entity opportunity, EntityReference? manager, ExistingSession[] sessions)
            {
                Opportunity = opportunity;
                Manager = manager;
                Sessions = sessions;
            }

            public Entity Opportunity { get; }

            public EntityReference? Manager { get; }

            /// <summary>For a team owner: the team's administrator, the rep accountable for its deals.</summary>
            public EntityReference? TeamAdministrator { get; set; }

            public EntityReference? TeamAdministratorManager { get; set; }

            public ExistingSession[] Sessions { get; }
        }
    }

    /// <summary>The outcome of an attempt to open a session.</summary>
    public sealed class SessionOpening
    {
        private SessionOpening(EntityReference? session, string reason)
        {
            Session = session;
            Reason = reason;
        }

        public EntityReference? Session { get; }

        public string Reason { get; }

        public static SessionOpening Created(EntityReference session) => new SessionOpening(session, "Created.");

        public static SessionOpening NotCreated(string reason) => new SessionOpening(null, reason);
    }
}
