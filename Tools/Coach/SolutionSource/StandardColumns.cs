using System;
using System.Collections.Generic;
using System.Linq;

using Xrm.Emulator;
using Xrm.Emulator.Metadata;

namespace Coach.SolutionSource;

/// <summary>
/// The standard tables and columns of the platform, from the emulator's metadata (Platform/Xrm.Emulator/Metadata/
/// standard-tables.json, written from Microsoft's table reference): one list for `coach check` and for the emulator, so a
/// column check accepts is one the plugins can really read and write. Combined with Solution/src by <see cref="ColumnCatalog"/>.
/// </summary>
public sealed class StandardColumns
{
    private readonly MetadataCatalog _catalog;
    private readonly TableMetadata _newTable;
    private readonly TableMetadata _newActivity;

    private StandardColumns(MetadataCatalog catalog)
    {
        _catalog = catalog;
        // What a table of the solution's own gets from the platform: the columns every table has, the owner columns,
        // and for an activity the activity columns (the same templates the emulator gives Solution/src's tables).
        var templates = new XrmEmulator().Metadata;
        _newTable = templates.AddCustomTable("coach_newtable", isActivity: false, userOwned: true, Array.Empty<ColumnMetadata>());
        _newActivity = templates.AddCustomTable("coach_newactivity", isActivity: true, userOwned: true, Array.Empty<ColumnMetadata>());
    }

    /// <summary>The platform's standard tables, as the emulator knows them.</summary>
    public static StandardColumns Default { get; } = new(new XrmEmulator().Metadata);

    public static bool IsStandardActivity(string table) => Default._catalog.Find(table)?.IsActivity == true;

    public IReadOnlyCollection<string> Tables => _catalog.Tables.Select(t => t.LogicalName).ToList();

    public bool Knows(string table) => _catalog.Find(table) != null;

    /// <summary>True when <paramref name="column"/> is a platform column of <paramref name="table"/> (for a table of the solution's own: one every such table, or activity, has).</summary>
    public bool Has(string table, string column, bool isActivity) =>
        _catalog.Find(table) is { } standard
            ? standard.HasColumn(column)
            : (isActivity ? _newActivity : _newTable).HasColumn(column);
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
