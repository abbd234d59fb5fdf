using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coach.Simulation;

internal static class Queries
{
    /// <summary>Hands every row of the query to <paramref name="row"/>, one page at a time, so no page is kept.</summary>
    public static void ForEach(IOrganizationService service, QueryExpression query, System.Action<Entity> row)
    {
        query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 };
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var entity in page.Entities) row(entity);
            if (!page.MoreRecords) return;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    /// <summary>Every row of the query, page by page (5,000 a page, with the paging cookie), as a client must.</summary>
    public static List<Entity> All(IOrganizationService service, QueryExpression query)
    {
        var rows = new List<Entity>();
        query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 };
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            rows.AddRange(page.Entities);
            if (!page.MoreRecords) return rows;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }
}
