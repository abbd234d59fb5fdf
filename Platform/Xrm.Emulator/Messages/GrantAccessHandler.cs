using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>
/// GrantAccess: shares a record with a user or team (the caller needs Share access to it). The share is kept as
/// the platform keeps it, a principalobjectaccess row (objectid, principalid, accessrightsmask), which access checks
/// read; granting again to the same principal widens the rights of the existing row.
/// </summary>
internal sealed class GrantAccessHandler : EventMessageHandler
{
    public const string SharesTable = "principalobjectaccess";

    public GrantAccessHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "GrantAccess";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var access = Required<PrincipalAccess>(operation, "PrincipalAccess");
        if (access.Principal == null || access.Principal.LogicalName is not ("systemuser" or "team"))
        {
            throw Fault.InvalidArgument("GrantAccess: PrincipalAccess.Principal must be a systemuser or team.");
        }

        var id = RecordWrites.RequireExisting(Emulator, target.LogicalName, target.Id, Name);
        operation.Describe(target.LogicalName, new OperationItem(id, null));
    }

    public override void Execute(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var access = Required<PrincipalAccess>(operation, "PrincipalAccess");
        AccessCheck.RequireAccess(Emulator, operation.Origin.UserId, target.LogicalName, target.Id, AccessRight.Share);
        var existing = Shares.Of(Emulator, target.Id, access.Principal.Id).FirstOrDefault();
        if (existing != null)
        {
            var mask = existing.GetAttributeValue<int>("accessrightsmask") | (int)access.AccessMask;
            Emulator.Store.Apply(SharesTable, existing.Id, new[] { new KeyValuePair<string, object?>("accessrightsmask", mask) });
            return;
        }

        var shareId = Guid.NewGuid();
        Emulator.Store.Insert(new Entity(SharesTable, shareId)
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

    public override OrganizationResponse Respond(Operation operation) => Response<GrantAccessResponse>(Name);
}
