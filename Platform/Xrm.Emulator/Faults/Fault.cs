using System;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Faults;

/// <summary>The faults the emulator raises, worded as the platform words them where it has a wording.</summary>
internal static partial class Fault
{
    public const int MaxDepth = 8;

    public static XrmFaultException Of(int errorCode, string message, Exception? inner = null) =>
        new(new OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow }, inner);

    public static XrmFaultException DoesNotExist(string table, Guid id) =>
        Of(FaultCodes.ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

    public static XrmFaultException Duplicate(string table, Guid id) =>
        Of(FaultCodes.DuplicateRecord, $"Cannot insert duplicate key. A {table} record with id {id} already exists.");

    public static XrmFaultException InvalidArgument(string message) => Of(FaultCodes.InvalidArgument, message);

    public static XrmFaultException UnknownMessage(string? name) =>
        Of(FaultCodes.InvalidArgument,
            $"The emulator does not implement the message '{name}'. Implemented: Create, Retrieve, Update, Delete, RetrieveMultiple, " +
            "Assign, SetState, WinOpportunity, LoseOpportunity, CreateMultiple, UpdateMultiple, ExecuteMultiple, ExecuteTransaction, WhoAmI, GrantAccess, ModifyAccess, RevokeAccess, RetrieveEntity, RetrieveAttribute and the registered custom APIs.");

    public static XrmFaultException InfiniteLoop(int depth) =>
        Of(FaultCodes.InfiniteLoop,
            "This workflow job was canceled because the workflow that started it included an infinite loop. " +
            $"Correct the workflow logic and try again. (Depth {depth} exceeds the maximum of {MaxDepth}.)");

    /// <summary>Anything but InvalidPluginExecutionException: the caller sees the original message; the exception stays inner.</summary>
    public static XrmFaultException UnexpectedPluginError(string pluginType, Exception error)
    {
        var fault = Of(FaultCodes.IsvUnexpected, error.Message, error);
        fault.Fault.TraceText = $"{pluginType} threw {error.GetType().FullName}";
        return fault;
    }

    public static XrmFaultException IsvReducedOpenTransactionCount(string pluginType) =>
        Of(FaultCodes.IsvReducedOpenTransactionCount,
            "ISV code reduced the open transaction count. Custom plug-ins should not catch exceptions from " +
            $"OrganizationService calls and continue processing. (Plug-in: {pluginType})");

    public static XrmFaultException NoActiveTransaction() =>
        Of(FaultCodes.NoActiveTransaction,
            "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors " +
            "from service calls and continue processing.");
}
