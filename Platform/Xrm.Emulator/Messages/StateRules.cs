using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>
/// What the platform enforces about statecode/statuscode on every write: only pairs the table has (<see cref="StateModel"/>),
/// an opportunity closes only through WinOpportunity / LoseOpportunity, and a won or lost opportunity is read-only until reopened.
/// </summary>
internal static class StateRules
{
    /// <summary>Create: Open by default, the state's default status, a pair the table has; never a closed opportunity.</summary>
    public static void OnInsert(XrmEmulator emulator, Operation operation, Entity row)
    {
        var model = emulator.StatesOf(row.LogicalName);
        var state = StateIn(row) ?? 0;
        row["statecode"] = new OptionSetValue(state);
        var status = StatusIn(row) ?? StateModel.DefaultStatus(model, state);
        row["statuscode"] = new OptionSetValue(status);

        RefuseClosing(row.LogicalName, state, operation.Origin);
        Validate(model, row.LogicalName, row.Id, state, status);
    }

    /// <summary>
    /// Update: refuses changes to a closed opportunity (reopening aside) and closing it by Update; a new state without a
    /// status gets the state's default status (added to <paramref name="changes"/>); the resulting pair must exist.
    /// </summary>
    public static void OnUpdate(XrmEmulator emulator, Operation operation, StoredRow stored, Entity target, List<KeyValuePair<string, object?>> changes)
    {
        var table = stored.LogicalName;
        var currentState = StateIn(stored) ?? 0;
        var newState = StateIn(target);
        var newStatus = StatusIn(target);

        if (IsOpportunity(table) && currentState != StateModel.OpportunityOpen && newState != StateModel.OpportunityOpen && !operation.Origin.IsPlatformOperation)
        {
            throw Fault.OpportunityAlreadyClosed(stored.Id);
        }

        if (newState == null && newStatus == null) return;
        if (newState is { } closing) RefuseClosing(table, closing, operation.Origin);

        var model = emulator.StatesOf(table);
        if (model == null) return;
        var state = newState ?? currentState;
        var status = newStatus ?? (newState != null ? StateModel.DefaultStatus(model, state) : StatusIn(stored) ?? StateModel.DefaultStatus(model, state));
        if (newState != null && newStatus == null) changes.Add(new KeyValuePair<string, object?>("statuscode", new OptionSetValue(status)));
        Validate(model, table, stored.Id, state, status);
    }

    /// <summary>SetState and Update may not close an opportunity; WinOpportunity / LoseOpportunity's own Update may.</summary>
    public static void RefuseClosing(string table, int state, CallOrigin origin)
    {
        if (!IsOpportunity(table) || origin.IsPlatformOperation) return;
        if (state is StateModel.OpportunityWon or StateModel.OpportunityLost) throw Fault.OpportunityCloseNeedsItsMessage(state == StateModel.OpportunityWon);
    }

    /// <summary>The pair must exist in the table's model (tables without one accept any pair).</summary>
    public static void Validate(StateModel? model, string table, Guid id, int state, int status)
    {
        if (model == null) return;
        if (!model.HasState(state)) throw Fault.UnknownState(table, state, id);
        if (!model.Allows(state, status)) throw Fault.InvalidStateStatus(model.NameOf(state), status, table, id);
    }

    public static bool IsOpportunity(string table) => string.Equals(table, "opportunity", StringComparison.OrdinalIgnoreCase);

    public static int? StateIn(StoredRow row) => row.TryGetValue("statecode", out var value) && value is OptionSetValue state ? state.Value : null;

    public static int? StateIn(Entity row) => row.Attributes.TryGetValue("statecode", out var value) && value is OptionSetValue state ? state.Value : null;

    private static int? StatusIn(StoredRow row) => row.TryGetValue("statuscode", out var value) && value is OptionSetValue status ? status.Value : null;

    private static int? StatusIn(Entity row) => row.Attributes.TryGetValue("statuscode", out var value) && value is OptionSetValue status ? status.Value : null;
}
