using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Queries;

/// <summary>The count aggregates the emulator supports.</summary>
public enum FetchAggregateFunction
{
    /// <summary>aggregate="count": the number of rows.</summary>
    Count,

    /// <summary>aggregate="countcolumn": the number of rows where the column has a value.</summary>
    CountColumn,
}

/// <summary>&lt;attribute name="..." alias="..."/&gt;: returned as an AliasedValue under the alias. Link is null for the root entity.</summary>
public sealed record FetchColumn(LinkEntity? Link, string Attribute, string Alias);

/// <summary>&lt;attribute name="..." alias="..." aggregate="count|countcolumn" distinct="..."/&gt;. Link is null for the root entity.</summary>
public sealed record FetchAggregate(LinkEntity? Link, string Attribute, string Alias, FetchAggregateFunction Function, bool Distinct);

/// <summary>A parsed FetchXML query: the equivalent QueryExpression plus what QueryExpression cannot say.</summary>
public sealed class FetchQuery
{
    public FetchQuery(QueryExpression query, IReadOnlyList<FetchColumn> aliasedColumns, bool isAggregate, IReadOnlyList<FetchAggregate> aggregates)
    {
        Query = query;
        AliasedColumns = aliasedColumns;
        IsAggregate = isAggregate;
        Aggregates = aggregates;
    }

    public QueryExpression Query { get; }

    public IReadOnlyList<FetchColumn> AliasedColumns { get; }

    /// <summary>&lt;fetch aggregate="true"&gt;: the result is one row of aggregate values.</summary>
    public bool IsAggregate { get; }

    public IReadOnlyList<FetchAggregate> Aggregates { get; }
}

/// <summary>
/// Reads the FetchXML subset the emulator runs (fetch, entity, attribute, all-attributes, filter, condition, value,
/// link-entity, order and the count aggregates) into a QueryExpression. Every other element, attribute or operator
/// fails with an <see cref="UnsupportedQueryException"/> naming it. Condition values stay text here; the engine
/// converts them to the column's type from the stored data.
/// </summary>
public static class FetchXmlParser
{
    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal,
        ["ne"] = ConditionOperator.NotEqual,
        ["neq"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan,
        ["ge"] = ConditionOperator.GreaterEqual,
        ["lt"] = ConditionOperator.LessThan,
        ["le"] = ConditionOperator.LessEqual,
        ["like"] = ConditionOperator.Like,
        ["not-like"] = ConditionOperator.NotLike,
        ["begins-with"] = ConditionOperator.BeginsWith,
        ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith,
        ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["in"] = ConditionOperator.In,
        ["not-in"] = ConditionOperator.NotIn,
        ["null"] = ConditionOperator.Null,
        ["not-null"] = ConditionOperator.NotNull,
        ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween,
        ["on"] = ConditionOperator.On,
        ["on-or-before"] = ConditionOperator.OnOrBefore,
        ["on-or-after"] = ConditionOperator.OnOrAfter,
        ["today"] = ConditionOperator.Today,
        ["yesterday"] = ConditionOperator.Yesterday,
        ["tomorrow"] = ConditionOperator.Tomorrow,
        ["last-x-days"] = ConditionOperator.LastXDays,
        ["next-x-days"] = ConditionOperator.NextXDays,
        ["last-x-hours"] = ConditionOperator.LastXHours,
        ["next-x-hours"] = ConditionOperator.NextXHours,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
        ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths,
        ["eq-userid"] = ConditionOperator.EqualUserId,
        ["ne-userid"] = ConditionOperator.NotEqualUserId,
    };

