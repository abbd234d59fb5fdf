using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// Builds the entity a caller receives from a joined row: copies (never stored instances) of the requested columns
/// that have a value, the primary id as Dataverse adds it, and link-entity columns as AliasedValue under
/// "alias.column" (or the FetchXML attribute alias). A secured column the caller may not read is left out, on the root
/// and on link-entities alike. One per query: it keeps what it works out for the query's first rows for the others.
/// </summary>
internal sealed class Projection
{
    private readonly QueryPlan _plan;
    private readonly SecuredColumnReads? _secured;

    // Readers of the requested columns, by node index then position in PlanNode.Columns: slots looked up once per query,
    // from the second row on (most queries return one row or none, and a name lookup is cheaper than making readers).
    private ColumnReader[][]? _columns;
    private int _projected;

    // The two names a row's id can be returned under (see PrimaryKey.NameFor).
    private ColumnReader _standardId;
    private ColumnReader _activityId;

    // One buffer for every row of the query: the columns are gathered here, then copied into the entity.
    private readonly List<KeyValuePair<string, object>> _buffer;

    public Projection(QueryPlan plan, SecuredColumnReads? secured = null)
    {
        _plan = plan;
        _secured = secured;
        _standardId = new ColumnReader(PrimaryKey.DefaultNameFor(plan.Root.LogicalName));
        _activityId = new ColumnReader("activityid");
        _buffer = new List<KeyValuePair<string, object>>(ExpectedColumns(plan));
    }

    private static int ExpectedColumns(QueryPlan plan)
    {
        var count = (plan.Root.AllColumns ? 16 : plan.Root.Columns.Count) + 1 + plan.Root.AliasedColumns.Count;
        foreach (var link in plan.Links) count += (link.AllColumns ? 16 : link.Columns.Count) + link.AliasedColumns.Count;
        return count;
    }

    private static ColumnReader[][] Readers(QueryPlan plan)
    {
        var readers = new ColumnReader[plan.NodeCount][];
        readers[0] = Readers(plan.Root);
        foreach (var link in plan.Links) readers[link.Index] = Readers(link);
        return readers;
    }

    private static ColumnReader[] Readers(PlanNode node)
    {
        var readers = new ColumnReader[node.Columns.Count];
        for (var i = 0; i < readers.Length; i++) readers[i] = new ColumnReader(node.Columns[i]);
        return readers;
    }

    public Entity Project(StoredRow?[] row)
    {
        var plan = _plan;
        var secured = _secured;
        if (++_projected == 2) _columns = Readers(plan);
        var root = row[0]!;
        var result = new Entity(root.LogicalName) { RowVersion = root.RowVersion };
        var primaryId = PrimaryIdName(root);
        _buffer.Clear();
        var columns = new ProjectedColumns(result, _buffer);
        var hiding = secured != null && secured.ProjectsHidden(plan.Root) ? secured : null;

        if (plan.Root.AllColumns)
        {
            foreach (var pair in root.Columns)
            {
                if (hiding == null || Visible(hiding, plan.Root, root, pair.Key)) columns.Copy(root, pair.Value, pair.Key, pair.Key, alias: null, mayRepeat: false);
            }
        }
        else
        {
            var readers = _columns?[0];
            for (var i = 0; i < plan.Root.Columns.Count; i++)
            {
                var column = plan.Root.Columns[i];
                if (hiding != null && !Visible(hiding, plan.Root, root, column)) continue;
                var value = readers != null ? readers[i].ValueOf(root) : PrimaryKey.ValueOf(root, column);
                columns.Copy(root, value, column, column, alias: null, mayRepeat: false);
            }
        }

        // Dataverse always returns the primary id, except in a distinct query (it would make every row distinct).
        if (!plan.Distinct || columns.Contains(primaryId))
        {
            columns.Set(primaryId, root.Id);
            result.Id = root.Id;
        }

        foreach (var (attribute, alias) in plan.Root.AliasedColumns)
        {
            if (hiding == null || Visible(hiding, plan.Root, root, attribute)) columns.Copy(root, PrimaryKey.ValueOf(root, attribute), attribute, alias, alias: root.LogicalName, mayRepeat: true);
        }

        foreach (var link in plan.Links)
        {
            var linked = row[link.Index];
            if (linked == null) continue; // an outer join that found nothing returns no aliased values
            hiding = secured != null && secured.ProjectsHidden(link) ? secured : null;

            if (link.AllColumns)
            {
                foreach (var (column, value) in linked.Columns)
                {
                    if (hiding == null || Visible(hiding, link, linked, column)) columns.Copy(linked, value, column, $"{link.Alias}.{column}", alias: linked.LogicalName, mayRepeat: true);
                }
            }
            else
            {
                // "alias.column" keys are distinct: the plan's columns are, and so are link aliases.
                var readers = _columns?[link.Index];
                for (var i = 0; i < link.Columns.Count; i++)
                {
                    var column = link.Columns[i];
                    if (hiding != null && !Visible(hiding, link, linked, column)) continue;
                    var value = readers != null ? readers[i].ValueOf(linked) : PrimaryKey.ValueOf(linked, column);
                    columns.Copy(linked, value, column, link.ColumnKeys[i], alias: linked.LogicalName, mayRepeat: false);
                }
            }

            foreach (var (attribute, alias) in link.AliasedColumns)
            {
                if (hiding == null || Visible(hiding, link, linked, attribute)) columns.Copy(linked, PrimaryKey.ValueOf(linked, attribute), attribute, alias, alias: linked.LogicalName, mayRepeat: true);
            }
        }

        columns.AddTo(result);
        return result;
    }

