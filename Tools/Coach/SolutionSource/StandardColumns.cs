using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Coach.SolutionSource;

/// <summary>
/// The standard columns of the platform tables the solution touches, from the checked-in standard-columns.txt,
/// combined with the columns Solution/src defines, to answer "does this column exist on this table?".
/// </summary>
public sealed class StandardColumns
{
    private static readonly HashSet<string> StandardActivities = new(StringComparer.OrdinalIgnoreCase)
    {
        "task", "appointment", "phonecall", "email", "letter", "fax", "activitypointer",
    };

    private readonly Dictionary<string, HashSet<string>> _tables;

    private StandardColumns(Dictionary<string, HashSet<string>> tables)
    {
        _tables = tables;
    }

    public static bool IsStandardActivity(string table) => StandardActivities.Contains(table);

    /// <summary>The list shipped with the tool (embedded standard-columns.txt).</summary>
    public static StandardColumns Default { get; } = Parse(ReadEmbedded());

    public IReadOnlyCollection<string> Tables => _tables.Keys.Where(k => !k.StartsWith("@", StringComparison.Ordinal)).ToList();

    public bool Knows(string table) => _tables.ContainsKey(table);

    /// <summary>True when <paramref name="column"/> is a standard column of <paramref name="table"/> (activity columns included for activity tables).</summary>
    public bool Has(string table, string column, bool isActivity)
    {
        if (_tables.TryGetValue("@all", out var all) && all.Contains(column)) return true;
        if ((isActivity || IsStandardActivity(table)) && _tables.TryGetValue("@activity", out var activity) && activity.Contains(column)) return true;
        return _tables.TryGetValue(table, out var columns) && columns.Contains(column);
    }

    public static StandardColumns Parse(string text)
    {
        var tables = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"standard-columns.txt: '{line}' is not '<table>: <column>, ...'.");
            var table = line.Substring(0, colon).Trim();
            if (!tables.TryGetValue(table, out var columns))
            {
                tables[table] = columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            foreach (var column in line.Substring(colon + 1).Split(',').Select(c => c.Trim()).Where(c => c.Length > 0))
            {
                columns.Add(column);
            }
        }

        return new StandardColumns(tables);
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(StandardColumns).Assembly.GetManifestResourceStream("Coach.SolutionSource.standard-columns.txt")
                           ?? throw new InvalidOperationException("standard-columns.txt is not embedded in the coach tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Answers "is this column defined for this table" from Solution/src plus the standard list.</summary>
public sealed class ColumnCatalog
{
    private readonly SolutionSourceTree _tree;
    private readonly StandardColumns _standard;

    public ColumnCatalog(SolutionSourceTree tree, StandardColumns? standard = null)
    {
        _tree = tree;
        _standard = standard ?? StandardColumns.Default;
    }

    public bool KnowsTable(string table) => _tree.Table(table) != null || _standard.Knows(table);

    public bool Has(string table, string column)
    {
        var definition = _tree.Table(table);
        if (definition != null && definition.HasColumn(column)) return true;
        var isActivity = definition?.IsActivity ?? StandardColumns.IsStandardActivity(table);
        if (definition != null && definition.IsNew)
        {
            // A new table has its primary key and the system columns every table gets.
            if (string.Equals(column, table + "id", StringComparison.OrdinalIgnoreCase)) return true;
            if (!isActivity && NewTableSystemColumns.Contains(column)) return true;
        }

        return _standard.Has(table, column, isActivity);
    }

    private static readonly HashSet<string> NewTableSystemColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "ownerid", "owninguser", "owningteam", "owningbusinessunit", "statecode", "statuscode",
    };
}
