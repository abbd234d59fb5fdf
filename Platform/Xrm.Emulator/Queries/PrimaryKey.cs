using System;
using System.Collections.Concurrent;
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
    public static string DefaultNameFor(string table) => DefaultNames.GetOrAdd(table, static name =>
        ProcessFlowTables.Contains(name) ? "businessprocessflowinstanceid"
        : ActivityTables.Contains(name) ? "activityid"
        : name + "id");

    // Asked for every returned row: the names are made once per table.
    private static readonly ConcurrentDictionary<string, string> DefaultNames = new(StringComparer.Ordinal);

    private static bool HasOtherDefaultName(string table) => ProcessFlowTables.Contains(table) || ActivityTables.Contains(table);

    public static bool IsPrimaryIdName(string table, string attribute) =>
        IsTableNamePlusId(table, attribute) || (HasOtherDefaultName(table) && string.Equals(attribute, DefaultNameFor(table), StringComparison.Ordinal));

    // attribute == table + "id", without building that string on every row of a join.
    private static bool IsTableNamePlusId(string table, string attribute) =>
        attribute.Length == table.Length + 2 && attribute.StartsWith(table, StringComparison.Ordinal) && attribute.EndsWith("id", StringComparison.Ordinal);

    /// <summary>The name the row's id is returned under.</summary>
    public static string NameFor(Data.StoredRow row)
    {
        var standard = DefaultNameFor(row.LogicalName);
        if (row.Contains(standard)) return standard;
        if (row.Contains("activityid")) return "activityid";
        return standard;
    }

    /// <summary>A column's stored value; the primary id is answered from the row's Id when the column itself is absent.</summary>
    public static object? ValueOf(Data.StoredRow row, string attribute)
    {
        if (row.TryGetValue(attribute, out var value)) return value;
        return IsPrimaryIdName(row.LogicalName, attribute) ? row.Id : null;
    }
}
