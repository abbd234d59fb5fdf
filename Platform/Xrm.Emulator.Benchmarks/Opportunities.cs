using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Benchmarks;

/// <summary>A synthetic pipeline: opportunities spread over accounts and owners, as a sales org's data would be.</summary>
internal static class Opportunities
{
    public const int Accounts = 10_000;
    public const int Owners = 100;

    /// <summary>Inserts <paramref name="count"/> opportunities straight into the store (no pipeline) and returns the account ids.</summary>
    public static Guid[] Seed(EntityStore store, int count)
    {
        var random = new Random(42);
        var accounts = new Guid[Accounts];
        for (var i = 0; i < accounts.Length; i++) accounts[i] = Guid.NewGuid();
        var owners = new Guid[Owners];
        for (var i = 0; i < owners.Length; i++) owners[i] = Guid.NewGuid();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            store.Insert(new Entity("opportunity", id)
            {
                ["opportunityid"] = id,
                ["name"] = $"Deal {i:D6}",
                ["parentaccountid"] = new EntityReference("account", accounts[i % Accounts]),
                ["ownerid"] = new EntityReference("systemuser", owners[random.Next(Owners)]),
                ["estimatedvalue"] = new Money(random.Next(1_000, 500_000)),
                ["estimatedclosedate"] = start.AddDays(random.Next(0, 365)),
                ["salesstage"] = new OptionSetValue(random.Next(0, 4)),
                ["stepname"] = "1-Qualify",
                ["statecode"] = new OptionSetValue(0),
                ["statuscode"] = new OptionSetValue(1),
                ["createdon"] = start.AddMinutes(i),
                ["modifiedon"] = start.AddMinutes(i),
            });
        }

        store.Commit(0);
        return accounts;
    }

    public static IEnumerable<string> Columns => new[] { "name", "estimatedvalue", "salesstage", "ownerid" };
}
