using System;
using BenchmarkDotNet.Attributes;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Benchmarks;

/// <summary>
/// RetrieveMultiple on 100,000 opportunities: on an indexed lookup (10 matches), on a condition that must scan, with an
/// outer link-entity as plugins read a deal and its account, and a first page of 5,000 in key order as a read-back pages;
/// and RetrieveEntity with its columns, as the session sharing step asks once per new session.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    public const int Rows = 100_000;

    private IOrganizationService _service = null!;
    private QueryExpression _indexed = null!;
    private QueryExpression _scan = null!;
    private QueryExpression _linked = null!;
    private QueryExpression _page = null!;

    /// <summary>
    /// With security enforced the caller reads opportunities at business-unit depth, so every row examined is
    /// checked against its owner's unit (every row passes: the results stay the same).
    /// </summary>
    [Params(false, true)]
    public bool Enforced { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var emulator = new XrmEmulator();
        var accounts = Opportunities.Seed(emulator.Store, Rows);
        _service = emulator.Service();
        if (Enforced)
        {
            var manager = emulator.AddUser("Mona Manager");
            emulator.Security.AssignRole(manager, new Security.SecurityRole("Unit reader").Grant("prvReadOpportunity", Security.PrivilegeDepth.BusinessUnit));
            emulator.Security.Enforce();
            _service = emulator.Service(manager);
        }

        _indexed = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue", "salesstage", "ownerid") };
        _indexed.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, accounts[4242]);

        _scan = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue", "salesstage", "ownerid") };
        _scan.Criteria.AddCondition("name", ConditionOperator.EndsWith, "4242");

        _linked = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue", "salesstage", "parentaccountid") };
        _linked.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, accounts[4242]);
        _linked.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        var account = _linked.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter);
        account.EntityAlias = "account";
        account.Columns = new ColumnSet("name", "revenue");

        _page = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue", "salesstage"), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
        _page.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        _page.AddOrder("opportunityid", OrderType.Ascending);

        _service.RetrieveMultiple(_indexed); // builds the parentaccountid index once, as the first real query would
    }

    [Benchmark(Baseline = true)]
    public EntityCollection IndexedLookupCondition() => _service.RetrieveMultiple(_indexed);

    [Benchmark]
    public EntityCollection ScanningCondition() => _service.RetrieveMultiple(_scan);

    [Benchmark]
    public EntityCollection IndexedLookupWithOuterLink() => _service.RetrieveMultiple(_linked);

    [Benchmark]
    public EntityCollection FirstPageInKeyOrder() => _service.RetrieveMultiple(_page);

    [Benchmark]
    public OrganizationResponse RetrieveEntityWithColumns() =>
        _service.Execute(new RetrieveEntityRequest { LogicalName = "opportunity", EntityFilters = EntityFilters.Attributes });
}