    public static FetchQuery Parse(string fetchXml)
    {
        if (string.IsNullOrWhiteSpace(fetchXml)) throw new InvalidQueryException("The FetchExpression has no FetchXML.");

        XElement fetch;
        try
        {
            fetch = XElement.Parse(fetchXml);
        }
        catch (XmlException e)
        {
            throw new InvalidQueryException($"The FetchXML is not well-formed XML: {e.Message}", e);
        }

        if (fetch.Name.LocalName != "fetch") throw new InvalidQueryException($"FetchXML must start with <fetch>, not <{fetch.Name.LocalName}>.");
        Allow(fetch, "version", "output-format", "mapping", "distinct", "top", "count", "page", "paging-cookie", "aggregate", "returntotalrecordcount", "no-lock");

        var entities = fetch.Elements().ToList();
        var unknown = entities.FirstOrDefault(e => e.Name.LocalName != "entity");
        if (unknown != null) throw Unsupported(unknown);
        if (entities.Count != 1) throw new InvalidQueryException($"FetchXML needs exactly one <entity> element, found {entities.Count}.");

        var entity = entities[0];
        Allow(entity, "name");
        var query = new QueryExpression(Required(entity, "name")) { ColumnSet = new ColumnSet() };
        var state = new ParseState(Bool(fetch, "aggregate"));

        query.Distinct = Bool(fetch, "distinct");
        query.TopCount = Int(fetch, "top");
        query.PageInfo.Count = Int(fetch, "count") ?? 0;
        query.PageInfo.PageNumber = Int(fetch, "page") ?? 0;
        query.PageInfo.PagingCookie = (string?)fetch.Attribute("paging-cookie");
        query.PageInfo.ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount");

        var criteria = ReadBody(entity, null, query.EntityName, query.ColumnSet, query.LinkEntities, query.Orders, state);
        if (criteria != null) query.Criteria = criteria;

        if (state.IsAggregate && state.Aggregates.Count == 0)
        {
            throw new InvalidQueryException("An aggregate FetchXML query needs at least one <attribute aggregate=\"...\" alias=\"...\"/>.");
        }

        return new FetchQuery(query, state.AliasedColumns, state.IsAggregate, state.Aggregates);
    }

    /// <summary>The children of &lt;entity&gt; or &lt;link-entity&gt;; returns the entity's filter (several are ANDed).</summary>
    private static FilterExpression? ReadBody(
        XElement owner,
        LinkEntity? link,
        string logicalName,
        ColumnSet columns,
        ICollection<LinkEntity> links,
        ICollection<OrderExpression> orders,
        ParseState state)
    {
        var filters = new List<FilterExpression>();
        foreach (var child in owner.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "attribute":
                    ReadAttribute(child, link, columns, state);
                    break;
                case "all-attributes":
                    Allow(child);
                    if (state.IsAggregate) throw new InvalidQueryException("<all-attributes/> cannot be used in an aggregate FetchXML query.");
                    columns.AllColumns = true;
                    break;
                case "filter":
                    filters.Add(ReadFilter(child));
                    break;
                case "order":
                    Allow(child, "attribute", "descending", "alias", "entityname");
                    var attribute = (string?)child.Attribute("attribute");
                    var alias = (string?)child.Attribute("alias");
                    if (string.IsNullOrEmpty(attribute) && string.IsNullOrEmpty(alias))
                    {
                        throw new InvalidQueryException($"An <order> under {logicalName} needs an attribute or an alias.");
                    }

                    orders.Add(new OrderExpression(attribute!, Bool(child, "descending") ? OrderType.Descending : OrderType.Ascending, alias!, (string?)child.Attribute("entityname")!));
                    break;
                case "link-entity":
                    links.Add(ReadLink(child, logicalName, state));
                    break;
                default:
                    throw Unsupported(child);
            }
        }

