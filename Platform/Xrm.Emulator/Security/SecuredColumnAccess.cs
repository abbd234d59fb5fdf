using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Security;

/// <summary>
/// The secured columns one caller may not read, for one call: a column secured for read (CanBeSecuredForRead) that
/// none of their profiles opens is hidden, except on the records whose field shares open it to them or their teams.
/// System Administrators and SYSTEM read everything (no instance).
/// </summary>
internal sealed class SecuredColumnAccess : ISecuredColumnAccess
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();
    private readonly XrmEmulator _emulator;
    private readonly IReadOnlyCollection<Guid> _principals;
    private readonly Dictionary<string, IReadOnlySet<string>> _hiddenByTable = new(StringComparer.OrdinalIgnoreCase);

    private SecuredColumnAccess(XrmEmulator emulator, Guid userId)
    {
        _emulator = emulator;
        _principals = emulator.Security.PrincipalsOf(userId);
    }

    /// <summary>Null when the caller reads every column: security is off, or the caller is SYSTEM or a System Administrator.</summary>
    public static SecuredColumnAccess? For(XrmEmulator emulator, Guid userId) =>
        AccessCheck.Applies(emulator, userId) && !emulator.Security.IsSystemAdministrator(userId) ? new SecuredColumnAccess(emulator, userId) : null;

    public IReadOnlySet<string> HiddenColumnsOf(string table)
    {
        if (_hiddenByTable.TryGetValue(table, out var hidden)) return hidden;
        var metadata = _emulator.Metadata.Find(table);
        var columns = metadata == null
            ? new List<string>()
            : metadata.Columns
                .Where(c => c is { IsSecured: true, CanBeSecuredForRead: true } && !_emulator.Security.ProfilePermissionOf(_principals, table, c.LogicalName).CanRead)
                .Select(c => c.LogicalName)
                .ToList();
        return _hiddenByTable[table] = columns.Count == 0 ? None : new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
    }

    public bool CanRead(Entity row, string column) =>
        !HiddenColumnsOf(row.LogicalName).Contains(column) || _emulator.Security.FieldPermissionOf(_principals, row.LogicalName, column, row.Id).CanRead;

    /// <summary>Removes the values the caller may not read: the platform returns them as if empty.</summary>
    public void RemoveUnreadable(Entity entity)
    {
        var hidden = HiddenColumnsOf(entity.LogicalName);
        if (hidden.Count == 0) return;
        foreach (var column in entity.Attributes.Keys.Where(hidden.Contains).ToList())
        {
            if (!CanRead(entity, column)) entity.Attributes.Remove(column);
        }
    }
}
