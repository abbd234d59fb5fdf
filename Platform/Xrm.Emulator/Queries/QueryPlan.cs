using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Queries;

/// <summary>One table in a query: the root entity or a link-entity, with its place in a joined row (Index).</summary>
internal sealed class PlanNode
{
    public PlanNode(int index, string logicalName, string alias, PlanNode? parent)
    {
        Index = index;
        LogicalName = logicalName;
        Alias = alias;
        Parent = parent;
    }

    public int Index { get; }

    public string LogicalName { get; }

    /// <summary>The link's EntityAlias, or the name Dataverse generates ("account1"); the logical name for the root.</summary>
    public string Alias { get; }

    public bool HasExplicitAlias { get; init; }

    public PlanNode? Parent { get; }

    public bool IsRoot => Parent == null;

    /// <summary>Column on the parent (LinkFromAttributeName, FetchXML "to").</summary>
    public string FromAttribute { get; init; } = string.Empty;

    /// <summary>Column on this link's table (LinkToAttributeName, FetchXML "from").</summary>
    public string ToAttribute { get; init; } = string.Empty;

    public bool Outer { get; init; }

    public FilterExpression? LinkCriteria { get; init; }

    public bool AllColumns { get; set; }

    public List<string> Columns { get; } = new();

    /// <summary>The keys a link's <see cref="Columns"/> are returned under ("alias.column"), made once per query, not per row.</summary>
    public IReadOnlyList<string> ColumnKeys => _columnKeys ??= MakeColumnKeys();

    private List<string> MakeColumnKeys()
    {
        var keys = new List<string>(Columns.Count);
        foreach (var column in Columns) keys.Add(Alias + "." + column);
        return keys;
    }

    private List<string>? _columnKeys;

    /// <summary>FetchXML &lt;attribute alias="..."&gt;: returned as an AliasedValue under the alias alone.</summary>
    public List<(string Attribute, string Alias)> AliasedColumns { get; } = new();

    /// <summary>LinkCriteria compiled by the engine.</summary>
    public RowPredicate? Filter { get; set; }

    public override string ToString() => IsRoot ? LogicalName : $"{LogicalName} as {Alias}";
}

internal sealed record PlanOrder(PlanNode Node, string Attribute, bool Descending);

internal sealed record PlanAggregate(PlanNode Node, string Attribute, string Alias, FetchAggregateFunction Function, bool Distinct);

/// <summary>
/// A QueryExpression (or parsed FetchXML) checked and flattened for execution: every link-entity gets its alias and
/// slot, every order its table, so the engine never has to look names up per row.
/// </summary>
internal sealed class QueryPlan
{
    private readonly List<PlanNode> _links = new();
    private readonly List<LinkEntity> _linkSources = new(); // the LinkEntity of each of _links
    private readonly List<PlanOrder> _orders = new();

    private QueryPlan(QueryExpression query)
    {
        if (string.IsNullOrWhiteSpace(query.EntityName))
        {
            throw new InvalidQueryException("The query does not name the table to retrieve (EntityName is empty).");
        }

        if (!string.IsNullOrEmpty(query.DataSource))
        {
            throw new UnsupportedQueryException($"QueryExpression.DataSource '{query.DataSource}' (long-term retention data)");
        }

        Root = new PlanNode(0, query.EntityName, query.EntityName, null);
        ApplyColumnSet(Root, query.ColumnSet);
        Criteria = query.Criteria;
        Distinct = query.Distinct;
        Top = query.TopCount;
        Paging = query.PageInfo ?? new PagingInfo();
    }

    public PlanNode Root { get; }

    /// <summary>Link-entities in document order (a parent always before its children).</summary>
    /// <remarks>A List, not an interface, so a foreach per query or row allocates no enumerator; only the plan adds to it.</remarks>
    public List<PlanNode> Links => _links;

    public int NodeCount => _links.Count + 1;

    public FilterExpression? Criteria { get; }

    /// <remarks>A List for the same reason as <see cref="Links"/>.</remarks>
    public List<PlanOrder> Orders => _orders;

    public bool Distinct { get; }

    public int? Top { get; }

    public PagingInfo Paging { get; }

