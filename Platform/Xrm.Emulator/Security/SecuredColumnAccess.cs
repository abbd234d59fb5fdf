using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Security;

/// <summary>
/// The secured columns one caller may not read, for one call: a column secured for read (CanBeSecuredForRead) that
/// none of their profiles opens is hidden, except on the records whose field shares open it to them or their teams.
/// System Administrators and SYSTEM read everything.
/// </summary>
internal sealed class SecuredColumnAccess : ISecuredColumnAccess
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();
    private readonly XrmEmulator _emulator;
    private readonly Guid _userId;
    private readonly Dictionary<string, IReadOnlySet<string>> _hiddenByTable = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyCollection<Guid>? _principals;
    private bool? _isSystemAdministrator;

    private SecuredColumnAccess(XrmEmulator emulator, Guid userId)
    {
        _emulator = emulator;
        _userId = userId;
    }

    /// <summary>Null when security is off or the caller is SYSTEM; the caller's roles and teams are read only once a secured table comes up.</summary>
    public static SecuredColumnAccess? For(XrmEmulator emulator, Guid userId) =>
        AccessCheck.Applies(emulator, userId) ? new SecuredColumnAccess(emulator, userId) : null;

    public IReadOnlySet<string> HiddenColumnsOf(string table)
    {
        if (_hiddenByTable.TryGetValue(table, out var hidden)) return hidden;
        var secured = _emulator.Metadata.Find(table)?.SecuredForRead;
        if (secured == null || secured.Count == 0 || (_isSystemAdministrator ??= _emulator.Security.IsSystemAdministrator(_userId))) return _hiddenByTable[table] = None;
        var columns = secured
            .Where(c => !_emulator.Security.ProfilePermissionOf(Principals, table, c.LogicalName).CanRead)
            .Select(c => c.LogicalName)
            .ToList();
        return _hiddenByTable[table] = columns.Count == 0 ? None : new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
    }

    private IReadOnlyCollection<Guid> Principals => _principals ??= _emulator.Security.PrincipalsOf(_userId);

    public bool CanRead(StoredRow row, string column) => CanRead(row.LogicalName, row.Id, column);

    private bool CanRead(string table, Guid id, string column) =>
        !HiddenColumnsOf(table).Contains(column) || _emulator.Security.FieldPermissionOf(Principals, table, column, id).CanRead;

    /// <summary>Removes the values the caller may not read: the platform returns them as if empty.</summary>
    public void RemoveUnreadable(Entity entity)
    {
        var hidden = HiddenColumnsOf(entity.LogicalName);
        if (hidden.Count == 0) return;
        foreach (var column in entity.Attributes.Keys.Where(hidden.Contains).ToList())
        {
            if (!CanRead(entity.LogicalName, entity.Id, column)) entity.Attributes.Remove(column);
        }
    }
}
