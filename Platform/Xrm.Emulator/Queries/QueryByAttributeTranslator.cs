using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Queries;

/// <summary>QueryByAttribute is a QueryExpression whose criteria are Equal conditions, one per attribute/value pair.</summary>
public static class QueryByAttributeTranslator
{
    public static QueryExpression ToQueryExpression(QueryByAttribute query)
    {
        if (string.IsNullOrWhiteSpace(query.EntityName))
        {
            throw new InvalidQueryException("The QueryByAttribute does not name the table to retrieve (EntityName is empty).");
        }

        if (query.Attributes.Count == 0)
        {
            throw new InvalidQueryException($"The QueryByAttribute on {query.EntityName} has no attributes: add at least one attribute and value (AddAttributeValue).");
        }

        if (query.Attributes.Count != query.Values.Count)
        {
            throw new InvalidQueryException(
                $"The QueryByAttribute on {query.EntityName} has {query.Attributes.Count} attribute(s) but {query.Values.Count} value(s); each attribute needs exactly one value.");
        }

        var expression = new QueryExpression(query.EntityName)
        {
            ColumnSet = query.ColumnSet,
            TopCount = query.TopCount,
            PageInfo = query.PageInfo,
        };

        for (var i = 0; i < query.Attributes.Count; i++)
        {
            expression.Criteria.AddCondition(new ConditionExpression(query.Attributes[i], ConditionOperator.Equal, query.Values[i]));
        }

        foreach (var order in query.Orders)
        {
            expression.Orders.Add(order);
        }

        return expression;
    }
}
