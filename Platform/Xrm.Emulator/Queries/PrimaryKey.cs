using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Queries;

/// <summary>
/// The primary id column of a table: <c>&lt;logicalname&gt;id</c>, or <c>activityid</c> for activity tables
/// (task, appointment, ...), as Dataverse names them.
/// </summary>
public static class PrimaryKey
{
    // Standard activity tables; a custom activity row is recognised by carrying an activityid column.
    private static readonly HashSet<string> ActivityTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "activitypointer", "appointment", "campaignactivity", "campaignresponse", "email", "fax", "letter",
        "phonecall", "recurringappointmentmaster", "serviceappointment", "socialactivity", "task",
    };

    // Business process flow instances (e.g. the Opportunity Sales Process) keep their id in businessprocessflowinstanceid.
    private static readonly HashSet<string> ProcessFlowTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "opportunitysalesprocess", "leadtoopportunitysalesprocess", "phonetocaseprocess", "expiredprocess", "newprocess", "translationprocess",
    };

    /// <summary>The primary id column of a standard table, as Dataverse names it.</summary>
    public static string DefaultNameFor(string table) =>
        ProcessFlowTables.Contains(table) ? "businessprocessflowinstanceid"
        : ActivityTables.Contains(table) ? "activityid"
        : table + "id";

    public static bool IsPrimaryIdName(string table, string attribute) =>
        string.Equals(attribute, table + "id", StringComparison.Ordinal) ||
        string.Equals(attribute, DefaultNameFor(table), StringComparison.Ordinal);

    /// <summary>The name the row's id is returned under.</summary>
    public static string NameFor(Entity row)
    {
        var standard = DefaultNameFor(row.LogicalName);
        if (row.Attributes.ContainsKey(standard)) return standard;
        if (row.Attributes.ContainsKey("activityid")) return "activityid";
        return standard;
    }

    /// <summary>A column's stored value; the primary id is answered from the row's Id when the column itself is absent.</summary>
    public static object? ValueOf(Entity row, string attribute)
    {
        if (row.Attributes.TryGetValue(attribute, out var value)) return value;
        return IsPrimaryIdName(row.LogicalName, attribute) ? row.Id : null;
    }
}
