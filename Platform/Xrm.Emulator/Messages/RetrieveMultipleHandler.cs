using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Queries;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>RetrieveMultiple: the query engine answers; pre-operation steps may still change the Query.</summary>
internal sealed class RetrieveMultipleHandler : EventMessageHandler
{
    public RetrieveMultipleHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "RetrieveMultiple";

    public override void Prepare(Operation operation)
    {
        var query = Required<QueryBase>(operation, "Query");
        var table = RequestTables.TableOf(query) ?? throw Fault.InvalidArgument("RetrieveMultiple: the query names no table.");
        operation.Describe(table, new OperationItem(System.Guid.Empty, null));
    }

    public override void Execute(Operation operation)
    {
        var query = Required<QueryBase>(operation, "Query");
        var user = operation.Origin.UserId;
        var context = new QueryContext(Emulator.Store, Emulator.UtcNow, user)
        {
            Metadata = Emulator.Metadata,
            CanReadRoot = AccessCheck.ReadFilter(Emulator, user, operation.Table),
            SecuredColumns = SecuredColumnAccess.For(Emulator, user),
        };
        var result = QueryEngine.Execute(query, context);
        ReturnedValues.Fill(result, Emulator.Metadata, Emulator.Store);
        operation.OutputParameters["BusinessEntityCollection"] = result;
    }

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = Response<RetrieveMultipleResponse>(Name);
        response.Results["EntityCollection"] = operation.OutputParameters["BusinessEntityCollection"];
        return response;
    }
}
