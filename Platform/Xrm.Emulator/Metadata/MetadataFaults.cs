using System;
using System.Globalization;
using Xrm.Emulator.Faults;

namespace Xrm.Emulator.Metadata;

/// <summary>The faults the platform raises for what its metadata refuses, in its words where its words are known.</summary>
internal static class MetadataFaults
{
    public static XrmFaultException UnknownTable(string table) =>
        Fault.Of(FaultCodes.QueryBuilderNoEntity, $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

    /// <summary>A write naming a column the table does not have.</summary>
    public static XrmFaultException UnknownColumnInWrite(string table, string column) =>
        Fault.Of(FaultCodes.QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    /// <summary>A query (column set, condition, order, link, FetchXML) or a step naming a column the table does not have.</summary>
    public static XrmFaultException UnknownColumn(string table, string column) =>
        Fault.Of(FaultCodes.QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}'.");

    public static XrmFaultException WrongType(string table, ColumnMetadata column, object value)
    {
        var fault = Fault.Of(FaultCodes.InvalidArgument, $"Incorrect type of attribute value {value.GetType().FullName}");
        fault.Fault.TraceText = $"{table}.{column.LogicalName} is {column.Type}; the request gave {value.GetType().FullName}.";
        return fault;
    }

    public static XrmFaultException ChoiceOutOfRange(string table, ColumnMetadata column, int value) =>
        Fault.Of(FaultCodes.PicklistValueOutOfRange,
            $"A validation error occurred. The value {value.ToString(CultureInfo.InvariantCulture)} of '{column.LogicalName}' on record of type '{table}' " +
            $"is outside the valid range. Accepted Values: {column.AcceptedValues}");

    public static XrmFaultException NumberOutOfRange(string table, ColumnMetadata column, decimal value) =>
        Fault.Of(column.Type == ColumnType.Integer ? FaultCodes.IntegerValueOutOfRange : FaultCodes.MoneyValueOutOfRange,
            $"A validation error occurred. The value {value.ToString(CultureInfo.InvariantCulture)} of '{column.LogicalName}' on record of type '{table}' " +
            $"is outside the valid range ({Format(column.MinValue)} to {Format(column.MaxValue)}).");

    public static XrmFaultException TooLong(string table, ColumnMetadata column) =>
        Fault.Of(FaultCodes.StringLengthTooLong,
            $"A validation error occurred. The length of the '{column.LogicalName}' attribute of the '{table}' entity exceeded the maximum allowed length of " +
            $"'{column.MaxLength!.Value.ToString(CultureInfo.InvariantCulture)}'.");

    /// <summary>A lookup (or owner, or customer) pointing at a table it does not target. The platform's wording is not published; this is the emulator's.</summary>
    public static XrmFaultException WrongLookupTarget(string table, ColumnMetadata column, string target) =>
        Fault.Of(FaultCodes.InvalidArgument,
            column.Type == ColumnType.Owner
                ? $"The owner of a '{table}' record must be a systemuser or a team, not a '{target}'."
                : $"The lookup '{column.LogicalName}' of '{table}' can point at {string.Join(" or ", column.Targets)}, not at {target}.");

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unbounded";
}
