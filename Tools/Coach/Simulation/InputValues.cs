using System;
using System.Globalization;

namespace Coach.Simulation;

/// <summary>How cell values are read: ISO 8601 dates, invariant numbers. Each returns false with the reason.</summary>
public static class InputValues
{
    // The most common first: each failed format costs a parse attempt.
    private static readonly string[] DateFormats =
    {
        "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ssK",
    };

    /// <summary>An ISO 8601 date or date-time; without an offset it is taken as UTC. The result is UTC.</summary>
    public static bool TryDate(string text, out DateTime utc)
    {
        if (DateTimeOffset.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            utc = value.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>A number written with '.' as the decimal point (thousands separators ',' allowed).</summary>
    public static bool TryAmount(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Reads an optional column: null cell → ok with null; else parsed. On failure <paramref name="reason"/>
    /// says which column and value.
    /// </summary>
    public static bool OptionalDate(CsvRow row, string column, out DateTime? value, out string? reason)
    {
        value = null;
        reason = null;
        var text = row[column];
        if (text == null) return true;
        if (TryDate(text, out var date))
        {
            value = date;
            return true;
        }

        reason = $"bad date in {column}: '{text}' (expected ISO 8601, e.g. 2026-01-15 or 2026-01-15T09:30:00Z)";
        return false;
    }

    public static bool RequiredDate(CsvRow row, string column, out DateTime value, out string? reason)
    {
        value = default;
        if (row[column] == null)
        {
            reason = $"{column} is empty (expected an ISO 8601 date)";
            return false;
        }

        var ok = OptionalDate(row, column, out var parsed, out reason);
        if (ok) value = parsed!.Value;
        return ok;
    }

    /// <summary>An optional non-negative amount.</summary>
    public static bool OptionalAmount(CsvRow row, string column, out decimal? value, out string? reason)
    {
        value = null;
        reason = null;
        var text = row[column];
        if (text == null) return true;
        if (!TryAmount(text, out var amount))
        {
            reason = $"{column} is not a number: '{text}'";
            return false;
        }

        if (amount < 0)
        {
            reason = $"negative value in {column}: {text} (must be 0 or more)";
            return false;
        }

        value = amount;
        return true;
    }

    /// <summary>An optional non-negative whole number.</summary>
    public static bool OptionalWhole(CsvRow row, string column, out int? value, out string? reason)
    {
        value = null;
        if (!OptionalAmount(row, column, out var amount, out reason)) return false;
        if (amount == null) return true;
        if (amount.Value != decimal.Truncate(amount.Value) || amount.Value > int.MaxValue)
        {
            reason = $"{column} must be a whole number: '{row[column]}'";
            return false;
        }

        value = (int)amount.Value;
        return true;
    }

    public static string Iso(DateTime utc) =>
        utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
