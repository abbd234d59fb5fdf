using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Benchmarks;

/// <summary>
/// RetrieveMultiple on 10,000 sessions filtered on a secured choice and ordered by a secured number: as a coach whose
/// profile reads both (read as stored), and as a peer who reads neither (every value is checked against the row's
/// field shares and counts as null: nothing matches).
/// </summary>
[MemoryDiagnoser]
public class SecuredColumnQueryBenchmarks
{
    private const string Session = "coach_session";
    private const int Rows = 10_000;
    private const int Will = 731050002;

    private IOrganizationService _service = null!;
    private QueryExpression _query = null!;

    [Params("Coach", "Peer")]
    public string Caller { get; set; } = "Coach";

    [GlobalSetup]
    public void Setup()
    {
        var emulator = new XrmEmulator();
        emulator.Metadata.AddCustomTable(Session, isActivity: true, userOwned: true, new[]
        {
            new ColumnMetadata("coach_concern", ColumnType.Picklist) { Options = new Dictionary<int, string> { [731050000] = "None", [731050001] = "Skill", [Will] = "Will" } }.AsSecured(),
            new ColumnMetadata("coach_missed", ColumnType.Integer).AsSecured(),
        });
        emulator.AddActivityTable(Session);
        var coach = emulator.AddUser("Coach");
        var peer = emulator.AddUser("Peer");
        var reader = new SecurityRole("Activity reader").Grant("prvReadActivity", PrivilegeDepth.Organization);
        emulator.Security.AssignRole(coach, reader);
        emulator.Security.AssignRole(peer, reader);
        emulator.Security.AssignProfile(coach, new FieldSecurityProfile("Judgement")
            .Allow(Session, "coach_concern", read: true, update: true, create: true)
            .Allow(Session, "coach_missed", read: true, update: true, create: true));
        for (var i = 0; i < Rows; i++)
        {
            var id = Guid.NewGuid();
            emulator.Store.Insert(new Entity(Session, id)
            {
                ["activityid"] = id,
                ["subject"] = $"Session {i:D5}",
                ["ownerid"] = new EntityReference("systemuser", coach),
                ["coach_concern"] = new OptionSetValue(731050000 + i % 3),
                ["coach_missed"] = i % 7,
            });
        }

        emulator.Security.Enforce();
        _service = emulator.Service(Caller == "Coach" ? coach : peer);
        _query = new QueryExpression(Session) { ColumnSet = new ColumnSet("subject", "coach_missed"), TopCount = 50 };
        _query.Criteria.AddCondition("coach_concern", ConditionOperator.Equal, Will);
        _query.AddOrder("coach_missed", OrderType.Descending);
        _service.RetrieveMultiple(_query); // builds the coach_concern index once, as the first real query would
    }

    [Benchmark]
    public EntityCollection FilterAndOrderOnSecuredColumns() => _service.RetrieveMultiple(_query);
}
