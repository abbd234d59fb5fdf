using System;
using BenchmarkDotNet.Attributes;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Benchmarks;

/// <summary>RetrieveMultiple on 100,000 opportunities: on an indexed lookup (10 matches) and on a condition that must scan.</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    public const int Rows = 100_000;

    private IOrganizationService _service = null!;
    private QueryExpression _indexed = null!;
    private QueryExpression _scan = null!;

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

        _service.RetrieveMultiple(_indexed); // builds the parentaccountid index once, as the first real query would
    }

    [Benchmark(Baseline = true)]
    public EntityCollection IndexedLookupCondition() => _service.RetrieveMultiple(_indexed);

    [Benchmark]
    public EntityCollection ScanningCondition() => _service.RetrieveMultiple(_scan);
}
