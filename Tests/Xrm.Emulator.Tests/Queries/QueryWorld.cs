using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Data;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

/// <summary>
/// A fresh store per test (xunit builds a new test class instance per test, so nothing is shared), a fixed clock and
/// a calling user, with helpers to insert rows and run queries.
/// </summary>
internal sealed class QueryWorld
{
    /// <summary>Wednesday 12 March 2025, 14:30 UTC.</summary>
    public static readonly DateTime Now = new(2025, 3, 12, 14, 30, 0, DateTimeKind.Utc);

    public EntityStore Store { get; } = new();

    public Guid CallingUserId { get; } = Guid.NewGuid();

    public QueryContext Context => new(Store, Now, CallingUserId);

    /// <summary>Inserts a row with its primary id column set, as the service layer stores it.</summary>
    public Entity Add(string table, params (string Column, object? Value)[] columns)
    {
        var row = new Entity(table, Guid.NewGuid());
        row[PrimaryIdName(table)] = row.Id;
        foreach (var (column, value) in columns)
        {
            row[column] = value!;
        }

        Store.Insert(row);
        return row;
    }

    public Entity Account(string name, params (string Column, object? Value)[] columns) =>
        Add("account", columns.Prepend(("name", name)).ToArray());

    public Entity Opportunity(string name, params (string Column, object? Value)[] columns) =>
        Add("opportunity", columns.Prepend(("name", name)).ToArray());

    public EntityCollection Run(QueryBase query) => QueryEngine.Execute(query, Context);

    public EntityCollection Run(QueryBase query, out QueryStatistics statistics) => QueryEngine.Execute(query, Context, out statistics);

    public EntityCollection Fetch(string fetchXml) => Run(new FetchExpression(fetchXml));

    /// <summary>The "name" of every returned row, in order.</summary>
    public List<string> Names(QueryBase query) => Run(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();

    public List<string> FetchNames(string fetchXml) => Names(new FetchExpression(fetchXml));

    /// <summary>Names of the opportunities matching one condition.</summary>
    public List<string> OpportunitiesWhere(string attribute, ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition(new ConditionExpression(attribute, op, values));
        return Names(query);
    }

    private static string PrimaryIdName(string table) => table is "task" or "appointment" or "phonecall" ? "activityid" : table + "id";
}
