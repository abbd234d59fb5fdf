using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Xrm.Emulator.Metadata;

/// <summary>The attribute types Dataverse distinguishes for the values an SDK caller writes (AttributeTypeCode).</summary>
public enum ColumnType
{
    String,
    Memo,
    Integer,
    BigInt,
    Money,
    Decimal,
    Double,
    DateTime,
    Boolean,
    Picklist,
    State,
    Status,
    Lookup,
    Owner,
    Customer,
    Uniqueidentifier,
    PartyList,
    EntityName,
}

/// <summary>One column as the platform describes it: type, limits, choice values, lookup targets.</summary>
public sealed class ColumnMetadata
{
    private static readonly string[] NoTargets = Array.Empty<string>();

    public ColumnMetadata(string logicalName, ColumnType type)
    {
        LogicalName = logicalName;
        Type = type;
    }

    public string LogicalName { get; }

    public ColumnType Type { get; }

    /// <summary>String / Memo: the longest value accepted, in characters.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Integer, Money, Decimal, Double: the smallest value accepted.</summary>
    public decimal? MinValue { get; init; }

    public decimal? MaxValue { get; init; }

    /// <summary>Money and Decimal: the number of decimals kept (Money defaults to 2).</summary>
    public int? Precision { get; init; }

    /// <summary>DateTime with DateOnly behaviour: the time of day is dropped.</summary>
    public bool DateOnly { get; init; }

    /// <summary>Choice values (Picklist, State, Status, Boolean as 0/1) and their labels.</summary>
    public IReadOnlyDictionary<int, string>? Options { get; init; }

    /// <summary>Status: the state each status value belongs to.</summary>
    public IReadOnlyDictionary<int, int>? StateOfStatus { get; init; }

    /// <summary>Lookup, Owner, Customer: the tables a reference may point at.</summary>
    public IReadOnlyList<string> Targets { get; init; } = NoTargets;

    /// <summary>Column security (IsSecured 1): readable and writable only through a field security profile.</summary>
    public bool IsSecured { get; init; }

    /// <summary>Picklist: the value a new record gets when none is given (Entity.xml AppDefaultValue; -1 or absent: none).</summary>
    public int? DefaultValue { get; init; }

    /// <summary>
    /// Whether column security can hide the column from readers (AttributeMetadata.CanBeSecuredForRead). The platform's
    /// rules ("Field security entities", Which attributes can be secured): a yes/no column can be secured for create and
    /// update but not for read, a choice only when it has no default value; state and status cannot be secured at all.
    /// A secured column that cannot be secured for read is read by everyone who can read the record.
    /// </summary>
    public bool CanBeSecuredForRead => Type switch
    {
        ColumnType.Boolean or ColumnType.State or ColumnType.Status => false,
        ColumnType.Picklist => DefaultValue == null,
        _ => true,
    };

    /// <summary>This column with column security switched on.</summary>
    public ColumnMetadata AsSecured() => Copy(Targets, isSecured: true);

    /// <summary>This lookup also pointing at <paramref name="table"/> (a relationship the platform adds for a new table).</summary>
    public ColumnMetadata WithTarget(string table) => TargetsTable(table) ? this : Copy(Targets.Append(table).ToArray(), IsSecured);

    private ColumnMetadata Copy(IReadOnlyList<string> targets, bool isSecured) => new(LogicalName, Type)
    {
        MaxLength = MaxLength, MinValue = MinValue, MaxValue = MaxValue, Precision = Precision, DateOnly = DateOnly,
        Options = Options, StateOfStatus = StateOfStatus, Targets = targets, IsSecured = isSecured, DefaultValue = DefaultValue,
    };

    public bool IsChoice => Type is ColumnType.Picklist or ColumnType.State or ColumnType.Status;

    public bool IsLookup => Type is ColumnType.Lookup or ColumnType.Owner or ColumnType.Customer;

    /// <summary>"1,2,3": the accepted values as the platform lists them in its fault.</summary>
    public string AcceptedValues => _acceptedValues ??= Options == null ? string.Empty
        : string.Join(",", Options.Keys.OrderBy(k => k).Select(k => k.ToString(CultureInfo.InvariantCulture)));

    private string? _acceptedValues;

    public bool TargetsTable(string table)
    {
        foreach (var target in Targets)
        {
            if (string.Equals(target, table, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    public override string ToString() => $"{LogicalName} ({Type})";
}
