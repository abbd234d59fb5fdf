using System;

namespace Xrm.Emulator.Faults;

// Codes and wording from Microsoft's "Web service error codes" list (Dataverse developer guide).
public static partial class FaultCodes
{
    /// <summary>0x80048408 InvalidStateCodeStatusCode: a state/status pair the table does not have.</summary>
    public const int InvalidStateCodeStatusCode = -2147187704;

    /// <summary>0x80100005 CannotUseOpportunitySetStateMessage: an opportunity closes only through WinOpportunity / LoseOpportunity.</summary>
    public const int CannotUseOpportunitySetStateMessage = -2146435067;

    /// <summary>0x80040515 OpportunityIsAlreadyClosed: winning, losing or changing a won or lost opportunity.</summary>
    public const int OpportunityIsAlreadyClosed = -2147220203;
}

internal static partial class Fault
{
    /// <summary>The platform's console wording: "5 is not a valid status code for state code TaskState.Open on task with Id …".</summary>
    public static XrmFaultException InvalidStateStatus(string stateName, int status, string table, Guid id) =>
        Of(FaultCodes.InvalidStateCodeStatusCode, $"{status} is not a valid status code for state code {stateName} on {table} with Id {id}.");

    public static XrmFaultException UnknownState(string table, int state, Guid id) =>
        Of(FaultCodes.InvalidStateCodeStatusCode,
            $"State code is invalid or state code is valid but status code is invalid for a specified state code. ({table} has no state {state}; record Id {id}.)");

    /// <summary>SetState (or an Update of statecode) that would close an opportunity: the message names the request to use.</summary>
    public static XrmFaultException OpportunityCloseNeedsItsMessage(bool won)
    {
        var state = won ? "Won" : "Lost";
        var message = won ? "WinOpportunityRequest" : "LoseOpportunityRequest";
        return Of(FaultCodes.CannotUseOpportunitySetStateMessage,
            $"This message can not be used to set the state of opportunity to {state}. In order to set state of opportunity to {state}, use the {message} message instead.");
    }

    public static XrmFaultException OpportunityAlreadyClosed(Guid id) =>
        Of(FaultCodes.OpportunityIsAlreadyClosed,
            $"The opportunity is already closed. (opportunity {id} is won or lost and read-only; reopen it with SetState to Open before changing it.)");
}
