using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>
/// GrantAccess: shares a record with a user or team (the caller needs Share access to it); granting again to the same
/// principal widens the rights of the existing share (see <see cref="Shares"/>).
/// </summary>
internal sealed class GrantAccessHandler : EventMessageHandler
{
    public GrantAccessHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "GrantAccess";

    public override void Prepare(Operation operation) => Shares.Describe(Emulator, operation, Name);

    public override void Execute(Operation operation) => Shares.Write(Emulator, operation, widen: true);

    public override OrganizationResponse Respond(Operation operation) => Response<GrantAccessResponse>(Name);
}

/// <summary>ModifyAccess: replaces the rights a user or team has on a shared record (the caller needs Share access).</summary>
internal sealed class ModifyAccessHandler : EventMessageHandler
{
    public ModifyAccessHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "ModifyAccess";

    public override void Prepare(Operation operation) => Shares.Describe(Emulator, operation, Name);

    public override void Execute(Operation operation) => Shares.Write(Emulator, operation, widen: false);

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
        foreach (var share in Shares.Of(Emulator, target.Id, revokee.Id).ToList()) Emulator.Store.Delete(Shares.Table, share.Id);
    }

    public override OrganizationResponse Respond(Operation operation) => Response<RevokeAccessResponse>(Name);
}

/// <summary>
/// Shares as the platform keeps them: principalobjectaccess rows (objectid, principalid, accessrightsmask), which access
/// checks read. GrantAccess widens an existing share, ModifyAccess replaces its rights; both create one when there is none.
/// </summary>
internal static class Shares
{
    public const string Table = "principalobjectaccess";

    /// <summary>The principalobjectaccess rows of one record and principal.</summary>
    public static IEnumerable<StoredRow> Of(XrmEmulator emulator, Guid objectId, Guid principalId) =>
        emulator.Store.Lookup(Table, "objectid", objectId)
            .Select(id => emulator.Store.Find(Table, id)!)
            .Where(row => row.GetAttributeValue<Guid>("principalid") == principalId);

    /// <summary>Checks Target and PrincipalAccess (a user or team) and names the shared record as the operation's item.</summary>
    public static void Describe(XrmEmulator emulator, Operation operation, string message)
    {
        var target = EventMessageHandler.Required<EntityReference>(operation, "Target");
        var access = EventMessageHandler.Required<PrincipalAccess>(operation, "PrincipalAccess");
        if (access.Principal == null || access.Principal.LogicalName is not ("systemuser" or "team"))
        {
            throw Fault.InvalidArgument($"{message}: PrincipalAccess.Principal must be a systemuser or team.");
        }

        operation.Describe(target.LogicalName, new OperationItem(RecordWrites.RequireExisting(emulator, target.LogicalName, target.Id, message), null));
    }

    /// <summary>Writes the share of PrincipalAccess on Target, after checking the caller's Share access to the record.</summary>
    public static void Write(XrmEmulator emulator, Operation operation, bool widen)
    {
        var target = EventMessageHandler.Required<EntityReference>(operation, "Target");
        var access = EventMessageHandler.Required<PrincipalAccess>(operation, "PrincipalAccess");
        AccessCheck.RequireAccess(emulator, operation.Origin.UserId, target.LogicalName, target.Id, AccessRight.Share);
        var existing = Of(emulator, target.Id, access.Principal.Id).FirstOrDefault();
        if (existing != null)
        {
            var mask = widen ? existing.GetAttributeValue<int>("accessrightsmask") | (int)access.AccessMask : (int)access.AccessMask;
            emulator.Store.Apply(Table, existing.Id, new[] { new KeyValuePair<string, object?>("accessrightsmask", mask) });
            return;
        }

        var shareId = RecordIds.Next();
        emulator.Store.Insert(new Entity(Table, shareId)
        {
            ["principalobjectaccessid"] = shareId,
            ["objectid"] = target.Id,
            ["objecttypecode"] = target.LogicalName,
            ["principalid"] = access.Principal.Id,
            ["principaltypecode"] = access.Principal.LogicalName,
            ["accessrightsmask"] = (int)access.AccessMask,
            ["changedon"] = operation.CreatedOn,
        });
    }
}
