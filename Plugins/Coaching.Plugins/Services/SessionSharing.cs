using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Services
{
    public static class SessionSharing
    {
        /// <summary>
        /// What the rep may do with a session they are coached in: read it, and attach notes and activities to it.
        /// Changing steps and commitments stays with the manager who owns it.
        /// </summary>
        public const AccessRights RepAccess = AccessRights.ReadAccess | AccessRights.AppendToAccess;

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
    }
}
