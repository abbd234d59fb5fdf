using System;
using System.Collections.Generic;
using System.Linq;
using Xrm.Emulator.Messages;

namespace Xrm.Emulator.Metadata;

/// <summary>A table: its primary id and name columns and every column the emulator accepts on it.</summary>
public sealed class TableMetadata
{
    private readonly Dictionary<string, ColumnMetadata> _columns;

    private readonly Lazy<StateModel?> _states;

    private readonly Lazy<Dictionary<Guid, ColumnMetadata>> _byMetadataId;

    private readonly Lazy<IReadOnlyList<ColumnMetadata>> _securedForRead;

    private readonly Lazy<Dictionary<string, Guid>> _metadataIds;

    private readonly Lazy<ColumnMetadata[]> _columnsByName;

    public TableMetadata(string logicalName, string primaryId, string? primaryName, bool isActivity, IEnumerable<ColumnMetadata> columns, string? schemaName = null)
    {
        LogicalName = logicalName;
        SchemaName = schemaName ?? logicalName;
        PrimaryIdAttribute = primaryId;
        PrimaryNameAttribute = primaryName;
        IsActivity = isActivity;
        _columns = new Dictionary<string, ColumnMetadata>(StringComparer.Ordinal);
        foreach (var column in columns) _columns[column.LogicalName] = column;
        if (!_columns.ContainsKey(primaryId)) _columns[primaryId] = new ColumnMetadata(primaryId, ColumnType.Uniqueidentifier);
        _states = new Lazy<StateModel?>(() => StateModel.From(this));
        MetadataId = StableIds.Of("entity:" + LogicalName);
        _metadataIds = new Lazy<Dictionary<string, Guid>>(() => _columns.Keys.ToDictionary(c => c, AttributeMetadataId, StringComparer.Ordinal));
        _columnsByName = new Lazy<ColumnMetadata[]>(() => _columns.Values.OrderBy(c => c.LogicalName, StringComparer.Ordinal).ToArray());
        _byMetadataId = new Lazy<Dictionary<Guid, ColumnMetadata>>(() => _columns.Values.ToDictionary(c => MetadataIdOf(c.LogicalName)));
        _securedForRead = new Lazy<IReadOnlyList<ColumnMetadata>>(() => _columns.Values.Where(c => c is { IsSecured: true, CanBeSecuredForRead: true }).ToList());
    }

    public string LogicalName { get; }

    /// <summary>The schema name ("PhoneCall"): the platform names a table's states "&lt;SchemaName&gt;State" in its messages.</summary>
    public string SchemaName { get; }

    /// <summary>The states and status reasons of statecode/statuscode, or null for a table without them.</summary>
    internal StateModel? States => _states.Value;

    public string PrimaryIdAttribute { get; }

    public string? PrimaryNameAttribute { get; }

    public bool IsActivity { get; }

    public IReadOnlyCollection<ColumnMetadata> Columns => _columns.Values;

    /// <summary>The columns in ordinal order of their logical names (as RetrieveEntity lists them), sorted once per table.</summary>
    public IReadOnlyList<ColumnMetadata> ColumnsByName => _columnsByName.Value;

    public ColumnMetadata? Column(string logicalName) =>
        _columns.TryGetValue(logicalName, out var column) ? column : null;

    public bool HasColumn(string logicalName) => _columns.ContainsKey(logicalName);

    /// <summary>The secured columns column security hides from readers without permission (see <see cref="ColumnMetadata.CanBeSecuredForRead"/>).</summary>
    public IReadOnlyList<ColumnMetadata> SecuredForRead => _securedForRead.Value;

    /// <summary>The table's MetadataId (EntityMetadata.MetadataId): stable, as the platform's is within an environment.</summary>
    public Guid MetadataId { get; }

    /// <summary>A column's MetadataId (AttributeMetadata.MetadataId, what principalobjectattributeaccess.attributeid holds).</summary>
    /// <remarks>The table's own columns are worked out once: RetrieveEntity asks for every column on each call.</remarks>
    public Guid MetadataIdOf(string column) => _metadataIds.Value.TryGetValue(column, out var id) ? id : AttributeMetadataId(column);

    private Guid AttributeMetadataId(string column) => StableIds.Of("attribute:" + LogicalName + "." + column);

    /// <summary>The column whose MetadataId is <paramref name="metadataId"/>, or null.</summary>
    public ColumnMetadata? ColumnWithMetadataId(Guid metadataId) =>
        _byMetadataId.Value.TryGetValue(metadataId, out var column) ? column : null;

    /// <summary>This table with <paramref name="added"/> columns added or replacing existing ones (a solution extending a system table).</summary>
    public TableMetadata With(IEnumerable<ColumnMetadata> added, bool? isActivity = null)
    {
        var columns = new Dictionary<string, ColumnMetadata>(_columns, StringComparer.Ordinal);
        foreach (var column in added) columns[column.LogicalName] = column;
        return new TableMetadata(LogicalName, PrimaryIdAttribute, PrimaryNameAttribute, isActivity ?? IsActivity, columns.Values, SchemaName);
    }

    public override string ToString() => LogicalName;
}
