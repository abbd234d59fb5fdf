using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Faults;

namespace Xrm.Emulator.Messages;

/// <summary>
/// The owner columns the platform keeps beside ownerid: owninguser for a user-owned row, owningteam for a team-owned
/// one (the other is empty), and owningbusinessunit. Plus one lookup the solution limits to users (see <see cref="UserOnlyLookups"/>).
/// </summary>
internal static class Ownership
{
    // Stop-gap until lookup targets come from metadata: coach_repid targets systemuser only, so Dataverse refuses a team there.
    private static readonly HashSet<string> UserOnlyLookups = new(StringComparer.OrdinalIgnoreCase) { "coach_repid" };

    /// <summary>The owner columns for <paramref name="owner"/>, to store with the row.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> ColumnsFor(XrmEmulator emulator, EntityReference owner)
    {
        var team = string.Equals(owner.LogicalName, "team", StringComparison.OrdinalIgnoreCase);
        yield return new KeyValuePair<string, object?>("owninguser", team ? null : new EntityReference("systemuser", owner.Id));
        yield return new KeyValuePair<string, object?>("owningteam", team ? new EntityReference("team", owner.Id) : null);
        yield return new KeyValuePair<string, object?>("owningbusinessunit", new EntityReference("businessunit", emulator.BusinessUnitId));
    }

    /// <summary>Refuses a lookup limited to systemuser that points elsewhere (a team, typically).</summary>
    public static void RequireUserTargets(string table, IEnumerable<KeyValuePair<string, object?>> values)
    {
        foreach (var pair in values)
        {
            if (UserOnlyLookups.Contains(pair.Key) && pair.Value is EntityReference reference
                && !string.Equals(reference.LogicalName, "systemuser", StringComparison.OrdinalIgnoreCase))
            {
                throw Fault.InvalidArgument(
                    $"{table}.{pair.Key} is a lookup to systemuser; a {reference.LogicalName} ({reference.Id}) cannot be stored there.");
            }
        }
    }
}
