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
/// Reads one CSV file of the input contract. Encoding: UTF-8 with or without BOM; UTF-16 with a BOM; otherwise the
/// bytes are read as Windows-1252 (Latin-1) and a note says so, never replaced by U+FFFD. The delimiter (comma,
/// semicolon or tab) is detected. Columns are found by name, loosely (case, spaces, underscores and hyphens ignored:
/// "Estimated Value" is estimated_value); columns the contract does not know are listed. A quote that is never
/// closed is reported at its line and the rest of the file is read on. A missing file or a missing required column
/// makes the input unusable.
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

    /// <summary>How numbers are written in this file (detected from its cells, or given with --culture).</summary>
    public NumberFormat NumberFormat { get; set; } = NumberFormat.DecimalPoint;

    /// <summary>Header names that are not columns of the contract (ignored), as written.</summary>
    public IReadOnlyList<string> UnknownColumns { get; private set; } = Array.Empty<string>();

    /// <summary>What was noticed about the file as a whole: encoding, delimiter.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>The delimiter the file uses.</summary>
    public string Delimiter { get; private set; } = ",";

    public bool Has(string column) => IndexOf(column) >= 0;

    // Column names as the code asks for them, resolved once: rows are read by name millions of times.
    private readonly Dictionary<string, int> _asked = new(StringComparer.Ordinal);

    internal int IndexOf(string column)
    {
        if (_asked.TryGetValue(column, out var index)) return index;
        index = _columns.TryGetValue(MatchName(column), out var i) ? i : -1;
        _asked.Add(column, index);
        return index;
    }

    /// <summary>How a header is matched: case, spaces, underscores, hyphens and dots ignored.</summary>
    public static string MatchName(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
        {
            if (c is ' ' or '_' or '-' or '.' or '\u00A0') continue;
            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>Reads <paramref name="path"/>, requiring <paramref name="required"/> columns in its header.</summary>
    /// <exception cref="InputUnusableException">The file is missing, empty or unreadable, or lacks a required column.</exception>
    public static CsvTable Read(string path, IReadOnlyCollection<string> required, IReadOnlyCollection<string>? optional = null, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var fileName = Path.GetFileName(path);
        if (Directory.Exists(path)) throw new InputUnusableException($"{path}: is a folder, not a CSV file.");
        if (!File.Exists(path)) throw new InputUnusableException($"{path}: file not found.");

        try
        {
            var (encoding, note) = DetectEncoding(path, fileName);
            var table = Read(() => new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false), fileName, required, optional, aliases);
            if (note != null) table.Notes.Insert(0, note);
            return table;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputUnusableException($"{path}: cannot read the file: {e.Message}", e);
        }
    }

    public static CsvTable Read(TextReader reader, string fileName, IReadOnlyCollection<string> required, IReadOnlyCollection<string>? optional = null)
    {
        var text = reader.ReadToEnd();
        return Read(() => new StringReader(text), fileName, required, optional, null);
    }

    /// <summary>
    /// UTF-8 (BOM or not) when the bytes are valid UTF-8; UTF-16 with its BOM; else Windows-1252, with a note.
    /// A file with NUL bytes and no BOM (UTF-16 without a BOM, a spreadsheet) is refused.
    /// </summary>
    private static (Encoding Encoding, string? Note) DetectEncoding(string path, string fileName)
    {
        using var stream = File.OpenRead(path);
        var bom = new byte[3];
        var n = stream.Read(bom, 0, 3);
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) return (new UTF8Encoding(false), null);
        if (n >= 2 && bom[0] == 0xFF && bom[1] == 0xFE) return (Encoding.Unicode, $"{fileName}: read as UTF-16 (it has a UTF-16 byte order mark).");
        if (n >= 2 && bom[0] == 0xFE && bom[1] == 0xFF) return (Encoding.BigEndianUnicode, $"{fileName}: read as UTF-16 big-endian (it has a byte order mark).");

        stream.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4];
        var valid = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (Array.IndexOf(buffer, (byte)0, 0, read) >= 0)
            {
                throw new InputUnusableException($"{fileName}: the file holds NUL bytes, so it is not a text CSV (UTF-16 without a byte order mark, or a spreadsheet). Save it as CSV UTF-8.");
            }

            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                valid = false;
                break;
            }
        }

        if (valid)
        {
            try
            {
                decoder.GetChars(Array.Empty<byte>(), 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException)
            {
                valid = false;
            }
        }

        if (valid) return (new UTF8Encoding(false), null);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return (Encoding.GetEncoding(1252),
            $"{fileName}: not valid UTF-8, read as Windows-1252 (Latin-1), the usual encoding of spreadsheet exports on Windows. Check accented names; save as CSV UTF-8 to be sure.");
    }

    private static CsvTable Read(
        Func<TextReader> open, string fileName, IReadOnlyCollection<string> required, IReadOnlyCollection<string>? optional, IReadOnlyDictionary<string, string>? aliases)
    {
        var issues = new List<InputIssue>();
        var rows = new List<CsvRow>();
        Dictionary<string, int>? columns = null;
        string[] header = Array.Empty<string>();
        var delimiter = ",";
        var startLine = 1; // the physical line the current parse starts on

        while (true)
        {
            using var reader = open();
            for (var skip = 1; skip < startLine; skip++)
            {
                if (reader.ReadLine() == null) break;
            }

            var badLines = new HashSet<int>();
            var lastRawRow = 0;
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                HasHeaderRecord = columns == null,
                TrimOptions = TrimOptions.Trim,
                IgnoreBlankLines = true,
                MissingFieldFound = null,
                DetectColumnCountChanges = false,
                DetectDelimiter = columns == null,
                DetectDelimiterValues = new[] { ",", ";", "\t" },
                Delimiter = delimiter,
                PrepareHeaderForMatch = args => MatchName(args.Header ?? string.Empty),
                BadDataFound = args =>
                {
                    var line = startLine + lastRawRow;
                    if (badLines.Add(line))
                    {
                        issues.Add(new InputIssue(fileName, line, "malformed CSV (a quote is misplaced): " + Shorten(args.RawRecord)) { Kind = "malformed CSV (a quote is misplaced)" });
                    }
                },
            };

            using var csv = new CsvReader(reader, config);
            if (columns == null)
            {
                if (!csv.Read())
                {
                    throw new InputUnusableException($"{fileName}: the file is empty; expected a header row with {string.Join(", ", required)}.");
                }

                csv.ReadHeader();
                delimiter = csv.Parser.Delimiter;
                lastRawRow = csv.Parser.RawRow;
                header = (csv.HeaderRecord ?? Array.Empty<string>()).Select(h => (h ?? string.Empty).Trim().TrimStart('\uFEFF')).ToArray();
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    var name = MatchName(header[i]);
                    if (name.Length > 0 && !columns.ContainsKey(name)) columns.Add(name, i);
                }

                // Other CRMs' names for a column ("Account Name" for name), unless the file has the column itself.
                for (var i = 0; i < header.Length; i++)
                {
                    if (aliases != null && aliases.TryGetValue(MatchName(header[i]), out var column) && !columns.ContainsKey(MatchName(column)))
                    {
                        columns.Add(MatchName(column), i);
                    }
                }

                var missing = required.Where(c => !columns.ContainsKey(MatchName(c))).ToList();
                if (missing.Count > 0)
                {
                    var hint = header.Length == 1 && header[0].IndexOfAny(new[] { ',', ';', '\t', '|' }) < 0
                        ? " The header has one column only: is the file delimited by something other than a comma, semicolon or tab?"
                        : string.Empty;
                    throw new InputUnusableException(
                        $"{fileName}: missing required column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} " +
                        $"(the header has: {string.Join(", ", header)}; names match regardless of case, spaces and underscores).{hint}");
                }
            }

            var restartAt = 0;
            while (csv.Read())
            {
                var line = startLine + lastRawRow;
                var span = csv.Parser.RawRow - lastRawRow;
                lastRawRow = csv.Parser.RawRow;
                if (badLines.Contains(line)) continue;
                if (span > 1 && SwallowsRows(csv.Parser.RawRecord, header.Length, delimiter))
                {
                    // A quote opened on this line and closed rows later (or never): the rows in between are not
                    // one cell. Report this line and read on from the next.
                    issues.Add(new InputIssue(fileName, line, $"malformed CSV: a quote opened on this line is not closed, so it would take the next {span - 1:N0} line(s) with it; this row is skipped and reading goes on at line {line + 1}")
                        { Kind = "malformed CSV (a quote is not closed)" });
                    restartAt = line + 1;
                    break;
                }

                var fields = new string[csv.Parser.Count];
                for (var i = 0; i < fields.Length; i++) fields[i] = csv.Parser[i] ?? string.Empty;
                if (fields.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new CsvRow(line, fields));
            }

            if (restartAt == 0) break;
            startLine = restartAt;
        }

        var table = new CsvTable(fileName, columns, rows, issues) { Delimiter = delimiter };
        if (delimiter != ",") table.Notes.Add($"{fileName}: {(delimiter == ";" ? "semicolon" : delimiter == "\t" ? "tab" : $"'{delimiter}'")}-delimited.");
        if (optional != null)
        {
            var known = new HashSet<string>(required.Concat(optional).Select(MatchName).Concat(aliases?.Keys ?? Enumerable.Empty<string>()), StringComparer.Ordinal);
            table.UnknownColumns = header.Where(h => h.Length > 0 && !known.Contains(MatchName(h))).ToList();
        }

        foreach (var row in rows) row.Table = table;
        return table;
    }

    /// <summary>True when a record spanning several lines has a continuation line that reads like a row of its own.</summary>
    private static bool SwallowsRows(string? raw, int columns, string delimiter)
    {
        if (raw == null || columns < 2) return false;
        var lines = raw.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var count = 0;
            var at = -1;
            while ((at = lines[i].IndexOf(delimiter, at + 1, StringComparison.Ordinal)) >= 0) count++;
            if (count >= columns - 1) return true;
        }

        return false;
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

    /// <summary>The row is refused for <paramref name="reason"/>.</summary>
    public InputIssue Issue(string reason) => new(Table.FileName, Line, reason);

    /// <summary>The row is kept with <paramref name="column"/> unknown (or stood in for), for <paramref name="reason"/>.</summary>
    public InputIssue Kept(string column, string kind, string reason) => new(Table.FileName, Line, reason) { Column = column, Kept = true, Kind = kind };
}
