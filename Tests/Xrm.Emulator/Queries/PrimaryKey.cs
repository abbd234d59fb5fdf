using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Queries;

/// <summary>
/// The primary id column of a table: <c>&lt;logicalname&gt;id</c>, or <c>activityid</c> for activity tables
/// (task, appointment, ...), as Dataverse names them.
/// </summary>
internal static class PrimaryKey
{
    // Standard activity tables; a custom activity row is recognised by carrying an activityid column.
    private static readonly HashSet<string> ActivityTables = new(StringComparer.Ordinal)
    {
        "activitypointer", "appointment", "campaignactivity", "campaignresponse", "email", "fax", "letter",
        "phonecall", "recurringappointmentmaster", "serviceappointment", "socialactivity", "task",
    };

    public static bool IsPrimaryIdName(string table, string attribute) =>
        string.Equals(attribute, table + "id", StringComparison.Ordinal) ||
        (attribute == "activityid" && ActivityTables.Contains(table));

    /// <summary>The name the row's id is returned under.</summary>
    public static string NameFor(Entity row)
    {
        var own = row.LogicalName + "id";
        if (row.Attributes.ContainsKey(own)) return own;
        if (row.Attributes.ContainsKey("activityid") || ActivityTables.Contains(row.LogicalName)) return "activityid";
        return own;
    }

    /// <summary>A column's stored value; the primary id is answered from the row's Id when the column itself is absent.</summary>
    public static object? ValueOf(Entity row, string attribute)
    {
        if (row.Attributes.TryGetValue(attribute, out var value)) return value;
        return IsPrimaryIdName(row.LogicalName, attribute) ? row.Id : null;
    }
}
