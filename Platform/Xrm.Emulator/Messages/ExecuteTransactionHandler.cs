using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>ExecuteTransaction: every request in one transaction; the first failure undoes them all.</summary>
internal sealed class ExecuteTransactionHandler : BatchMessageHandler
{
    public ExecuteTransactionHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "ExecuteTransaction";

    public override OrganizationResponse Execute(OrganizationRequest request, CallOrigin origin)
    {
        var requests = request.Parameters.TryGetValue("Requests", out var raw) ? raw as OrganizationRequestCollection : null;
        if (requests == null) throw Fault.InvalidArgument("ExecuteTransaction requires Requests.");
        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var flag) && flag is true;

        var outer = origin.Transaction;
        var transaction = outer ?? new Transaction(Emulator.Store.Savepoint());
        var childOrigin = origin with { Transaction = transaction };
        var responses = new OrganizationResponseCollection();
        for (var index = 0; index < requests.Count; index++)
        {
            var child = requests[index];
            origin.Execution?.Record(new Metering.ServiceCall(child.RequestName, RequestTables.TableOf(child), Name));
            try
            {
                if (child.RequestName is "ExecuteMultiple" or "ExecuteTransaction")
                {
                    throw Fault.InvalidArgument($"ExecuteTransaction cannot contain {child.RequestName}.");
                }

                var response = Emulator.Pipeline.Execute(child, childOrigin);
                if (returnResponses) responses.Add(response);
            }
            catch (Exception error)
            {
                if (outer == null) Emulator.Store.RollbackTo(transaction.Savepoint);
                var fault = BatchFaults.ToFault(error);
                var detail = new OrganizationServiceFault { ErrorCode = fault.ErrorCode, Message = fault.Message, InnerFault = fault };
                detail.ErrorDetails["FaultedRequestIndex"] = index;
                throw new XrmFaultException(detail, error);
            }
        }

        if (outer == null)
        {
            Emulator.Store.Commit(0);
            Emulator.Async.Enqueue(transaction.Jobs);
        }

        var result = new ExecuteTransactionResponse { ResponseName = Name };
        result.Results["Responses"] = responses;
        return result;
    }
}
