using System;
using System.Collections.Generic;
using System.Linq;
using Xrm.Emulator.Metadata;

namespace Xrm.Emulator.Messages;

/// <summary>
/// The states (statecode) and status reasons (statuscode) of a table, as Dynamics 365 ships them: which status belongs
/// to which state, and each state's default status (SetState with status -1 or none, Create and Update without one).
/// Built from the table's metadata (standard-tables.json, or Solution/src's Entity.xml for the solution's tables).
/// Tables without statecode/statuscode metadata accept any pair and default to state + 1.
/// </summary>
internal sealed class StateModel
{
    public const int ActivityCompleted = 1;

    /// <summary>opportunity.statecode.</summary>
    public const int OpportunityOpen = 0, OpportunityWon = 1, OpportunityLost = 2;

    private readonly State[] _states;

    private StateModel(string schemaName, params State[] states)
    {
        SchemaName = schemaName;
        _states = states;
    }

    /// <summary>Schema name of the table: the platform names the state option set "&lt;SchemaName&gt;State".</summary>
    public string SchemaName { get; }

    /// <summary>
    /// The model of a table from its metadata: statecode's options are the states, statuscode's state of each status says
    /// which statuses belong to which state, and the lowest status of a state is its default (as Dynamics 365 ships them).
    /// Null when the table has no statecode/statuscode.
    /// </summary>
    public static StateModel? From(TableMetadata table)
    {
        var states = table.Column("statecode")?.Options;
        var stateOfStatus = table.Column("statuscode")?.StateOfStatus;
        if (states == null || states.Count == 0 || stateOfStatus == null) return null;
        return new StateModel(table.SchemaName, states.OrderBy(s => s.Key)
            .Select(s => new State(s.Key, s.Value, stateOfStatus.Where(p => p.Value == s.Key).Select(p => p.Key).OrderBy(v => v).ToArray()))
            .ToArray());
    }

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
