using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Messages;

namespace Xrm.Emulator.Security;

/// <summary>
/// Who may do what: security roles and field security profiles held by users and teams. Nothing is checked until
/// <see cref="Enforce"/> is called, so environments that never set up security behave as before; once enforced,
/// every call made as a user is checked the way Dataverse checks it, SYSTEM passes, and the admin user holds
/// System Administrator.
/// </summary>
public sealed class SecurityModel
{
    private readonly XrmEmulator _emulator;
    private readonly Dictionary<Guid, List<SecurityRole>> _roles = new();
    private readonly Dictionary<Guid, List<FieldSecurityProfile>> _profiles = new();
    private readonly Dictionary<string, SecurityRole> _solutionRoles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FieldSecurityProfile> _solutionProfiles = new(StringComparer.OrdinalIgnoreCase);

    internal SecurityModel(XrmEmulator emulator)
    {
        _emulator = emulator;
        _roles[emulator.AdminUserId] = new List<SecurityRole> { SystemAdministrator };
    }

    /// <summary>The System Administrator role: every privilege at organization depth, every secured column.</summary>
    public static SecurityRole SystemAdministrator { get; } = new("System Administrator", isSystemAdministrator: true);

    public bool IsEnforced { get; private set; }

    /// <summary>From now on every call made as a user (not SYSTEM) is checked.</summary>
    public void Enforce() => IsEnforced = true;

    /// <summary>A copy of a standard role as Microsoft ships it (standard-roles.json): "Salesperson", "Sales Manager".</summary>
    public static SecurityRole StandardRole(string name) => StandardRoles.Create(name);

    /// <summary>A role the loaded solution ships (Roles/*.xml), by name.</summary>
    public SecurityRole SolutionRole(string name) =>
        _solutionRoles.TryGetValue(name, out var role) ? role : throw new ArgumentException($"The solution ships no role '{name}'. Known: {string.Join(", ", _solutionRoles.Keys)}.", nameof(name));

    /// <summary>A field security profile the loaded solution ships (Other/FieldSecurityProfiles.xml), by name.</summary>
    public FieldSecurityProfile SolutionProfile(string name) =>
        _solutionProfiles.TryGetValue(name, out var profile) ? profile : throw new ArgumentException($"The solution ships no field security profile '{name}'.", nameof(name));

    internal void AddSolutionRole(SecurityRole role) => _solutionRoles[role.Name] = role;

    internal void AddSolutionProfile(FieldSecurityProfile profile) => _solutionProfiles[profile.Name] = profile;

    /// <summary>Gives a user or a team a role; a team's roles count for each of its members.</summary>
    public void AssignRole(Guid principalId, SecurityRole role)
    {
        RequirePrincipal(principalId);
        Add(_roles, principalId, role ?? throw new ArgumentNullException(nameof(role)));
    }

    /// <summary>Adds a user or team to a field security profile (profiles are held by users and teams, never by roles).</summary>
    public void AssignProfile(Guid principalId, FieldSecurityProfile profile)
    {
        RequirePrincipal(principalId);
        Add(_profiles, principalId, profile ?? throw new ArgumentNullException(nameof(profile)));
    }

    /// <summary>The roles that apply to <paramref name="userId"/>: their own and their teams', with the unit each counts from.</summary>
    internal IEnumerable<(SecurityRole Role, Guid BusinessUnitId)> RolesOf(Guid userId)
    {
        if (_roles.TryGetValue(userId, out var own))
        {
            var unit = BusinessUnitOf("systemuser", userId);
            foreach (var role in own) yield return (role, unit);
        }

        foreach (var team in TeamsOf(userId))
        {
            if (!_roles.TryGetValue(team, out var teamRoles)) continue;
            var unit = BusinessUnitOf("team", team);
            foreach (var role in teamRoles) yield return (role, unit);
        }
    }

    internal bool IsSystemAdministrator(Guid userId) => RolesOf(userId).Any(r => r.Role.IsSystemAdministrator);

    /// <summary>
    /// What the user may do with a secured column: their profiles and their teams' and, for an existing record, the
    /// field shares of that record with them or their teams.
    /// </summary>
    internal FieldPermission FieldPermissionOf(Guid userId, string table, string column, Guid? recordId = null) =>
        IsSystemAdministrator(userId) ? new FieldPermission(true, true, true) : FieldPermissionOf(PrincipalsOf(userId), table, column, recordId);

    /// <summary>The same for a caller who is not a System Administrator, whose principals (the user and their teams) are known.</summary>
    internal FieldPermission FieldPermissionOf(IReadOnlyCollection<Guid> principals, string table, string column, Guid? recordId)
    {
        var permission = ProfilePermissionOf(principals, table, column);
        if (recordId is { } id && id != Guid.Empty && (!permission.CanRead || !permission.CanUpdate) && _emulator.Metadata.Find(table) is { } metadata)
        {
            permission = permission.Or(FieldShares.PermissionOn(_emulator, principals, metadata, id, column));
        }

        return permission;
    }

    /// <summary>What the profiles of the user and their teams allow on a column, for every record.</summary>
    internal FieldPermission ProfilePermissionOf(IReadOnlyCollection<Guid> principals, string table, string column)
    {
        var permission = FieldPermission.Nothing;
        foreach (var principal in principals)
        {
            if (!_profiles.TryGetValue(principal, out var profiles)) continue;
            foreach (var profile in profiles) permission = permission.Or(profile.PermissionOn(table, column));
        }

        return permission;
    }

    /// <summary>The user and the teams they are a member of: whom profiles and field shares name.</summary>
    internal IReadOnlyCollection<Guid> PrincipalsOf(Guid userId) => TeamsOf(userId).Prepend(userId).ToList();

    /// <summary>The owner teams <paramref name="userId"/> is a member of (teammembership).</summary>
    internal IEnumerable<Guid> TeamsOf(Guid userId) =>
        _emulator.Store.Lookup("teammembership", "systemuserid", userId)
            .Select(id => _emulator.Store.Find("teammembership", id)!.GetAttributeValue<Guid>("teamid"));

    internal Guid BusinessUnitOf(string principalTable, Guid principalId) =>
        _emulator.Store.Find(principalTable, principalId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? _emulator.BusinessUnitId;

    /// <summary>Whether <paramref name="unit"/> is <paramref name="ancestor"/> or below it.</summary>
    internal bool IsWithin(Guid unit, Guid ancestor)
    {
        for (var current = (Guid?)unit; current is { } id; current = _emulator.Store.Find("businessunit", id)?.GetAttributeValue<EntityReference>("parentbusinessunitid")?.Id)
        {
            if (id == ancestor) return true;
        }

        return false;
    }

    private void RequirePrincipal(Guid principalId)
    {
        if (!_emulator.Store.Exists("systemuser", principalId) && !_emulator.Store.Exists("team", principalId))
        {
            throw new ArgumentException($"There is no systemuser or team with id {principalId}.", nameof(principalId));
        }
    }

    private static void Add<T>(Dictionary<Guid, List<T>> map, Guid key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<T>();
        if (!list.Contains(value)) list.Add(value);
    }
}
