using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>RetrieveEntity: a table's definition by logical name or MetadataId; its columns with EntityFilters.Attributes.</summary>
internal sealed class RetrieveEntityHandler : EventMessageHandler
{
    public RetrieveEntityHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "RetrieveEntity";

    public override void Prepare(Operation operation) => operation.Describe("none", new OperationItem(Guid.Empty, null));

    public override void Execute(Operation operation)
    {
        var table = DefinitionOf(Emulator.Metadata, operation);
        var filters = operation.InputParameters.TryGetValue("EntityFilters", out var value) && value is EntityFilters given ? given : EntityFilters.Default;
        var entity = new EntityMetadata
        {
            MetadataId = table.MetadataId,
            LogicalName = table.LogicalName,
            SchemaName = table.SchemaName,
            IsActivity = table.IsActivity,
            PrimaryIdAttribute = table.PrimaryIdAttribute,
            PrimaryNameAttribute = table.PrimaryNameAttribute,
        };
        if ((filters & EntityFilters.Attributes) != 0)
        {
            // New objects on every call (the caller may change them), from facts the table works out once.
            var columns = table.ColumnsByName;
            var attributes = new AttributeMetadata[columns.Count];
            for (var i = 0; i < attributes.Length; i++) attributes[i] = MetadataViews.Attribute(table, columns[i]);
            entity.Attributes = attributes;
        }

        operation.OutputParameters["EntityMetadata"] = entity;
    }

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = Response<RetrieveEntityResponse>(Name);
        response.Results["EntityMetadata"] = operation.OutputParameters["EntityMetadata"];
        return response;
    }

    private static TableMetadata DefinitionOf(MetadataCatalog catalog, Operation operation)
    {
        if (operation.InputParameters.TryGetValue("LogicalName", out var name) && name is string logicalName && logicalName.Length > 0)
        {
            return catalog.Require(logicalName);
        }

        if (operation.InputParameters.TryGetValue("MetadataId", out var id) && id is Guid metadataId && metadataId != Guid.Empty)
        {
            return catalog.Tables.FirstOrDefault(t => t.MetadataId == metadataId) ?? throw Fault.DoesNotExist("EntityMetadata", metadataId);
        }

        throw Fault.InvalidArgument("RetrieveEntity needs LogicalName or MetadataId.");
    }
}

/// <summary>RetrieveAttribute: one column's definition by table and column name, or by its MetadataId.</summary>
internal sealed class RetrieveAttributeHandler : EventMessageHandler
{
    public RetrieveAttributeHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "RetrieveAttribute";

    public override void Prepare(Operation operation) => operation.Describe("none", new OperationItem(Guid.Empty, null));

    public override void Execute(Operation operation)
    {
        var inputs = operation.InputParameters;
        TableMetadata table;
        ColumnMetadata column;
        if (inputs.TryGetValue("MetadataId", out var id) && id is Guid metadataId && metadataId != Guid.Empty)
        {
            (table, column) = Emulator.Metadata.Tables
                .Select(t => (Table: t, Column: t.ColumnWithMetadataId(metadataId)))
                .FirstOrDefault(found => found.Column != null) is ({ } foundTable, { } foundColumn)
                ? (foundTable, foundColumn)
                : throw Fault.DoesNotExist("AttributeMetadata", metadataId);
        }
        else
        {
            var tableName = inputs.TryGetValue("EntityLogicalName", out var t) ? t as string : null;
            var columnName = inputs.TryGetValue("LogicalName", out var c) ? c as string : null;
            if (string.IsNullOrEmpty(tableName) || string.IsNullOrEmpty(columnName))
            {
                throw Fault.InvalidArgument("RetrieveAttribute needs EntityLogicalName and LogicalName, or MetadataId.");
            }

            table = Emulator.Metadata.Require(tableName);
            column = Emulator.Metadata.RequireColumn(table, columnName!);
        }

        operation.OutputParameters["AttributeMetadata"] = MetadataViews.Attribute(table, column);
    }

    public override OrganizationResponse Respond(Operation operation)
    {
        var response = Response<RetrieveAttributeResponse>(Name);
        response.Results["AttributeMetadata"] = operation.OutputParameters["AttributeMetadata"];
        return response;
    }
}

/// <summary>The SDK's view of the emulator's metadata.</summary>
internal static class MetadataViews
{
    // The SDK's type code of the same name, by ColumnType (no parsing per column and call).
    private static readonly AttributeTypeCode[] TypeCodes = Enum.GetValues<ColumnType>()
        .Select(type => Enum.Parse<AttributeTypeCode>(type.ToString())).ToArray();

    public static AttributeMetadata Attribute(TableMetadata table, ColumnMetadata column) => new()
    {
        MetadataId = table.MetadataIdOf(column.LogicalName),
        LogicalName = column.LogicalName,
        SchemaName = column.LogicalName,
        EntityLogicalName = table.LogicalName,
        AttributeType = TypeCodes[(int)column.Type],
        IsSecured = column.IsSecured,
        // Keys, primary names and owners cannot be secured at all.
        CanBeSecuredForRead = column.CanBeSecuredForRead && column.Type != ColumnType.Owner
                              && column.LogicalName != table.PrimaryIdAttribute && column.LogicalName != table.PrimaryNameAttribute,
        IsPrimaryId = column.LogicalName == table.PrimaryIdAttribute,
        IsPrimaryName = column.LogicalName == table.PrimaryNameAttribute,
    };
}