    /// <summary>As <see cref="PrimaryKey.NameFor"/>, with the two candidate columns' slots looked up once per query.</summary>
    private string PrimaryIdName(StoredRow root)
    {
        if (_standardId.IsIn(root)) return _standardId.Column;
        if (_activityId.IsIn(root)) return _activityId.Column;
        return _standardId.Column;
    }

    /// <summary>Whether the caller may see the column's value on this row: false for a secured column hidden from them there.</summary>
    private static bool Visible(SecuredColumnReads secured, PlanNode node, StoredRow source, string attribute) =>
        !secured.Hides(node, attribute) || secured.CanRead(source, attribute);

    /// <summary>
    /// The returned columns gathered first and added in one go, so the entity's table is sized once instead of growing
    /// column by column (the daily refresh projects thousands of rows a day). The first value of a key wins, except the
    /// primary id, which Dataverse always returns as the row's id.
    /// </summary>
    private readonly struct ProjectedColumns
    {
        private readonly List<KeyValuePair<string, object>> _values;
        private readonly Entity _result;

        public ProjectedColumns(Entity result, List<KeyValuePair<string, object>> buffer)
        {
            _result = result;
            _values = buffer;
        }

        public bool Contains(string key) => IndexOf(key) >= 0;

        public void Set(string key, object value)
        {
            var index = IndexOf(key);
            if (index >= 0) _values[index] = new KeyValuePair<string, object>(key, value);
            else _values.Add(new KeyValuePair<string, object>(key, value));
        }

        /// <param name="alias">Null for a plain column of the root; otherwise the value is wrapped in an AliasedValue of that table.</param>
        /// <param name="mayRepeat">False when the caller knows no earlier column has this key (no search needed).</param>
        public void Copy(StoredRow source, object? value, string attribute, string key, string? alias, bool mayRepeat)
        {
            if (value == null || (mayRepeat && IndexOf(key) >= 0)) return;

            var copy = ValueCopier.CopyValue(value);
            _values.Add(new KeyValuePair<string, object>(key, alias == null ? copy! : new AliasedValue(alias, attribute, copy)));
            // HasFormattedValues first: reading FormattedValues would give every stored row an empty collection of its own.
            if (source.TryGetFormattedValue(attribute, out var formatted))
            {
                _result.FormattedValues[key] = formatted;
            }
        }

        public void AddTo(Entity result) => result.Attributes.AddRange(_values);

        private int IndexOf(string key)
        {
            for (var i = 0; i < _values.Count; i++)
            {
                if (string.Equals(_values[i].Key, key, StringComparison.Ordinal)) return i;
            }

            return -1;
        }
    }

    /// <summary>A key equal for rows whose returned columns are equal, for Distinct.</summary>
    public static string DistinctKey(Entity projected)
    {
        var key = new StringBuilder();
        foreach (var pair in projected.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            key.Append(pair.Key).Append('=').Append(ValueKey(QueryValues.Normalize(pair.Value))).Append('\u001f');
        }

        return key.ToString();
    }

    private static string ValueKey(object? normalized) => normalized switch
    {
        null => "\u2205",
        decimal number => "n:" + number.ToString("0.############################", CultureInfo.InvariantCulture),
        DateTime date => "d:" + date.Ticks.ToString(CultureInfo.InvariantCulture),
        string text => "t:" + text.ToUpperInvariant(),
        Guid id => "g:" + id.ToString("N"),
        bool flag => flag ? "b:1" : "b:0",
        _ => "?:" + normalized,
    };
}
