using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Emulator.Messages;

/// <summary>
/// The states (statecode) and status reasons (statuscode) of a table, as Dynamics 365 ships them: which status belongs
/// to which state, and each state's default status (SetState with status -1 or none, Create and Update without one).
/// Tables the emulator has no model for accept any pair and default to state + 1.
/// </summary>
internal sealed class StateModel
{
    public const int ActivityCompleted = 1;

    /// <summary>opportunity.statecode.</summary>
    public const int OpportunityOpen = 0, OpportunityWon = 1, OpportunityLost = 2;

    private static readonly Dictionary<string, StateModel> Standard = new(StringComparer.OrdinalIgnoreCase)
    {
        ["opportunity"] = new("Opportunity",
            new State(0, "Open", 1, 2),         // In Progress, On Hold
            new State(1, "Won", 3),             // Won
            new State(2, "Lost", 4, 5)),        // Canceled, Out-Sold
        ["task"] = new("Task",
            new State(0, "Open", 2, 3, 4, 7),   // Not Started, In Progress, Waiting on someone else, Deferred
            new State(1, "Completed", 5),
            new State(2, "Canceled", 6)),
        ["appointment"] = new("Appointment",
            new State(0, "Open", 1, 2),         // Free, Tentative
            new State(1, "Completed", 3),
            new State(2, "Canceled", 4),
            new State(3, "Scheduled", 5, 6)),   // Busy, Out of Office
        ["phonecall"] = new("PhoneCall",
            new State(0, "Open", 1),
            new State(1, "Completed", 2, 4),    // Made, Received
            new State(2, "Canceled", 3)),
        ["opportunityclose"] = new("OpportunityClose",
            new State(0, "Open", 1),
            new State(1, "Completed", 2),
            new State(2, "Canceled", 3)),
        ["account"] = new("Account", new State(0, "Active", 1), new State(1, "Inactive", 2)),
        ["contact"] = new("Contact", new State(0, "Active", 1), new State(1, "Inactive", 2)),
    };

    private readonly State[] _states;

    private StateModel(string schemaName, params State[] states)
    {
        SchemaName = schemaName;
        _states = states;
    }

    /// <summary>Schema name of the table: the platform names the state option set "&lt;SchemaName&gt;State".</summary>
    public string SchemaName { get; }

    /// <summary>The model of a table, or null when the emulator has none. A custom activity table gets the platform's activity states.</summary>
    public static StateModel? Of(string table, bool customActivity) =>
        Standard.TryGetValue(table, out var model) ? model
        : customActivity ? CustomActivity(table)
        : null;

    /// <summary>The default status of a state; state + 1 for a table without a model (or a state it does not know).</summary>
    public static int DefaultStatus(StateModel? model, int state) =>
        model?.Find(state) is { } known ? known.Statuses[0] : state + 1;

    public bool HasState(int state) => Find(state) != null;

    public bool Allows(int state, int status) => Find(state)?.Statuses.Contains(status) == true;

    /// <summary>The state a status belongs to, or null.</summary>
    public int? StateOf(int status) => _states.FirstOrDefault(s => s.Statuses.Contains(status))?.Value;

    /// <summary>"OpportunityState.Won", as the platform names a state in its messages.</summary>
    public string NameOf(int state) => $"{SchemaName}State.{Find(state)?.Name ?? state.ToString()}";

    private State? Find(int state) => _states.FirstOrDefault(s => s.Value == state);

    // A custom activity table has these four states with one status each (as Solution/src writes them for coach_microcoachingsession).
    private static StateModel CustomActivity(string table) => new(table,
        new State(0, "Open", 1),
        new State(1, "Completed", 2),
        new State(2, "Canceled", 3),
        new State(3, "Scheduled", 4));

    /// <summary>One state: its value, its name, its statuses (the first is the default).</summary>
    private sealed class State
    {
        public State(int value, string name, params int[] statuses)
        {
            Value = value;
            Name = name;
            Statuses = statuses;
        }

        public int Value { get; }

        public string Name { get; }

        public int[] Statuses { get; }
    }
}
