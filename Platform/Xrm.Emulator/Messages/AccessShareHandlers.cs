using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>ModifyAccess: replaces the rights a user or team has on a shared record (the caller needs Share access).</summary>
internal sealed class ModifyAccessHandler : EventMessageHandler
{
    public ModifyAccessHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "ModifyAccess";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var access = Required<PrincipalAccess>(operation, "PrincipalAccess");
        if (access.Principal == null || access.Principal.LogicalName is not ("systemuser" or "team"))
        {
            throw Fault.InvalidArgument("ModifyAccess: PrincipalAccess.Principal must be a systemuser or team.");
        }

        operation.Describe(target.LogicalName, new OperationItem(RecordWrites.RequireExisting(Emulator, target.LogicalName, target.Id, Name), null));
    }

    public override void Execute(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var access = Required<PrincipalAccess>(operation, "PrincipalAccess");
        AccessCheck.RequireAccess(Emulator, operation.Origin.UserId, target.LogicalName, target.Id, AccessRight.Share);
        var existing = Shares.Of(Emulator, target.Id, access.Principal.Id).FirstOrDefault();
        if (existing == null)
        {
            new GrantAccessHandler(Emulator).Execute(operation);
            return;
        }

        Emulator.Store.Apply(GrantAccessHandler.SharesTable, existing.Id, new[] { new KeyValuePair<string, object?>("accessrightsmask", (int)access.AccessMask) });
    }

    public override OrganizationResponse Respond(Operation operation) => Response<ModifyAccessResponse>(Name);
}

/// <summary>RevokeAccess: ends a user's or team's share of a record (the caller needs Share access).</summary>
internal sealed class RevokeAccessHandler : EventMessageHandler
{
    public RevokeAccessHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "RevokeAccess";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        Required<EntityReference>(operation, "Revokee");
        operation.Describe(target.LogicalName, new OperationItem(RecordWrites.RequireExisting(Emulator, target.LogicalName, target.Id, Name), null));
    }

    public override void Execute(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var revokee = Required<EntityReference>(operation, "Revokee");
        AccessCheck.RequireAccess(Emulator, operation.Origin.UserId, target.LogicalName, target.Id, AccessRight.Share);
        foreach (var share in Shares.Of(Emulator, target.Id, revokee.Id).ToList()) Emulator.Store.Delete(GrantAccessHandler.SharesTable, share.Id);
    }

    public override OrganizationResponse Respond(Operation operation) => Response<RevokeAccessResponse>(Name);
}

internal static class Shares
{
    /// <summary>The principalobjectaccess rows of one record and principal.</summary>
    public static IEnumerable<Entity> Of(XrmEmulator emulator, Guid objectId, Guid principalId) =>
        emulator.Store.Lookup(GrantAccessHandler.SharesTable, "objectid", objectId)
            .Select(id => emulator.Store.Find(GrantAccessHandler.SharesTable, id)!)
            .Where(row => row.GetAttributeValue<Guid>("principalid") == principalId);
}