    /// <summary>The count aggregates of an aggregate FetchXML query; null for an ordinary query.</summary>
    public IReadOnlyList<PlanAggregate>? Aggregates { get; private set; }

    public static QueryPlan Build(QueryExpression query, FetchQuery? fetch = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = new QueryPlan(query);
        Dictionary<string, int>? generatedNumbers = null;
        for (var i = 0; i < query.LinkEntities.Count; i++)
        {
            plan.AddLink(query.LinkEntities[i], plan.Root, ref generatedNumbers);
        }

        if (fetch != null)
        {
            foreach (var column in fetch.AliasedColumns)
            {
                plan.NodeFor(column.Link).AliasedColumns.Add((column.Attribute, column.Alias));
            }

            if (fetch.IsAggregate)
            {
                plan.Aggregates = fetch.Aggregates
                    .Select(a => new PlanAggregate(plan.NodeFor(a.Link), a.Attribute, a.Alias, a.Function, a.Distinct))
                    .ToList();
            }
        }

        for (var i = 0; i < query.Orders.Count; i++)
        {
            plan.AddOrder(query.Orders[i], plan.Root);
        }

        // Orders inside link-entities come after the root's, in document order, as in the SQL Dataverse generates.
        for (var i = 0; i < plan._links.Count; i++)
        {
            var orders = plan._linkSources[i].Orders;
            for (var j = 0; j < orders.Count; j++)
            {
                plan.AddOrder(orders[j], plan._links[i]);
            }
        }

        return plan;
    }

    private PlanNode NodeFor(LinkEntity? link)
    {
        if (link == null) return Root;
        for (var i = 0; i < _linkSources.Count; i++)
        {
            if (ReferenceEquals(_linkSources[i], link)) return _links[i];
        }

        throw new KeyNotFoundException("The link-entity is not part of this query.");
    }

    /// <summary>
    /// The table a condition or order names through ConditionExpression.EntityName / OrderExpression.EntityName:
    /// a link-entity alias (explicit or generated), the root table, or an unaliased link-entity's table name.
    /// </summary>
    /// <param name="usedBy">What names the table, for the message ("The condition on"), followed by <paramref name="attribute"/>.</param>
    public PlanNode Resolve(string? entityName, PlanNode defaultNode, string usedBy, string attribute)
    {
        if (string.IsNullOrEmpty(entityName)) return defaultNode;

        var byAlias = FindAlias(entityName);
        if (byAlias != null) return byAlias;
        if (string.Equals(Root.LogicalName, entityName, StringComparison.OrdinalIgnoreCase)) return Root;

        PlanNode? byName = null;
        var named = 0;
        foreach (var link in _links)
        {
            if (link.HasExplicitAlias || !string.Equals(link.LogicalName, entityName, StringComparison.OrdinalIgnoreCase)) continue;
            byName = link;
            named++;
        }

        if (named == 1) return byName!;

        var known = string.Join(", ", new[] { Root.LogicalName }.Concat(_links.Select(l => l.Alias)));
        throw new InvalidQueryException(
            $"{usedBy} '{attribute}' refers to entity '{entityName}', which is neither the query's table nor a link-entity alias (known: {known}).");
    }

    private PlanNode? FindAlias(string alias)
    {
        foreach (var link in _links)
        {
            if (string.Equals(link.Alias, alias, StringComparison.OrdinalIgnoreCase)) return link;
        }

        return null;
    }