        if (filters.Count == 0) return null;
        if (filters.Count == 1) return filters[0];
        var all = new FilterExpression(LogicalOperator.And);
        foreach (var filter in filters) all.AddFilter(filter);
        return all;
    }

    private static void ReadAttribute(XElement element, LinkEntity? link, ColumnSet columns, ParseState state)
    {
        Allow(element, "name", "alias", "aggregate", "distinct", "groupby", "dategrouping");
        var name = Required(element, "name");
        var alias = (string?)element.Attribute("alias");
        if (Bool(element, "groupby")) throw new UnsupportedQueryException($"FetchXML groupby (attribute '{name}')", "Only count and countcolumn over the whole result are supported.");
        if (element.Attribute("dategrouping") != null) throw new UnsupportedQueryException($"FetchXML dategrouping (attribute '{name}')");

        var aggregate = (string?)element.Attribute("aggregate");
        if (aggregate != null)
        {
            if (!state.IsAggregate) throw new InvalidQueryException($"The attribute '{name}' has aggregate=\"{aggregate}\", but <fetch> does not say aggregate=\"true\".");
            var function = aggregate switch
            {
                "count" => FetchAggregateFunction.Count,
                "countcolumn" => FetchAggregateFunction.CountColumn,
                _ => throw new UnsupportedQueryException($"FetchXML aggregate '{aggregate}' (attribute '{name}')", "Only count and countcolumn are supported."),
            };
            if (string.IsNullOrEmpty(alias)) throw new InvalidQueryException($"The aggregate attribute '{name}' needs an alias.");
            state.Aggregates.Add(new FetchAggregate(link, name, alias, function, Bool(element, "distinct")));
            return;
        }

        if (state.IsAggregate)
        {
            throw new InvalidQueryException($"In an aggregate FetchXML query the attribute '{name}' needs aggregate=\"...\" (groupby is not supported).");
        }

        if (element.Attribute("distinct") != null) throw new UnsupportedQueryException($"the distinct attribute on the non-aggregate attribute '{name}'");
        if (string.IsNullOrEmpty(alias))
        {
            if (!columns.Columns.Contains(name)) columns.AddColumn(name);
        }
        else
        {
            state.AliasedColumns.Add(new FetchColumn(link, name, alias));
        }
    }

    private static LinkEntity ReadLink(XElement element, string parentName, ParseState state)
    {
        Allow(element, "name", "from", "to", "alias", "link-type", "intersect", "visible");
        var name = Required(element, "name");
        var from = (string?)element.Attribute("from");
        var to = (string?)element.Attribute("to");
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            throw new UnsupportedQueryException($"a link-entity to {name} without both from and to (relationship inference)");
        }

        var linkType = (string?)element.Attribute("link-type") ?? "inner";
        var join = linkType switch
        {
            "inner" => JoinOperator.Inner,
            "outer" => JoinOperator.LeftOuter,
            _ => throw new UnsupportedQueryException($"FetchXML link-type '{linkType}' (link-entity {name})", "inner and outer are supported."),
        };

        // FetchXML "from" is the column on the linked table, "to" the column on the parent.
        var link = new LinkEntity(parentName, name, to, from, join)
        {
            EntityAlias = (string?)element.Attribute("alias")!,
            Columns = new ColumnSet(),
        };
        var criteria = ReadBody(element, link, name, link.Columns, link.LinkEntities, link.Orders, state);
        if (criteria != null) link.LinkCriteria = criteria;
        return link;
    }

    private static FilterExpression ReadFilter(XElement element)
    {
        Allow(element, "type", "hint", "isquickfindfields");
        var type = (string?)element.Attribute("type") ?? "and";
        var filter = new FilterExpression(type switch
        {
            "and" => LogicalOperator.And,
            "or" => LogicalOperator.Or,
            _ => throw new InvalidQueryException($"<filter type=\"{type}\"> is not valid; use and or or."),
        });

        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "condition":
                    filter.AddCondition(ReadCondition(child));
                    break;
                case "filter":
                    filter.AddFilter(ReadFilter(child));
                    break;
                default:
                    throw Unsupported(child);
            }
        }

        return filter;
    }

    private static ConditionExpression ReadCondition(XElement element)
    {
        if (element.Attribute("valueof") != null) throw new UnsupportedQueryException("FetchXML condition valueof (column comparison)");
        Allow(element, "attribute", "operator", "value", "entityname", "uiname", "uitype", "uihidden");
        var attribute = Required(element, "attribute");
        var operatorName = Required(element, "operator");
        if (!Operators.TryGetValue(operatorName, out var op))
        {
            throw new UnsupportedQueryException($"FetchXML condition operator '{operatorName}' (attribute '{attribute}')");
        }

        var values = new List<object>();
        var single = (string?)element.Attribute("value");
        if (single != null) values.Add(single);
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName != "value") throw Unsupported(child);
            Allow(child, "uiname", "uitype");
            values.Add(child.Value);
        }

        return new ConditionExpression((string?)element.Attribute("entityname")!, attribute, op, values.ToArray());
    }

    private static void Allow(XElement element, params string[] names)
    {
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            if (Array.IndexOf(names, attribute.Name.LocalName) < 0)
            {
                throw new UnsupportedQueryException($"FetchXML attribute '{attribute.Name.LocalName}' on <{element.Name.LocalName}>");
            }
        }
    }

    private static string Required(XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute);
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidQueryException($"<{element.Name.LocalName}> needs a {attribute} attribute.");
        return value;
    }

    private static bool Bool(XElement element, string attribute)
    {
        var text = (string?)element.Attribute(attribute);
        if (text == null) return false;
        return QueryValues.ParseBoolean(text) ?? throw new InvalidQueryException($"{attribute}=\"{text}\" on <{element.Name.LocalName}> is not true or false.");
    }

    private static int? Int(XElement element, string attribute)
    {
        var text = (string?)element.Attribute(attribute);
        if (text == null) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidQueryException($"{attribute}=\"{text}\" on <{element.Name.LocalName}> is not a whole number.");
    }

    private static UnsupportedQueryException Unsupported(XElement element) =>
        new($"FetchXML element <{element.Name.LocalName}> under <{element.Parent?.Name.LocalName}>");

    private sealed class ParseState
    {
        public ParseState(bool isAggregate) => IsAggregate = isAggregate;

        public bool IsAggregate { get; }

        public List<FetchColumn> AliasedColumns { get; } = new();

        public List<FetchAggregate> Aggregates { get; } = new();
    }
}
