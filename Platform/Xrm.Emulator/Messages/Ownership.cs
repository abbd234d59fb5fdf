using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Messages;

/// <summary>
/// The owner columns the platform keeps beside ownerid: owninguser for a user-owned row, owningteam for a team-owned
/// one (the other is empty), and owningbusinessunit.
/// </summary>
internal static class Ownership
{
    /// <summary>The owner columns for <paramref name="owner"/>, to store with the row.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> ColumnsFor(XrmEmulator emulator, EntityReference owner)
    {
        var team = string.Equals(owner.LogicalName, "team", StringComparison.OrdinalIgnoreCase);
        yield return new KeyValuePair<string, object?>("owninguser", team ? null : new EntityReference("systemuser", owner.Id));
        yield return new KeyValuePair<string, object?>("owningteam", team ? new EntityReference("team", owner.Id) : null);
        // The record belongs to the owner's business unit: business-unit depth reads it from there.
        yield return new KeyValuePair<string, object?>("owningbusinessunit", new EntityReference("businessunit", emulator.Security.BusinessUnitOf(team ? "team" : "systemuser", owner.Id)));
    }
}
