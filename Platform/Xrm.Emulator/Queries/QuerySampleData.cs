using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>The ids of a seeded pipeline, for building queries against it.</summary>
public sealed record SamplePipeline(IReadOnlyList<Guid> OwnerIds, IReadOnlyList<Guid> AccountIds, IReadOnlyList<Guid> OpportunityIds);

/// <summary>
/// A deterministic opportunity pipeline of any size, plus the queries plugins typically run on it, so tests and
/// benchmarks measure the same workload. Ids are derived from a counter: the same call always yields the same data.
/// </summary>
public static class QuerySampleData
{
    public static readonly DateTime CreatedFrom = new(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Inserts <paramref name="ownerCount"/> systemusers, <paramref name="accountCount"/> accounts and
    /// <paramref name="opportunityCount"/> opportunities spread round-robin over them: opportunity i has
    /// parentaccountid = account i % accountCount, ownerid = owner i % ownerCount, salesstage i % 4,
    /// statecode Won for every tenth, estimatedvalue 1,000 + 250 × (i % 100), createdon i minutes after <see cref="CreatedFrom"/>.
    /// </summary>
    public static SamplePipeline SeedPipeline(EntityStore store, int opportunityCount, int accountCount = 1000, int ownerCount = 50)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (accountCount < 1 || ownerCount < 1) throw new ArgumentOutOfRangeException(nameof(accountCount), "At least one account and one owner are needed.");

        var owners = new List<Guid>(ownerCount);
        for (var i = 0; i < ownerCount; i++)
        {
            var user = NewRow("systemuser", 1, i);
            user["fullname"] = $"Owner {i:D3}";
            store.Insert(user);
            owners.Add(user.Id);
        }

        var accounts = new List<Guid>(accountCount);
        for (var i = 0; i < accountCount; i++)
        {
            var account = NewRow("account", 2, i);
            account["name"] = $"Account {i:D5}";
            account["ownerid"] = new EntityReference("systemuser", owners[i % ownerCount]);
            store.Insert(account);
            accounts.Add(account.Id);
        }

        var opportunities = new List<Guid>(opportunityCount);
        for (var i = 0; i < opportunityCount; i++)
        {
            var opportunity = NewRow("opportunity", 3, i);
            opportunity["name"] = $"Opportunity {i:D6}";
            opportunity["parentaccountid"] = new EntityReference("account", accounts[i % accountCount]);
            opportunity["ownerid"] = new EntityReference("systemuser", owners[i % ownerCount]);
            opportunity["salesstage"] = new OptionSetValue(i % 4);
            opportunity["statecode"] = new OptionSetValue(i % 10 == 0 ? 1 : 0);
            opportunity["estimatedvalue"] = new Money(1000m + (250m * (i % 100)));
            opportunity["createdon"] = CreatedFrom.AddMinutes(i);
            store.Insert(opportunity);
            opportunities.Add(opportunity.Id);
        }

        return new SamplePipeline(owners, accounts, opportunities);
    }

    /// <summary>Open opportunities of one account, newest first: the lookup-filtered query plugins run most.</summary>
    public static QueryExpression OpenOpportunitiesOfAccount(Guid accountId)
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue", "salesstage") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, accountId);
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        query.AddOrder("createdon", OrderType.Descending);
        return query;
    }

    /// <summary>Early-stage open opportunities with their account's name: a scan plus a primary-key join.</summary>
    public static QueryExpression EarlyStageOpportunitiesWithAccount()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "salesstage") };
        query.Criteria.AddCondition("salesstage", ConditionOperator.LessEqual, 1);
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        var account = query.AddLink("account", "parentaccountid", "accountid");
        account.EntityAlias = "account";
        account.Columns = new ColumnSet("name");
        return query;
    }

    private static Entity NewRow(string table, int kind, int number)
    {
        var id = new Guid(number, (short)kind, 0x7E57, 0, 0, 0, 0, 0, 0, 0, 0);
        var row = new Entity(table, id);
        row[table + "id"] = id;
        return row;
    }
}
