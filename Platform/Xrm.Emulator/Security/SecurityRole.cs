using System;
using System.Collections.Generic;

namespace Xrm.Emulator.Security;

/// <summary>How far a privilege reaches: the platform's Basic, Local, Deep and Global levels.</summary>
public enum PrivilegeDepth
{
    None = 0,

    /// <summary>Basic: records the user owns, a team of theirs owns, or that are shared with them or their teams.</summary>
    User = 1,

    /// <summary>Local: records owned in the principal's business unit.</summary>
    BusinessUnit = 2,

    /// <summary>Deep: records owned in the principal's business unit and the units below it.</summary>
    ParentChild = 3,

    /// <summary>Global: every record.</summary>
    Organization = 4,
}

/// <summary>The access right a privilege is for (prv&lt;Right&gt;&lt;Table&gt;).</summary>
public enum AccessRight
{
    Create,
    Read,
    Write,
    Delete,
    Append,
    AppendTo,
    Assign,
    Share,
}

/// <summary>A security role: privilege names (prvReadActivity, prvWriteOpportunity, …) with their depth.</summary>
public sealed class SecurityRole
{
    private readonly Dictionary<string, PrivilegeDepth> _privileges = new(StringComparer.OrdinalIgnoreCase);

    public SecurityRole(string name, bool isSystemAdministrator = false)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A role needs a name.", nameof(name));
        Name = name;
        IsSystemAdministrator = isSystemAdministrator;
    }

    public string Name { get; }

    /// <summary>System Administrator: every privilege at organization depth and every secured column.</summary>
    public bool IsSystemAdministrator { get; }

    public IReadOnlyDictionary<string, PrivilegeDepth> Privileges => _privileges;

    public SecurityRole Grant(string privilegeName, PrivilegeDepth depth)
    {
        if (!privilegeName.StartsWith("prv", StringComparison.Ordinal)) throw new ArgumentException($"'{privilegeName}' is not a privilege name (prv…).", nameof(privilegeName));
        if (depth == PrivilegeDepth.None) _privileges.Remove(privilegeName);
        else _privileges[privilegeName] = depth;
        return this;
    }

    public PrivilegeDepth DepthOf(string privilegeName) =>
        IsSystemAdministrator ? PrivilegeDepth.Organization : _privileges.TryGetValue(privilegeName, out var depth) ? depth : PrivilegeDepth.None;

    public override string ToString() => Name;
}

/// <summary>A field security profile: per secured column, whether its holders may read, update and set it on create.</summary>
public sealed class FieldSecurityProfile
{
    private readonly Dictionary<(string Table, string Column), FieldPermission> _permissions = new();

    public FieldSecurityProfile(string name) => Name = name;

    public string Name { get; }

    public FieldSecurityProfile Allow(string table, string column, bool read, bool update, bool create)
    {
        _permissions[(table.ToLowerInvariant(), column.ToLowerInvariant())] = new FieldPermission(read, update, create);
        return this;
    }

    public FieldPermission PermissionOn(string table, string column) =>
        _permissions.TryGetValue((table.ToLowerInvariant(), column.ToLowerInvariant()), out var permission) ? permission : FieldPermission.Nothing;

    public override string ToString() => Name;
}

/// <summary>What a profile allows on one secured column (fieldpermission canread / canupdate / cancreate).</summary>
public readonly record struct FieldPermission(bool CanRead, bool CanUpdate, bool CanCreate)
{
    public static readonly FieldPermission Nothing = new(false, false, false);

    public FieldPermission Or(FieldPermission other) => new(CanRead || other.CanRead, CanUpdate || other.CanUpdate, CanCreate || other.CanCreate);
}
