using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Data;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>Retrieve: a copy of the record with only the requested columns (and always its primary key).</summary>
internal sealed class RetrieveHandler : EventMessageHandler
{
    public RetrieveHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "Retrieve";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        Required<ColumnSet>(operation, "ColumnSet");
        operation.Describe(target.LogicalName, new OperationItem(target.Id, null));
    }

    public override void Execute(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var columns = Required<ColumnSet>(operation, "ColumnSet");
        QueryValidation.CheckRetrieve(Emulator.Metadata, target.LogicalName, columns);
        var row = Emulator.Store.Find(target.LogicalName, target.Id) ?? throw Fault.DoesNotExist(target.LogicalName, target.Id);
        AccessCheck.RequireAccess(Emulator, operation.Origin.UserId, target.LogicalName, target.Id, AccessRight.Read);
        var entity = Copy(row, columns, Emulator.PrimaryKeyOf(row.LogicalName));
        AccessCheck.RemoveUnreadableColumns(Emulator, operation.Origin.UserId, entity);
        ReturnedValues.Fill(entity, Emulator.Metadata, Emulator.Store);
        operation.OutputParameters["BusinessEntity"] = entity;
    }

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = Response<RetrieveResponse>(Name);
        response.Results["Entity"] = operation.OutputParameters["BusinessEntity"];
        return response;
    }

    /// <summary>Dataverse leaves null columns out of what it returns.</summary>
    internal static Entity Copy(StoredRow row, ColumnSet columns, string primaryKey)
    {
        return row.ToEntity(columns.AllColumns ? null : columns.Columns, alsoColumn: primaryKey, withoutNulls: true);
    }
}
