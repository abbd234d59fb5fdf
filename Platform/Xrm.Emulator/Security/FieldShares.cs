using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metadata;

namespace Xrm.Emulator.Security;

/// <summary>
/// Field sharing as Dataverse keeps it: principalobjectattributeaccess rows (objectid, attributeid = the column's
/// MetadataId, principalid, readaccess, updateaccess) that open one secured column of one record to a user or team,
/// whatever profiles they hold. Written with ordinary Create / Update / Delete; the platform's rules are checked here.
/// </summary>
internal static class FieldShares
{
    public const string Table = MetadataCatalog.FieldShareTable;

    /// <summary>What the field shares of <paramref name="recordId"/> give the user (or a team of theirs) on one column.</summary>
    public static FieldPermission PermissionOn(XrmEmulator emulator, IReadOnlyCollection<Guid> principals, TableMetadata table, Guid recordId, string column)
    {
        var permission = FieldPermission.Nothing;
        var attributeId = table.MetadataIdOf(column);
        foreach (var id in emulator.Store.Lookup(Table, "objectid", recordId))
        {
            var share = emulator.Store.Find(Table, id)!;
            if (share.GetAttributeValue<Guid>("attributeid") != attributeId) continue;
            if (share.GetAttributeValue<EntityReference>("principalid") is not { } principal || !principals.Contains(principal.Id)) continue;
            permission = permission.Or(new FieldPermission(share.GetAttributeValue<bool>("readaccess"), share.GetAttributeValue<bool>("updateaccess"), false));
        }

        return permission;
    }

    /// <summary>Checks a new field share and fills the columns the platform sets (objecttypecode, principalidtype).</summary>
    public static void CheckCreate(XrmEmulator emulator, Guid callerId, Entity row)
    {
        var (table, record, column, principal) = Describe(emulator, row);
        var read = row.GetAttributeValue<bool>("readaccess");
        var update = row.GetAttributeValue<bool>("updateaccess");
        if (!read && !update)
        {
            throw Fault.Of(FaultCodes.AttributeSharingCreateShouldSetReadOrAndUpdateAccess,
                $"You must set read and/or update access when you share a secured attribute. Attribute ID: {row.GetAttributeValue<Guid>("attributeid")}");
        }

        var attributeId = table.MetadataIdOf(column.LogicalName);
        var duplicate = emulator.Store.Lookup(Table, "objectid", record.Id)
            .Select(id => emulator.Store.Find(Table, id)!)
            .Any(share => share.GetAttributeValue<Guid>("attributeid") == attributeId && share.GetAttributeValue<EntityReference>("principalid")?.Id == principal.Id);
        if (duplicate) throw Fault.Of(FaultCodes.AttributeSharingCreateDuplicate, "Attribute has already been shared.");

        RequireCallerHolds(emulator, callerId, record, column, read, update);
        row["objecttypecode"] = record.LogicalName;
        row["principalidtype"] = principal.LogicalName;
    }

    /// <summary>Checks an update of a field share: it keeps some access, and the caller holds what it grants.</summary>
    public static void CheckUpdate(XrmEmulator emulator, Guid callerId, StoredRow stored, Entity target)
    {
        foreach (var fixedColumn in new[] { "objectid", "attributeid", "principalid" })
        {
            if (target.Contains(fixedColumn) && !Equals(IndexKeyOf(target[fixedColumn]), IndexKeyOf(stored.TryGetValue(fixedColumn, out var old) ? old : null)))
            {
                throw Fault.InvalidArgument($"A field share's {fixedColumn} cannot change: delete the share and create another.");
            }
        }

        var read = target.Contains("readaccess") ? target.GetAttributeValue<bool>("readaccess") : stored.GetAttributeValue<bool>("readaccess");
        var update = target.Contains("updateaccess") ? target.GetAttributeValue<bool>("updateaccess") : stored.GetAttributeValue<bool>("updateaccess");
        if (!read && !update) throw Fault.Of(FaultCodes.AttributeSharingUpdateInvalid, "Both readAccess and updateAccess are false: call Delete instead of Update.");
        var (_, record, column, _) = Describe(emulator, stored.ToEntity());
        RequireCallerHolds(emulator, callerId, record, column, read && target.Contains("readaccess"), update && target.Contains("updateaccess"));
    }

    /// <summary>The table, record, secured column and principal a share names; the platform's faults when one is wrong.</summary>
    private static (TableMetadata Table, EntityReference Record, ColumnMetadata Column, EntityReference Principal) Describe(XrmEmulator emulator, Entity row)
    {
        var record = row.GetAttributeValue<EntityReference>("objectid") ?? throw Fault.InvalidArgument("A field share needs objectid: the record whose column is shared.");
        var principal = row.GetAttributeValue<EntityReference>("principalid") ?? throw Fault.InvalidArgument("A field share needs principalid: the user or team it is for.");
        if (!row.Contains("attributeid")) throw Fault.InvalidArgument("A field share needs attributeid: the MetadataId of the secured column.");
        var attributeId = row.GetAttributeValue<Guid>("attributeid");
        var table = emulator.Metadata.Require(record.LogicalName);
        if (!emulator.Store.Exists(record.LogicalName, record.Id)) throw Fault.DoesNotExist(record.LogicalName, record.Id);
        if (!emulator.Store.Exists(principal.LogicalName, principal.Id)) throw Fault.DoesNotExist(principal.LogicalName, principal.Id);
        var column = table.ColumnWithMetadataId(attributeId);
        if (column == null || !column.IsSecured)
        {
            throw Fault.Of(FaultCodes.AttributeNotSecured,
                "One or more fields are not enabled for field level security. Field level security is not enabled until you publish the customizations.");
        }

        return (table, record, column, principal);
    }

    /// <summary>A user shares only the access they have on the column of that record (profiles, their own shares).</summary>
    private static void RequireCallerHolds(XrmEmulator emulator, Guid callerId, EntityReference record, ColumnMetadata column, bool read, bool update)
    {
        if (!AccessCheck.Applies(emulator, callerId)) return;
        var held = emulator.Security.FieldPermissionOf(callerId, record.LogicalName, column.LogicalName, record.Id);
        if (read && !held.CanRead)
        {
            throw Fault.Of(FaultCodes.AttributePermissionReadIsMissing,
                "The user does not have read permissions to a secured field. The requested operation could not be completed.");
        }

        if (update && !held.CanUpdate)
        {
            throw Fault.Of(FaultCodes.AttributePermissionUpdateIsMissingDuringShare,
                "The user does not have update permissions to a secured field. The requested operation could not be completed.");
        }
    }

    private static object? IndexKeyOf(object? value) => Data.IndexKey.Normalize(value);
}
