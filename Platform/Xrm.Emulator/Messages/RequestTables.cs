using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Messages;

/// <summary>The table a request is about, for metering and for messages that take it from a query.</summary>
internal static class RequestTables
{
    private static readonly Regex FetchEntity = new("<entity\\s+name\\s*=\\s*[\"']([^\"']+)[\"']", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    public static string? TableOf(OrganizationRequest request)
    {
        var parameters = request.Parameters;
        if (parameters.TryGetValue("Target", out var target))
        {
            if (target is Entity entity) return entity.LogicalName;
            if (target is EntityReference reference) return reference.LogicalName;
        }

        if (parameters.TryGetValue("Targets", out var targets) && targets is EntityCollection collection)
        {
            return collection.EntityName ?? (collection.Entities.Count > 0 ? collection.Entities[0].LogicalName : null);
        }

        if (parameters.TryGetValue("OpportunityClose", out var close) && close is Entity) return "opportunity";
        if (parameters.TryGetValue("EntityMoniker", out var moniker) && moniker is EntityReference monikerReference) return monikerReference.LogicalName;
        if (parameters.TryGetValue("Query", out var query) && query is QueryBase queryBase) return TableOf(queryBase);
        if (request.RequestName == "RetrieveEntity" && parameters.TryGetValue("LogicalName", out var table) && table is string tableName) return tableName;
        if (request.RequestName == "RetrieveAttribute" && parameters.TryGetValue("EntityLogicalName", out var owner) && owner is string ownerName) return ownerName;
        return null;
    }

    public static string? TableOf(QueryBase query) => query switch
    {
        QueryExpression expression => expression.EntityName,
        QueryByAttribute byAttribute => byAttribute.EntityName,
        FetchExpression fetch when fetch.Query != null => FetchEntity.Match(fetch.Query) is { Success: true } match ? match.Groups[1].Value : null,
        _ => null,
    };
}
