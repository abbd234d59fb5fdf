using System;
using System.Collections.Generic;
using System.Globalization;

namespace Coach.Simulation;

/// <summary>How cell values are read: ISO 8601 dates, numbers in the file's format. Each returns false with the reason.</summary>
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
        var trimmed = text.Trim();
        if (TryCommonIso(trimmed, out utc)) return true;
        // Every accepted form starts with yyyy-MM-dd: anything else (a goal's text) is not worth ten exact parses.
        if (trimmed.Length < 10 || !IsDigits(trimmed, 0, 4) || trimmed[4] != '-')
        {
            utc = default;
            return false;
        }

        if (DateTimeOffset.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            utc = value.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>
    /// "yyyy-MM-dd" and "yyyy-MM-ddTHH:mm:ssZ", the shapes exports write (hundreds of thousands of cells in a large
    /// file), read without the general parser; false for anything else, which then goes through it.
    /// </summary>
    private static bool TryCommonIso(string s, out DateTime utc)
    {
        utc = default;
        if (s.Length != 10 && s.Length != 20) return false;
        if (!IsDigits(s, 0, 4) || s[4] != '-' || !IsDigits(s, 5, 2) || s[7] != '-' || !IsDigits(s, 8, 2)) return false;
        int hour = 0, minute = 0, second = 0;
        if (s.Length == 20)
        {
            if (s[10] != 'T' || !IsDigits(s, 11, 2) || s[13] != ':' || !IsDigits(s, 14, 2) || s[16] != ':' || !IsDigits(s, 17, 2) || s[19] != 'Z') return false;
            hour = Number(s, 11, 2);
            minute = Number(s, 14, 2);
            second = Number(s, 17, 2);
        }

        int year = Number(s, 0, 4), month = Number(s, 5, 2), day = Number(s, 8, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    private static bool IsDigits(string s, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (s[i] is < '0' or > '9') return false;
        }

        return true;
    }

    private static int Number(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++) n = (n * 10) + (s[i] - '0');
        return n;
    }

    /// <summary>The largest amount a Dataverse Money column holds (about ±922,337,203,685,477).</summary>
    public const decimal MoneyMax = 922_337_203_685_477m;

    /// <summary>A number written with '.' as the decimal point (thousands separators ',' only where valid).</summary>
    public static bool TryAmount(string text, out decimal value) => TryAmount(text, NumberFormat.DecimalPoint, out value);

    /// <summary>
    /// A number in <paramref name="format"/>: an optional currency symbol or code, an optional sign (or parentheses),
    /// thousands separators only between groups of three digits (the format's, a space or an apostrophe), one decimal
    /// separator. "1,2,3", "12500,50" in a decimal-point file, and "1e20" are not numbers.
    /// </summary>
    public static bool TryAmount(string text, NumberFormat format, out decimal value)
    {
        value = 0;
        var s = text.Trim();
        var negative = false;
        if (s.Length > 1 && s[0] == '(' && s[s.Length - 1] == ')')
        {
            negative = true;
            s = s.Substring(1, s.Length - 2).Trim();
        }

        s = StripCurrency(s);
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '\u2212'))
        {
            negative |= s[0] != '+';
            s = StripCurrency(s.Substring(1).Trim());
        }

        if (s.Length == 0) return false;
        var decimalAt = s.LastIndexOf(format.Decimal);
        var whole = decimalAt < 0 ? s : s.Substring(0, decimalAt);
        var fraction = decimalAt < 0 ? string.Empty : s.Substring(decimalAt + 1);
        if (decimalAt >= 0 && fraction.Length == 0) return false;
        foreach (var c in fraction)
        {
            if (!IsAsciiDigit(c)) return false;
        }

        var digits = new System.Text.StringBuilder(s.Length);
        var group = -1; // digits since the last separator; -1 before any separator
        var run = 0;
        foreach (var c in whole)
        {
            if (IsAsciiDigit(c))
            {
                digits.Append(c);
                run++;
                if (group >= 0) group++;
                continue;
            }

            if (c != format.Group && c != ' ' && c != '\u00A0' && c != '\u202F' && c != '\'') return false;
            if (group < 0 ? run is 0 or > 3 : group != 3) return false; // a separator only after 1-3 digits, then after each 3
            group = 0;
        }

        if (group >= 0 && group != 3) return false;
        if (digits.Length == 0) return false;
        if (fraction.Length > 0) digits.Append('.').Append(fraction);
        if (!decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        if (negative) value = -value;
        return true;
    }

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private static readonly string[] CurrencyCodes = { "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "INR", "BRL", "MXN" };

    private static string StripCurrency(string s)
    {
        foreach (var code in CurrencyCodes)
        {
            if (s.StartsWith(code, StringComparison.OrdinalIgnoreCase)) s = s.Substring(code.Length).Trim();
            else if (s.EndsWith(code, StringComparison.OrdinalIgnoreCase)) s = s.Substring(0, s.Length - code.Length).Trim();
        }

        if (s.Length > 0 && char.GetUnicodeCategory(s[0]) == UnicodeCategory.CurrencySymbol) s = s.Substring(1).Trim();
        if (s.Length > 0 && char.GetUnicodeCategory(s[s.Length - 1]) == UnicodeCategory.CurrencySymbol) s = s.Substring(0, s.Length - 1).Trim();
        return s;
    }

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

    /// <summary>An optional non-negative amount that fits a Dataverse Money column.</summary>
    public static bool OptionalAmount(CsvRow row, string column, out decimal? value, out string? reason)
    {
        value = null;
        reason = null;
        var text = row[column];
        if (text == null) return true;
        var format = row.Table.NumberFormat;
        if (!TryAmount(text, format, out var amount))
        {
            reason = $"{column} is not a number: '{text}' ({format.Describe()})";
            return false;
        }

        if (amount < 0)
        {
            reason = $"negative value in {column}: {text} (must be 0 or more)";
            return false;
        }

        if (amount > MoneyMax)
        {
            reason = $"{column} is out of range: '{text}' (a Dataverse amount ends at {MoneyMax.ToString("N0", CultureInfo.InvariantCulture)})";
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
            reason = $"{column} must be a whole number up to {int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)}: '{row[column]}'";
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

/// <summary>How a file writes numbers: its decimal separator and thousands separator (one per file).</summary>
public sealed record NumberFormat(char Decimal, char Group, string Source)
{
    public static readonly NumberFormat DecimalPoint = new('.', ',', "decimal point");

    public static readonly NumberFormat DecimalComma = new(',', '.', "decimal comma");

    public string Describe() => Decimal == '.'
        ? "the file writes numbers like 12,500.50; use --culture de-DE if it uses a decimal comma"
        : "the file writes numbers like 12.500,50; use --culture en-US if it uses a decimal point";

    /// <summary>The format of a culture name such as de-DE or en-US.</summary>
    public static bool TryFromCulture(string name, out NumberFormat format)
    {
        format = DecimalPoint;
        try
        {
            var culture = CultureInfo.GetCultureInfo(name.Trim());
            var separator = culture.NumberFormat.NumberDecimalSeparator;
            format = separator == "," ? DecimalComma with { Source = "--culture " + culture.Name } : DecimalPoint with { Source = "--culture " + culture.Name };
            return culture.Name.Length > 0 || name.Trim().Length == 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Decides between decimal point and decimal comma from cells that only one can read (1,5 or 12500,50 or
    /// 1.234,5 vs 1.5 or 1,234.5); ambiguous cells such as 1,500 do not count. Decimal point when nothing tells.
    /// </summary>
    public static NumberFormat Detect(IEnumerable<string> cells)
    {
        int point = 0, comma = 0;
        foreach (var cell in cells)
        {
            var okPoint = InputValues.TryAmount(cell, DecimalPoint, out var asPoint);
            var okComma = InputValues.TryAmount(cell, DecimalComma, out var asComma);
            if (okPoint && !okComma) point++;
            else if (okComma && !okPoint) comma++;
            else if (okPoint && okComma && asPoint != asComma)
            {
                // "1,500": both read it; only a decimal separator followed by other than three digits tells.
                continue;
            }
        }

        return comma > point ? DecimalComma with { Source = "decimal comma (detected)" } : DecimalPoint;
    }
}
