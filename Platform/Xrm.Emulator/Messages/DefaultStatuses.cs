using System;
using System.Collections.Generic;

namespace Xrm.Emulator.Messages;

/// <summary>
/// The default status reason of each state of the tables this solution touches, as Dynamics 365 ships them
/// (SetState without a status, or with -1, uses it). Other tables fall back to state + 1.
/// </summary>
internal static class DefaultStatuses
{
    public const int ActivityCompleted = 1;

    private static readonly Dictionary<string, int[]> ByTable = new(StringComparer.OrdinalIgnoreCase)
    {
        // statecode:          0 Open/Active, 1 Completed/Won/Inactive, 2 Canceled/Lost, 3 Scheduled
        ["task"] = new[] { 2, 5, 6 },             // Not Started, Completed, Canceled
        ["appointment"] = new[] { 1, 3, 4, 5 },   // Free, Completed, Canceled, Busy
        ["phonecall"] = new[] { 1, 2, 3 },        // Open, Made, Canceled
        ["opportunity"] = new[] { 1, 3, 4 },      // In Progress, Won, Canceled
        ["account"] = new[] { 1, 2 },             // Active, Inactive
    };

    public static int Of(string table, int state) =>
        ByTable.TryGetValue(table, out var statuses) && state >= 0 && state < statuses.Length ? statuses[state] : state + 1;
}
