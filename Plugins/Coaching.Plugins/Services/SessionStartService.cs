using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// Starts a session on request (the form button, a workflow) rather than on an opportunity event: reads
    /// the opportunity, opens the session through <see cref="SessionService.Open"/> with its dedupe, and
    /// when none is opened names the session that made a new one unnecessary.
    /// </summary>
    public static class SessionStartService
    {
        /// <summary>What the session snapshot and dedupe read (as the MicroCoachingSession step's post-image).</summary>
        private static readonly string[] OpportunityColumns =
        {
            OpportunityTable.Topic, OpportunityTable.Owner, OpportunityTable.State, OpportunityTable.SalesStage, OpportunityTable.StepName,
            OpportunityTable.EstimatedValue, OpportunityTable.IcpFitScore, OpportunityTable.IcpFitBand, OpportunityTable.BuyingTrigger,
            OpportunityTable.BuyerPersona, OpportunityTable.BuyerStage, OpportunityTable.BuyerSignals, OpportunityTable.LastInteractionOutcome,
            OpportunityTable.NextInteractionDate, OpportunityTable.NextInteractionGoal,
        };

        /// <summary>
        /// Created: the opportunity read, the dedupe query, the session and the prep task (four calls).
        /// Not created: the opportunity read, the dedupe query and the existing session (three calls).
        /// </summary>
        /// <exception cref="InvalidPluginExecutionException">The opportunity is closed, or the caller cannot read it.</exception>
        /// <param name="requestedBy">Who asked (see <see cref="SessionService.Open"/>); null for automation.</param>
        public static SessionStart Start(IOperationContext context, EntityReference opportunityRef, SessionTrigger trigger, EntityReference? requestedBy = null)
        {
            // A query rather than Retrieve: the platform leaves out a row the caller may not read instead of failing,
            // so a caller without access gets a message they can act on.
            var opportunity = ReadAsCaller(context.UserService, opportunityRef.Id) ?? throw new InvalidPluginExecutionException(
                "You cannot open this opportunity, so you cannot start a micro-coaching session on it. "
                + "Ask its owner or your manager to share it with you.");
            var state = opportunity.GetAttributeValue<OptionSetValue>(OpportunityTable.State)?.Value ?? (int)OpportunityState.Open;
            if (state != (int)OpportunityState.Open)
            {
                var name = opportunity.GetAttributeValue<string>(OpportunityTable.Topic);
                var closed = Enum.IsDefined(typeof(OpportunityState), state) ? ((OpportunityState)state).ToString().ToLowerInvariant() : "closed";
                throw new InvalidPluginExecutionException(
                    (string.IsNullOrWhiteSpace(name) ? "This opportunity" : "'" + name!.Trim() + "'") + " is " + closed
                    + ": micro-coaching is for open opportunities. Reopen it to coach on it.");
            }

            var opening = SessionService.Open(context, new EntityReference(OpportunityTable.Name, opportunityRef.Id), opportunity, trigger, requestedBy);
            if (opening.Session != null)
            {
                return new SessionStart(opening.Session, true, "Micro-coaching session started; the rep has a task to prepare for it.");
            }

            return new SessionStart(LatestSession(context.SystemService, opportunityRef.Id), false, opening.Reason);
        }

        private static Entity? ReadAsCaller(IOrganizationService service, Guid opportunityId)
        {
            var query = new QueryExpression(OpportunityTable.Name) { ColumnSet = new ColumnSet(OpportunityColumns), TopCount = 1 };
            query.Criteria.AddCondition(OpportunityTable.Id, ConditionOperator.Equal, opportunityId);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        /// <summary>The open session if there is one, else the latest: the one the dedupe rule found.</summary>
        private static EntityReference? LatestSession(IOrganizationService service, Guid opportunityId)
        {
            var query = new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.State), TopCount = 1 };
            query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, opportunityId);
            query.AddOrder(ActivityColumns.State, OrderType.Ascending);
            query.AddOrder(ActivityColumns.CreatedOn, OrderType.Descending);
            return service.RetrieveMultiple(query).Entities.Select(s => new EntityReference(SessionTable.Name, s.Id)).FirstOrDefault();
        }
    }

    /// <summary>The outcome of a requested start.</summary>
    public sealed class SessionStart
    {
        public SessionStart(EntityReference? session, bool created, string message)
        {
            Session = session;
            Created = created;
            Message = message;
        }

        /// <summary>The new session, or the existing one that made a new one unnecessary; null when there is none.</summary>
        public EntityReference? Session { get; }

        public bool Created { get; }

        /// <summary>What happened, in words the rep can act on.</summary>
        public string Message { get; }
    }
}
