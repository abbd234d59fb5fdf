using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    public static class SessionSharing
    {
        /// <summary>
        /// What the rep may do with a session they are coached in: read it, and attach notes and activities to it.
        /// Changing steps and commitments stays with the manager who owns it.
        /// </summary>
        public const AccessRights RepAccess = AccessRights.ReadAccess | AccessRights.AppendToAccess;

        /// <summary>How many managers above the coach read the judgement: the coach's manager and two more levels.</summary>
        public const int LineDepth = 3;

        /// <summary>One GrantAccess when the rep is not the owner; no call otherwise.</summary>
        public static void ShareWithRep(LocalPluginContext context, Entity session)
        {
            var rep = session.GetAttributeValue<EntityReference>(SessionTable.Rep);
            var owner = session.GetAttributeValue<EntityReference>(ActivityColumns.Owner);
            if (rep == null || (owner != null && owner.Id == rep.Id))
            {
                context.Trace("The rep owns the session or none is set: nothing to share");
                return;
            }

            context.SystemService.Execute(new GrantAccessRequest
            {
                Target = new EntityReference(SessionTable.Name, session.Id),
                PrincipalAccess = new PrincipalAccess { Principal = new EntityReference(SystemUserTable.Name, rep.Id), AccessMask = RepAccess },
            });
            context.Trace("Shared the session with its rep (read, append to)");
        }

        /// <summary>
        /// On a new session: opens its judgement columns to its owner (the coach: read and update) and the coach's line
        /// (read), through field shares. The "Coaching judgement" profile lets coaches fill the judgement on create
        /// only, so a coach of another team reads nothing. One query for the line, one metadata call, one query for
        /// the session's shares, then one write per missing or narrower share; replaying creates nothing twice.
        /// </summary>
        public static void ShareJudgementWithOwner(LocalPluginContext context, Guid sessionId, EntityReference owner)
        {
            var line = owner.LogicalName == SystemUserTable.Name ? ChainAbove(context, owner.Id, LineDepth) : new List<Guid>();
            WriteJudgementShares(context, sessionId, owner, line);
        }

        /// <summary>
        /// On a change of owner (Assign): the judgement follows the rep's line, not whoever took the session. The new
        /// owner gets it (read, update) with the managers above them (read) only when they are the rep's manager or
        /// above in the rep's line; a manager of another team who assigns a session to themselves gets nothing and
        /// changes nothing. When the new owner is in the line, shares held by anyone outside the rep's line (a previous
        /// coach after the rep changed teams, their managers) are deleted. One query for the rep's line, then as on create.
        /// </summary>
        public static void ShareJudgementAfterAssign(LocalPluginContext context, Guid sessionId, EntityReference newOwner, EntityReference? rep)
        {
            if (newOwner.LogicalName != SystemUserTable.Name || rep == null)
            {
                context.Trace("The new owner is a team or the session has no rep: the judgement is not shared");
                return;
            }

            var repLine = ChainAbove(context, rep.Id, LineDepth + 1);
            var position = repLine.IndexOf(newOwner.Id);
            if (position < 0)
            {
                context.Trace("The new owner is not in the rep's line: the judgement is not shared with them");
                return;
            }

            WriteJudgementShares(context, sessionId, newOwner, repLine.Skip(position + 1).Take(LineDepth).ToList(), keepOnly: repLine);
        }

        /// <param name="keepOnly">When given, shares of principals neither in it nor written now are deleted.</param>
        private static void WriteJudgementShares(
            LocalPluginContext context, Guid sessionId, EntityReference coach, IReadOnlyList<Guid> line, IReadOnlyList<Guid>? keepOnly = null)
        {
            var wanted = new List<JudgementShare> { new JudgementShare(coach, update: true) };
            wanted.AddRange(line.Select(manager => new JudgementShare(new EntityReference(SystemUserTable.Name, manager), update: false)));
            var columns = JudgementColumnIds(context);
            var existing = SharesOf(context, sessionId);
            var writes = 0;
            foreach (var share in wanted)
            {
                foreach (var column in columns)
                {
                    if (existing.TryGetValue(Key(share.Principal.Id, column), out var current))
                    {
                        if (!share.Update || current.GetAttributeValue<bool>(FieldShareTable.Update)) continue;
                        context.SystemService.Update(new Entity(FieldShareTable.Name, current.Id) { [FieldShareTable.Read] = true, [FieldShareTable.Update] = true });
                    }
                    else
                    {
                        context.SystemService.Create(new Entity(FieldShareTable.Name)
                        {
                            [FieldShareTable.Record] = new EntityReference(SessionTable.Name, sessionId),
                            [FieldShareTable.Column] = column,
                            [FieldShareTable.Principal] = share.Principal,
                            [FieldShareTable.Read] = true,
                            [FieldShareTable.Update] = share.Update,
                        });
                    }

                    writes++;
                }
            }

            var revoked = 0;
            if (keepOnly != null)
            {
                foreach (var share in existing.Values)
                {
                    var principal = share.GetAttributeValue<EntityReference>(FieldShareTable.Principal);
                    if (principal == null || principal.Id == coach.Id || keepOnly.Contains(principal.Id)) continue;
                    context.SystemService.Delete(FieldShareTable.Name, share.Id);
                    revoked++;
                }
            }

            context.Trace("Judgement shared with the coach and {0} manager(s) above: {1} share(s) written, {2} outside the rep's line removed", line.Count, writes, revoked);
        }

        /// <summary>
        /// The user's managers, nearest first, up to <paramref name="depth"/> levels, in one query (the user and
        /// outer-joined levels of parentsystemuserid); stops at a loop in the hierarchy.
        /// </summary>
        private static List<Guid> ChainAbove(LocalPluginContext context, Guid userId, int depth)
        {
            var query = new QueryExpression(SystemUserTable.Name) { ColumnSet = new ColumnSet(SystemUserTable.Manager), TopCount = 1 };
            query.Criteria.AddCondition(SystemUserTable.Id, ConditionOperator.Equal, userId);
            var links = query.LinkEntities;
            var from = SystemUserTable.Manager;
            for (var level = 1; level < depth; level++)
            {
                var link = new LinkEntity(SystemUserTable.Name, SystemUserTable.Name, from, SystemUserTable.Id, JoinOperator.LeftOuter)
                {
                    EntityAlias = "line" + level,
                    Columns = new ColumnSet(SystemUserTable.Manager),
                };
                links.Add(link);
                links = link.LinkEntities;
            }

            var row = context.SystemService.RetrieveMultiple(query).Entities.FirstOrDefault();
            var chain = new List<Guid>();
            if (row == null) return chain;
            for (var level = 0; level < depth; level++)
            {
                var manager = level == 0
                    ? row.GetAttributeValue<EntityReference>(SystemUserTable.Manager)
                    : row.GetAttributeValue<AliasedValue>("line" + level + "." + SystemUserTable.Manager)?.Value as EntityReference;
                if (manager == null || manager.Id == userId || chain.Contains(manager.Id)) break;
                chain.Add(manager.Id);
            }

            return chain;
        }

        /// <summary>The MetadataIds of the judgement columns (what a field share names), in one RetrieveEntity.</summary>
        private static IReadOnlyList<Guid> JudgementColumnIds(LocalPluginContext context)
        {
            var response = (RetrieveEntityResponse)context.SystemService.Execute(new RetrieveEntityRequest
            {
                LogicalName = SessionTable.Name,
                EntityFilters = EntityFilters.Attributes,
            });
            var ids = new List<Guid>();
            foreach (var column in SessionTable.Judgement)
            {
                var attribute = response.EntityMetadata.Attributes.FirstOrDefault(a => a.LogicalName == column);
                if (attribute?.MetadataId == null || attribute.IsSecured != true)
                {
                    throw new InvalidPluginExecutionException(
                        $"The column {SessionTable.Name}.{column} is missing or not secured in this environment: import the Coaching solution again so the coach's judgement stays private.");
                }

                ids.Add(attribute.MetadataId.Value);
            }

            return ids;
        }

        private static Dictionary<string, Entity> SharesOf(LocalPluginContext context, Guid sessionId)
        {
            var query = new QueryExpression(FieldShareTable.Name)
            {
                ColumnSet = new ColumnSet(FieldShareTable.Column, FieldShareTable.Principal, FieldShareTable.Update),
            };
            query.Criteria.AddCondition(FieldShareTable.Record, ConditionOperator.Equal, sessionId);
            var shares = new Dictionary<string, Entity>();
            foreach (var share in context.SystemService.RetrieveMultiple(query).Entities)
            {
                var principal = share.GetAttributeValue<EntityReference>(FieldShareTable.Principal);
                if (principal != null) shares[Key(principal.Id, share.GetAttributeValue<Guid>(FieldShareTable.Column))] = share;
            }

            return shares;
        }

        private static string Key(Guid principal, Guid column) => principal.ToString("N") + column.ToString("N");

        private sealed class JudgementShare
        {
            public JudgementShare(EntityReference principal, bool update)
            {
                Principal = principal;
                Update = update;
            }

            public EntityReference Principal { get; }

            public bool Update { get; }
        }
    }
}
