using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Emulator.Metadata;

/// <summary>
/// Every table the emulator serves: the standard ones (standard-tables.json) and what the loaded solution adds
/// (Entities/*/Entity.xml). Requests naming anything else are refused as the platform refuses them.
/// </summary>
public sealed class MetadataCatalog
{
    private readonly Dictionary<string, TableMetadata> _tables;
    private readonly StandardTableSet _standard;

    internal MetadataCatalog()
    {
        _standard = StandardTables.All;
        _tables = new Dictionary<string, TableMetadata>(_standard.Tables, StringComparer.Ordinal);
    }

    public IEnumerable<TableMetadata> Tables => _tables.Values;

    public TableMetadata? Find(string? logicalName) =>
        logicalName != null && _tables.TryGetValue(logicalName, out var table) ? table : null;

    /// <summary>The table, or the platform's fault for an unknown one.</summary>
    public TableMetadata Require(string? logicalName) =>
        Find(logicalName) ?? throw MetadataFaults.UnknownTable(logicalName ?? string.Empty);

    /// <summary>The column, or the platform's fault naming it (as a query reports it).</summary>
    public ColumnMetadata RequireColumn(TableMetadata table, string column) =>
        table.Column(column) ?? throw MetadataFaults.UnknownColumn(table.LogicalName, column);

    /// <summary>Adds or replaces a table.</summary>
    public void Add(TableMetadata table) => _tables[table.LogicalName] = table;

    /// <summary>
    /// A table of the solution's own: the columns every table has, the owner columns when user-owned, the activity
    /// columns (keyed by activityid, named by subject) when it is an activity, then its own.
    /// </summary>
    public TableMetadata AddCustomTable(string logicalName, bool isActivity, bool userOwned, IEnumerable<ColumnMetadata> columns)
    {
        var all = new List<ColumnMetadata>(_standard.Templates["@all"]);
        if (userOwned || isActivity) all.AddRange(_standard.Templates["@userowned"]);
        if (isActivity) all.AddRange(_standard.Templates["@activity"]);
        all.AddRange(columns);
        var names = all.Select(c => c.LogicalName).ToHashSet(StringComparer.Ordinal);
        var primaryId = isActivity ? "activityid" : logicalName + "id";
        var primaryName = isActivity ? "subject" : names.Contains(PrefixOf(logicalName) + "name") ? PrefixOf(logicalName) + "name" : null;
        var table = new TableMetadata(logicalName, primaryId, primaryName, isActivity, all);
        Add(table);
        AllowFieldShares(logicalName);
        return table;
    }

    /// <summary>
    /// A new table gets a relationship to principalobjectattributeaccess (&lt;table&gt;_principalobjectattributeaccess),
    /// so its secured columns can be shared per record.
    /// </summary>
    private void AllowFieldShares(string logicalName)
    {
        if (Find(FieldShareTable) is not { } shares || shares.Column("objectid") is not { } objectId) return;
        Add(shares.With(new[] { objectId.WithTarget(logicalName) }));
    }

    /// <summary>Field sharing: per record, per secured column, per user or team (principalobjectattributeaccess).</summary>
    public const string FieldShareTable = "principalobjectattributeaccess";

    private static string PrefixOf(string logicalName)
    {
        var underscore = logicalName.IndexOf('_');
        return underscore > 0 ? logicalName.Substring(0, underscore + 1) : string.Empty;
    }
}
