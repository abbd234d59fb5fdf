using System;
using BenchmarkDotNet.Attributes;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Benchmarks;

/// <summary>Create + Update of one opportunity through a three-step pipeline (stages 10, 20, 40 on each message).</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private XrmEmulator _emulator = null!;
    private IOrganizationService _service = null!;

    /// <summary>With security enforced the calls are made by a Salesperson (standard role), so every check runs.</summary>
    [Params(false, true)]
    public bool Enforced { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _emulator = new XrmEmulator();
        _emulator.Meter.IsRecording = false; // keep memory flat over millions of operations
        ThreeStepPipeline.Register(_emulator);
        _service = _emulator.Service();
        if (Enforced)
        {
            var rep = _emulator.AddUser("Rick Rep");
            _emulator.Security.AssignRole(rep, Security.SecurityModel.StandardRole("Salesperson"));
            _emulator.Security.Enforce();
            _service = _emulator.Service(rep);
        }
    }

    /// <summary>Two pipeline operations (Create, then Update); the row is dropped afterwards so the table stays small.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public void CreateThenUpdate()
    {
        var id = _service.Create(new Entity("opportunity") { ["name"] = "Deal", ["estimatedvalue"] = new Money(50_000m), ["salesstage"] = new OptionSetValue(0) });
        _service.Update(new Entity("opportunity", id) { ["salesstage"] = new OptionSetValue(1), ["estimatedvalue"] = new Money(10_000m) });
        _emulator.Store.Delete("opportunity", id);
        _emulator.Store.Commit(0);
    }
}
