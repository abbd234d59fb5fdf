using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Queries;

/// <summary>The five kinds of value a condition compares, after <see cref="QueryValues.Normalize"/>.</summary>
internal enum ValueKind
{
    Guid,
    Number,
    Text,
    Date,
    Boolean,
}

/// <summary>
/// Puts column and condition values in the form Dataverse compares them in: a lookup by its id, a choice and money by
/// their number, every number as decimal, text case-insensitively, dates in UTC. Also converts the text values of
/// FetchXML into the kind of the column they are compared with.
/// </summary>
internal static class QueryValues
{
    /// <summary>Guid, decimal, string, UTC DateTime, bool, or null.</summary>
    public static object? Normalize(object? raw) => raw switch
    {
        null => null,
        AliasedValue aliased => Normalize(aliased.Value),
        EntityReference reference => reference.Id,
        Guid id => id,
        OptionSetValue option => (decimal)option.Value,
        Money money => money.Value,
        string text => text,
        bool flag => flag,
        DateTime date => ToUtc(date),
        DateTimeOffset offset => offset.UtcDateTime,
        Enum choice => Convert.ToDecimal(choice, CultureInfo.InvariantCulture),
        int number => (decimal)number,
        long number => (decimal)number,
        short number => (decimal)number,
        byte number => (decimal)number,
        decimal number => number,
        double number => ToDecimal(number),
        float number => ToDecimal(number),
        _ => throw new UnsupportedQueryException($"comparing values of type {raw.GetType().FullName}"),
    };

    /// <summary>Whether <see cref="Normalize"/> accepts the value.</summary>
    public static bool IsComparable(object? raw) => raw switch
    {
        AliasedValue aliased => IsComparable(aliased.Value),
        null or EntityReference or Guid or OptionSetValue or Money or string or bool or DateTime or DateTimeOffset or Enum
            or int or long or short or byte or decimal or double or float => true,
        _ => false,
    };

    public static ValueKind KindOf(object normalized) => normalized switch
    {
        Guid => ValueKind.Guid,
        decimal => ValueKind.Number,
        string => ValueKind.Text,
        DateTime => ValueKind.Date,
        bool => ValueKind.Boolean,
        _ => throw new InvalidOperationException($"{normalized.GetType()} is not a normalized query value."),
    };

    /// <summary>
    /// Converts a normalized condition value to the kind of the column it is compared with: FetchXML values arrive as
    /// text ("731050000", a guid, an ISO date), and a bool column may be compared with 0/1.
    /// </summary>
    public static object Coerce(object value, ValueKind target, ColumnName column)
    {
        var kind = KindOf(value);
        if (kind == target) return value;

        object? converted = (target, value) switch
        {
            (ValueKind.Guid, string text) => Guid.TryParse(text, out var id) ? id : null,
            (ValueKind.Number, string text) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
            (ValueKind.Number, bool flag) => flag ? 1m : 0m,
            (ValueKind.Date, string text) => ParseDate(text),
            (ValueKind.Boolean, string text) => ParseBoolean(text),
            (ValueKind.Boolean, decimal number) => number == 1m ? true : number == 0m ? false : null,
            (ValueKind.Text, Guid id) => id.ToString("D"),
            (ValueKind.Text, decimal number) => number.ToString(CultureInfo.InvariantCulture),
            (ValueKind.Text, DateTime date) => date.ToString("o", CultureInfo.InvariantCulture),
            (ValueKind.Text, bool flag) => flag ? "1" : "0",
            _ => null,
        };

        return converted ?? throw new InvalidQueryException(
            $"The value '{Describe(value)}' cannot be compared with {column}, which holds {Describe(target)} values.");
    }

    public static bool AreEqual(object left, object right) => left switch
    {
        string text => string.Equals(text, (string)right, StringComparison.OrdinalIgnoreCase),
        _ => left.Equals(right),
    };

    /// <summary>Orders two values of the same kind the way SQL Server does (uniqueidentifier order included).</summary>
    public static int Compare(object left, object right) => left switch
    {
        Guid id => Data.SqlGuidOrder.Instance.Compare(id, (Guid)right),
        decimal number => number.CompareTo((decimal)right),
        string text => string.Compare(text, (string)right, StringComparison.OrdinalIgnoreCase),
        DateTime date => date.CompareTo((DateTime)right),
        bool flag => flag.CompareTo((bool)right),
        _ => throw new InvalidOperationException($"{left.GetType()} is not a normalized query value."),
    };

    /// <summary>A key that is equal for values Dataverse treats as equal (text case-insensitively).</summary>
    public static object? EqualityKey(object? normalized) => normalized is string text ? text.ToUpperInvariant() : normalized;

    public static DateTime ToUtc(DateTime date) => date.Kind switch
    {
        DateTimeKind.Local => date.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(date, DateTimeKind.Utc),
        _ => date,
    };

    public static DateTime? ParseDate(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : null;

    public static bool? ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => null,
    };

    public static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Guid => "id (lookup or unique identifier)",
        ValueKind.Number => "numeric (number, choice or money)",
        ValueKind.Text => "text",
        ValueKind.Date => "date and time",
        _ => "yes/no",
    };

    private static string Describe(object value) => value switch
    {
        DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static decimal ToDecimal(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number) || Math.Abs(number) > (double)decimal.MaxValue)
        {
            throw new InvalidQueryException($"The number {number.ToString(CultureInfo.InvariantCulture)} cannot be used in a query.");
        }

        return (decimal)number;
    }
}
