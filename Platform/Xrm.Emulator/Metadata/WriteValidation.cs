using System;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;
using Xrm.Emulator.Faults;

namespace Xrm.Emulator.Metadata;

/// <summary>
/// What the platform checks and normalizes on every Create and Update, column by column: the column exists, the
/// value has the column's type, a choice is one of its values, a number is in range, a text fits, a lookup points
/// at an existing record of a table it targets. Money and decimals are rounded to their precision, dates stored in
/// UTC to the whole second (date-only columns without their time). Lookups are stored without a Name: readers get
/// the target's current name.
/// </summary>
internal static class WriteValidation
{
    /// <summary>The value to store for <paramref name="column"/>, or the platform's fault.</summary>
    public static object? Check(TableMetadata table, string column, object? value, EntityStore store)
    {
        var metadata = table.Column(column) ?? throw MetadataFaults.UnknownColumnInWrite(table.LogicalName, column);
        if (value == null) return null;

        switch (metadata.Type)
        {
            case ColumnType.String:
            case ColumnType.Memo:
                if (value is not string text) throw MetadataFaults.WrongType(table.LogicalName, metadata, value);
                if (metadata.MaxLength is { } max && text.Length > max) throw MetadataFaults.TooLong(table.LogicalName, metadata);
                return text;

            case ColumnType.EntityName:
                return value is string ? value : throw MetadataFaults.WrongType(table.LogicalName, metadata, value);

            case ColumnType.Integer:
                if (value is not int number) throw MetadataFaults.WrongType(table.LogicalName, metadata, value);
                CheckRange(table, metadata, number);
                return value;

            case ColumnType.BigInt:
                return value is long ? value : throw MetadataFaults.WrongType(table.LogicalName, metadata, value);

            case ColumnType.Money:
            {
                if (value is not Money money) throw MetadataFaults.WrongType(table.LogicalName, metadata, value);
                var rounded = Math.Round(money.Value, metadata.Precision ?? 2, MidpointRounding.AwayFromZero);
                CheckRange(table, metadata, rounded);
                return rounded == money.Value ? money : new Money(rounded);
            }

            case ColumnType.Decimal:
            {
                if (value is not decimal exact) throw MetadataFaults.WrongType(table.LogicalName, metadata, value);
                var rounded = metadata.Precision is { } precision ? Math.Round(exact, precision, MidpointRounding.AwayFromZero) : exact;
                CheckRange(table, metadata, rounded);
                return rounded;
            }

            case ColumnType.Double:
                if (value is not double real) throw MetadataFaults.WrongType(table.LogicalName, metadata, value);
                if (double.IsNaN(real) || double.IsInfinity(real)) throw MetadataFaults.WrongType(table.LogicalName, metadata, value);
                CheckRange(table, metadata, (decimal)real);
                return value;

            case ColumnType.DateTime:
                return value is DateTime date ? Dates.ToStored(date, metadata.DateOnly) : throw MetadataFaults.WrongType(table.LogicalName, metadata, value);

            case ColumnType.Boolean:
                return value is bool ? value : throw MetadataFaults.WrongType(table.LogicalName, metadata, value);

            case ColumnType.Picklist:
            case ColumnType.State:
            case ColumnType.Status:
                if (value is not OptionSetValue option) throw MetadataFaults.WrongType(table.LogicalName, metadata, value);
                if (metadata.Options != null && !metadata.Options.ContainsKey(option.Value))
                {
                    throw MetadataFaults.ChoiceOutOfRange(table.LogicalName, metadata, option.Value);
                }

                return option;

            case ColumnType.Lookup:
            case ColumnType.Owner:
            case ColumnType.Customer:
                if (value is not EntityReference reference) throw MetadataFaults.WrongType(table.LogicalName, metadata, value);
                if (!metadata.TargetsTable(reference.LogicalName ?? string.Empty))
                {
                    throw MetadataFaults.WrongLookupTarget(table.LogicalName, metadata, reference.LogicalName ?? "(no table)");
                }

                if (!store.Exists(reference.LogicalName!, reference.Id)) throw Fault.DoesNotExist(reference.LogicalName!, reference.Id);
                return reference.Name == null ? reference : new EntityReference(reference.LogicalName, reference.Id);

            case ColumnType.Uniqueidentifier:
                return value is Guid ? value : throw MetadataFaults.WrongType(table.LogicalName, metadata, value);

            case ColumnType.PartyList:
                return value is EntityCollection ? value : throw MetadataFaults.WrongType(table.LogicalName, metadata, value);

            default:
                return value;
        }
    }

    private static void CheckRange(TableMetadata table, ColumnMetadata column, decimal value)
    {
        if ((column.MinValue is { } min && value < min) || (column.MaxValue is { } max && value > max))
        {
            throw MetadataFaults.NumberOutOfRange(table.LogicalName, column, value);
        }
    }
}

/// <summary>How the platform stores a DateTime it is given.</summary>
internal static class Dates
{
    /// <summary>UTC (a Local value converted, an Unspecified one taken as UTC), whole seconds; a date-only column keeps the date.</summary>
    public static DateTime ToStored(DateTime value, bool dateOnly)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        var ticks = dateOnly ? utc.Ticks - utc.Ticks % TimeSpan.TicksPerDay : utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond;
        return ticks == value.Ticks && value.Kind == DateTimeKind.Utc ? value : new DateTime(ticks, DateTimeKind.Utc);
    }
}
