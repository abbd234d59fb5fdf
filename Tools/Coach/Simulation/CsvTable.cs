using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Coach.Simulation;

/// <summary>
/// Reads one CSV file of the input contract: UTF-8, a header row, columns found by name (case-insensitive,
/// surrounding spaces ignored), unknown columns ignored. A missing file or a missing required column makes
/// the input unusable; a malformed row (broken quoting) is reported with its line and skipped.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string fileName, Dictionary<string, int> columns, List<CsvRow> rows, List<InputIssue> issues)
    {
        FileName = fileName;
        _columns = columns;
        Rows = rows;
        Issues = issues;
    }

    /// <summary>The file name shown in messages.</summary>
    public string FileName { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Rows the CSV parser itself could not read (they are not in <see cref="Rows"/>).</summary>
    public IReadOnlyList<InputIssue> Issues { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    internal int IndexOf(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>Reads <paramref name="path"/>, requiring <paramref name="required"/> columns in its header.</summary>
    /// <exception cref="InputUnusableException">The file is missing or empty, or lacks a required column.</exception>
    public static CsvTable Read(string path, IReadOnlyCollection<string> required)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new InputUnusableException($"{path}: file not found.");
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader, fileName, required);
    }

    public static CsvTable Read(TextReader reader, string fileName, IReadOnlyCollection<string> required)
    {
        var issues = new List<InputIssue>();
        var badRows = new HashSet<int>();
        var lastRawRow = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            BadDataFound = args =>
            {
                var line = lastRawRow + 1;
                if (badRows.Add(line))
                {
                    issues.Add(new InputIssue(fileName, line, "malformed CSV (a quote is not closed or is misplaced): " + Shorten(args.RawRecord)));
                }
            },
        };

        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
        {
            throw new InputUnusableException($"{fileName}: the file is empty; expected a header row with {string.Join(", ", required)}.");
        }

        csv.ReadHeader();
        lastRawRow = csv.Parser.RawRow;
        var header = csv.HeaderRecord ?? Array.Empty<string>();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = (header[i] ?? string.Empty).Trim().TrimStart('\uFEFF');
            if (name.Length > 0 && !columns.ContainsKey(name)) columns.Add(name, i);
        }

        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InputUnusableException(
                $"{fileName}: missing required column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} " +
                $"(the header has: {string.Join(", ", header.Select(h => h.Trim()))}).");
        }

        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var line = lastRawRow + 1;
            lastRawRow = csv.Parser.RawRow;
            if (badRows.Contains(line)) continue;
            var fields = new string[csv.Parser.Count];
            for (var i = 0; i < fields.Length; i++) fields[i] = csv.Parser[i] ?? string.Empty;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new CsvRow(line, fields));
        }

        var table = new CsvTable(fileName, columns, rows, issues);
        foreach (var row in rows) row.Table = table;
        return table;
    }

    private static string Shorten(string? raw)
    {
        var text = (raw ?? string.Empty).Replace("\r", " ").Replace("\n", " ").Trim();
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}

/// <summary>One data row: its line in the file and its fields, read by column name.</summary>
public sealed class CsvRow
{
    private readonly string[] _fields;

    internal CsvRow(int line, string[] fields)
    {
        Line = line;
        _fields = fields;
    }

    public int Line { get; }

    internal CsvTable Table { get; set; } = null!;

    /// <summary>The trimmed value of <paramref name="column"/>, or null when the column is absent or the cell empty.</summary>
    public string? this[string column]
    {
        get
        {
            var index = Table.IndexOf(column);
            if (index < 0 || index >= _fields.Length) return null;
            var value = _fields[index].Trim();
            return value.Length == 0 ? null : value;
        }
    }

    public InputIssue Issue(string reason) => new(Table.FileName, Line, reason);
}
