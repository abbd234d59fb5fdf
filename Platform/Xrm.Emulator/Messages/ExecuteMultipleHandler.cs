using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>
/// ExecuteMultiple: each request is its own operation with its own transaction. Faults are reported by
/// RequestIndex; without ContinueOnError the batch stops at the first one.
/// </summary>
internal sealed class ExecuteMultipleHandler : BatchMessageHandler
{
    public const int MaxBatchSize = 1000;

    public ExecuteMultipleHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "ExecuteMultiple";

    public override OrganizationResponse Execute(OrganizationRequest request, CallOrigin origin)
    {
        var requests = request.Parameters.TryGetValue("Requests", out var raw) ? raw as OrganizationRequestCollection : null;
        var settings = request.Parameters.TryGetValue("Settings", out var rawSettings) ? rawSettings as ExecuteMultipleSettings : null;
        if (requests == null) throw Fault.InvalidArgument("ExecuteMultiple requires Requests.");
        if (settings == null) throw Fault.InvalidArgument("ExecuteMultiple requires Settings (ContinueOnError, ReturnResponses).");
        if (requests.Count > MaxBatchSize) throw Fault.InvalidArgument($"ExecuteMultiple accepts at most {MaxBatchSize} requests; got {requests.Count}.");

        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var index = 0; index < requests.Count; index++)
        {
            var child = requests[index];
            origin.Execution?.Record(new Metering.ServiceCall(child.RequestName, RequestTables.TableOf(child), Name));
            try
            {
                if (child.RequestName is "ExecuteMultiple" or "ExecuteTransaction")
                {
                    throw Fault.InvalidArgument($"ExecuteMultiple cannot contain {child.RequestName}.");
                }

                var response = Emulator.Pipeline.Execute(child, origin);
                if (settings.ReturnResponses) items.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Response = response });
            }
            catch (Exception error)
            {
                faulted = true;
                items.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Fault = BatchFaults.ToFault(error) });
                if (!settings.ContinueOnError) break;
            }
        }

        var result = new ExecuteMultipleResponse { ResponseName = Name };
        result.Results["Responses"] = items;
        result.Results["IsFaulted"] = faulted;
        return result;
    }
}

internal static class BatchFaults
{
    public static OrganizationServiceFault ToFault(Exception error) => error switch
    {
        XrmFaultException fault => fault.Fault,
        InvalidPluginExecutionException plugin => new OrganizationServiceFault { ErrorCode = FaultCodes.IsvAborted, Message = plugin.Message },
        _ => new OrganizationServiceFault { ErrorCode = FaultCodes.IsvUnexpected, Message = error.Message },
    };
}
