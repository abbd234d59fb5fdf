using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Messages;

namespace Xrm.Emulator.Security;

/// <summary>
/// The platform's checks for one call made as a user: the privilege for the table (any depth), then access to the
/// record by depth, ownership, team membership or a share (principalobjectaccess), then the secured columns.
/// </summary>
internal static class AccessCheck
{
    private static readonly Dictionary<string, string> PrivilegeTables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["systemuser"] = "User",
        ["team"] = "Team",
        ["businessunit"] = "BusinessUnit",
        ["account"] = "Account",
        ["contact"] = "Contact",
        ["opportunity"] = "Opportunity",
        ["environmentvariabledefinition"] = "EnvironmentVariableDefinition",
        ["environmentvariablevalue"] = "EnvironmentVariableValue",
    };

    private static readonly HashSet<string> StandardActivities = new(StringComparer.OrdinalIgnoreCase)
    {
        "activitypointer", "task", "appointment", "phonecall", "email", "fax", "letter", "opportunityclose",
    };

    private static readonly Dictionary<string, int> ObjectTypeCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["account"] = 1, ["contact"] = 2, ["opportunity"] = 3, ["systemuser"] = 8, ["team"] = 9, ["businessunit"] = 10,
        ["activitypointer"] = 4200, ["appointment"] = 4201, ["email"] = 4202, ["phonecall"] = 4210, ["task"] = 4212,
    };

    public static bool Applies(XrmEmulator emulator, Guid userId) => emulator.Security.IsEnforced && userId != emulator.SystemUserId;

    /// <summary>
    /// The privilege's name for a table: activity tables (custom ones too) share prv…Activity; custom tables use their
    /// own name; null for tables whose privileges the emulator does not model (not checked).
    /// </summary>
    public static string? PrivilegeName(XrmEmulator emulator, string table, AccessRight right)
    {
        string? suffix;
        if (StandardActivities.Contains(table) || emulator.Metadata.Find(table)?.IsActivity == true) suffix = "Activity";
        else if (PrivilegeTables.TryGetValue(table, out var known)) suffix = known;
        else if (table.IndexOf('_') > 0) suffix = table;
        else suffix = null;
        return suffix == null ? null : "prv" + right + suffix;
    }

    /// <summary>The depths at which the user holds the privilege, with the business unit each counts from; the platform's fault when none.</summary>
    public static IReadOnlyList<(PrivilegeDepth Depth, Guid Unit)>? RequirePrivilege(XrmEmulator emulator, Guid userId, string table, AccessRight right)
    {
        if (!Applies(emulator, userId)) return null;
        var privilege = PrivilegeName(emulator, table, right);
        if (privilege == null) return null;
        var roles = emulator.Security.RolesOf(userId).ToList();
        var grants = roles.Select(r => (Depth: r.Role.DepthOf(privilege), Unit: r.BusinessUnitId)).Where(g => g.Depth != PrivilegeDepth.None).ToList();
        if (grants.Count == 0)
        {
            throw Fault.Of(FaultCodes.PrivilegeDenied,
                $"Principal user (Id={userId}, type=8, roleCount={roles.Count}, privilegeCount={roles.Sum(r => r.Role.Privileges.Count)}, accessMode=0), " +
                $"is missing {privilege} privilege (Id={NameGuid(privilege)}) on OTC={ObjectTypeCode(table)} for entity '{table}'. context.Caller={userId}");
        }

        return grants;
    }

    /// <summary>Checks the privilege and the access to an existing record; the platform's faults otherwise.</summary>
    public static void RequireAccess(XrmEmulator emulator, Guid userId, string table, Guid id, AccessRight right)
    {
        var grants = RequirePrivilege(emulator, userId, table, right);
        if (grants == null) return;
        var row = emulator.Store.Find(table, id);
        if (row == null || HasAccess(emulator, userId, TeamsOf(emulator, userId), row, right, grants)) return;
        var owner = row.GetAttributeValue<EntityReference>("ownerid");
        throw Fault.Of(FaultCodes.PrivilegeDenied,
            $"SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: {id}, OwnerId: {owner?.Id}, OwnerIdType: {(owner?.LogicalName == "team" ? 9 : 8)} " +
            $"and CallingUser: {userId}. ObjectTypeCode: {ObjectTypeCode(table)}, objectBusinessUnitId: {row.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id}, AccessRights: {right}Access ");
    }

    /// <summary>For RetrieveMultiple: null when every row may be read, else the rows' filter; the fault when the privilege is missing.</summary>
    public static Func<StoredRow, bool>? ReadFilter(XrmEmulator emulator, Guid userId, string table)
    {
        var grants = RequirePrivilege(emulator, userId, table, AccessRight.Read);
        if (grants == null || grants.Any(g => g.Depth == PrivilegeDepth.Organization)) return null;
        var teams = TeamsOf(emulator, userId);
        return row => HasAccess(emulator, userId, teams, row, AccessRight.Read, grants);
    }

    /// <summary>
    /// Removes the secured columns the user may not read (no profile, no field share): the platform returns them as if
    /// empty. A column that cannot be secured for read (yes/no, choice with a default) stays: everyone reads it.
    /// </summary>
    public static void RemoveUnreadableColumns(XrmEmulator emulator, Guid userId, Entity entity) => SecuredColumnAccess.For(emulator, userId)?.RemoveUnreadable(entity);

    /// <summary>Refuses a Create or Update that sets a secured column the user may not set.</summary>
    public static void RequireColumnWrites(XrmEmulator emulator, Guid userId, Entity target, bool create)
    {
        if (!Applies(emulator, userId)) return;
        var metadata = emulator.Metadata.Find(target.LogicalName);
        if (metadata == null) return;
        foreach (var column in target.Attributes.Keys)
        {
            if (metadata.Column(column)?.IsSecured != true) continue;
            var permission = emulator.Security.FieldPermissionOf(userId, target.LogicalName, column, create ? null : target.Id);
            if (create && !permission.CanCreate && target[column] != null)
            {
                throw Fault.Of(FaultCodes.AttributePrivilegeCreateIsMissing,
                    "The user does not have create permissions to a secured field. The requested operation could not be completed.");
            }

            if (!create && !permission.CanUpdate)
            {
                throw Fault.Of(FaultCodes.AttributePermissionUpdateIsMissingDuringUpdate,
                    "The user does not have update permissions to a secured field. The requested operation could not be completed.");
            }
        }
    }

    private static HashSet<Guid> TeamsOf(XrmEmulator emulator, Guid userId) => new(emulator.Security.TeamsOf(userId));

    private static bool HasAccess(
        XrmEmulator emulator, Guid userId, HashSet<Guid> teams, StoredRow row, AccessRight right, IReadOnlyList<(PrivilegeDepth Depth, Guid Unit)> grants)
    {
        var owner = row.GetAttributeValue<EntityReference>("ownerid");
        if (owner == null) return true; // organization-owned: the privilege is the access
        var ownerUnit = row.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id ?? emulator.BusinessUnitId;
        foreach (var (depth, unit) in grants)
        {
            switch (depth)
            {
                case PrivilegeDepth.Organization:
                case PrivilegeDepth.ParentChild when emulator.Security.IsWithin(ownerUnit, unit):
                case PrivilegeDepth.BusinessUnit when ownerUnit == unit:
                    return true;
            }

            if (owner.Id == userId || teams.Contains(owner.Id)) return true;
        }

        // Shared with the user or one of their teams; a share needs the privilege at some depth, checked above.
        var flag = (int)ToAccessRights(right);
        foreach (var shareId in emulator.Store.Lookup(Shares.Table, "objectid", row.Id))
        {
            var share = emulator.Store.Find(Shares.Table, shareId)!;
            var principal = share.GetAttributeValue<Guid>("principalid");
            if ((principal == userId || teams.Contains(principal)) && (share.GetAttributeValue<int>("accessrightsmask") & flag) != 0) return true;
        }

        return false;
    }

    public static Microsoft.Crm.Sdk.Messages.AccessRights ToAccessRights(AccessRight right) => right switch
    {
        AccessRight.Create => Microsoft.Crm.Sdk.Messages.AccessRights.CreateAccess,
        AccessRight.Read => Microsoft.Crm.Sdk.Messages.AccessRights.ReadAccess,
        AccessRight.Write => Microsoft.Crm.Sdk.Messages.AccessRights.WriteAccess,
        AccessRight.Delete => Microsoft.Crm.Sdk.Messages.AccessRights.DeleteAccess,
        AccessRight.Append => Microsoft.Crm.Sdk.Messages.AccessRights.AppendAccess,
        AccessRight.AppendTo => Microsoft.Crm.Sdk.Messages.AccessRights.AppendToAccess,
        AccessRight.Assign => Microsoft.Crm.Sdk.Messages.AccessRights.AssignAccess,
        _ => Microsoft.Crm.Sdk.Messages.AccessRights.ShareAccess,
    };

    private static int ObjectTypeCode(string table) => ObjectTypeCodes.TryGetValue(table, out var code) ? code : 10000;

    /// <summary>A stable id per privilege name (the platform's ids are fixed GUIDs per privilege).</summary>
    private static Guid NameGuid(string name) => Metadata.StableIds.Of(name);
}