    private void AddLink(LinkEntity link, PlanNode parent, ref Dictionary<string, int>? generatedNumbers)
    {
        if (string.IsNullOrWhiteSpace(link.LinkToEntityName))
        {
            throw new InvalidQueryException($"A link-entity under {parent} does not name its table (LinkToEntityName is empty).");
        }

        if (string.IsNullOrWhiteSpace(link.LinkFromAttributeName) || string.IsNullOrWhiteSpace(link.LinkToAttributeName))
        {
            throw new InvalidQueryException(
                $"The link-entity to {link.LinkToEntityName} needs both LinkFromAttributeName (on {parent.LogicalName}) and LinkToAttributeName (on {link.LinkToEntityName}).");
        }

        if (!string.IsNullOrEmpty(link.LinkFromEntityName) && !string.Equals(link.LinkFromEntityName, parent.LogicalName, StringComparison.Ordinal))
        {
            throw new InvalidQueryException(
                $"The link-entity to {link.LinkToEntityName} says it links from {link.LinkFromEntityName}, but it sits under {parent.LogicalName}.");
        }

        var outer = link.JoinOperator switch
        {
            JoinOperator.Inner or JoinOperator.Natural => false,
            JoinOperator.LeftOuter => true,
            _ => throw new UnsupportedQueryException($"JoinOperator.{link.JoinOperator} (link-entity to {link.LinkToEntityName})", "Inner and LeftOuter joins are supported."),
        };

        var explicitAlias = !string.IsNullOrEmpty(link.EntityAlias);
        string alias;
        if (explicitAlias)
        {
            alias = link.EntityAlias;
        }
        else
        {
            // Dataverse names an unaliased link-entity after its table, numbered per table in document order: account1, account2...
            generatedNumbers ??= new Dictionary<string, int>(StringComparer.Ordinal);
            generatedNumbers.TryGetValue(link.LinkToEntityName, out var number);
            generatedNumbers[link.LinkToEntityName] = ++number;
            alias = link.LinkToEntityName + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (FindAlias(alias) != null)
        {
            throw new InvalidQueryException($"The alias '{alias}' is used by more than one link-entity.");
        }

        var node = new PlanNode(_links.Count + 1, link.LinkToEntityName, alias, parent)
        {
            HasExplicitAlias = explicitAlias,
            FromAttribute = link.LinkFromAttributeName,
            ToAttribute = link.LinkToAttributeName,
            Outer = outer,
            LinkCriteria = link.LinkCriteria,
        };
        ApplyColumnSet(node, link.Columns);
        _links.Add(node);
        _linkSources.Add(link);

        for (var i = 0; i < link.LinkEntities.Count; i++)
        {
            AddLink(link.LinkEntities[i], node, ref generatedNumbers);
        }
    }

    private void AddOrder(OrderExpression order, PlanNode owner)
    {
        var descending = order.OrderType == OrderType.Descending;
        if (!string.IsNullOrEmpty(order.Alias))
        {
            var aliased = FindAliasedColumn(order.Alias);
            if (aliased != null)
            {
                _orders.Add(new PlanOrder(aliased.Value.Node, aliased.Value.Attribute, descending));
                return;
            }

            // In an aggregate query an order on an aggregate's alias orders a single row: nothing to do.
            if (Aggregates != null && Aggregates.Any(a => a.Alias == order.Alias)) return;
            if (string.IsNullOrEmpty(order.AttributeName))
            {
                throw new InvalidQueryException($"The order on alias '{order.Alias}' matches no aliased attribute of the query.");
            }
        }

        if (string.IsNullOrEmpty(order.AttributeName))
        {
            throw new InvalidQueryException($"An order on {owner} does not name its attribute.");
        }

        var node = Resolve(order.EntityName, owner, "The order on", order.AttributeName);
        _orders.Add(new PlanOrder(node, order.AttributeName, descending));
    }

    private (PlanNode Node, string Attribute)? FindAliasedColumn(string alias)
    {
        foreach (var node in new[] { Root }.Concat(_links))
        {
            foreach (var column in node.AliasedColumns)
            {
                if (string.Equals(column.Alias, alias, StringComparison.OrdinalIgnoreCase)) return (node, column.Attribute);
            }
        }

        return null;
    }

    private static void ApplyColumnSet(PlanNode node, ColumnSet? columns)
    {
        if (columns == null) return;
        node.AllColumns = columns.AllColumns;
        node.Columns.Capacity = columns.Columns.Count; // one array of the right size
        for (var i = 0; i < columns.Columns.Count; i++)
        {
            var column = columns.Columns[i];
            if (string.IsNullOrWhiteSpace(column))
            {
                throw new InvalidQueryException($"The column set of {node} contains an empty column name.");
            }

            if (column.Contains('.'))
            {
                throw new InvalidQueryException(
                    $"The column '{column}' in the column set of {node} contains a '.'; add link-entity columns to LinkEntity.Columns.");
            }

            if (!node.Columns.Contains(column)) node.Columns.Add(column);
        }
    }
}
