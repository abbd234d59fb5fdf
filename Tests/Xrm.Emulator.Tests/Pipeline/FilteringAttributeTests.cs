using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Pipeline;

public class FilteringAttributeTests
{
    private readonly XrmEmulator _emulator = new();

    [Fact]
    public void Filtering_attributes_skip_updates_that_do_not_touch_them()
    {
        var runs = 0;
        _emulator.On("Update", "opportunity", PipelineStage.PreOperation, _ => runs++, filteringAttributes: new[] { "estimatedvalue", "customerid" });
        var id = _emulator.Service().Create(new Entity("opportunity"));

        _emulator.Service().Update(new Entity("opportunity", id) { ["name"] = "renamed" });
        runs.Should().Be(0);

        _emulator.Service().Update(new Entity("opportunity", id) { ["name"] = "again", ["estimatedvalue"] = new Money(5m) });
        runs.Should().Be(1);
    }

    [Fact]
    public void Filtering_attributes_apply_to_Update_only()
    {
        var runs = 0;
        _emulator.On("Create", "opportunity", PipelineStage.PreOperation, _ => runs++, filteringAttributes: new[] { "estimatedvalue" });

        _emulator.Service().Create(new Entity("opportunity") { ["name"] = "no value yet" });

        runs.Should().Be(1);
    }

    [Fact]
    public void Filtering_attributes_see_columns_added_to_Target_by_earlier_steps()
    {
        var ran = new List<string>();
        _emulator.On("Update", "opportunity", PipelineStage.PreOperation, p => p.Target["closeprobability"] = 80, rank: 1,
            filteringAttributes: new[] { "customerid" });
        _emulator.On("Update", "opportunity", PipelineStage.PreOperation, _ => ran.Add("review flag"), rank: 2,
            filteringAttributes: new[] { "closeprobability" });
        var id = _emulator.Service().Create(new Entity("opportunity"));
        var account = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso" });

        _emulator.Service().Update(new Entity("opportunity", id) { ["customerid"] = new EntityReference("account", account) });

        ran.Should().Equal("review flag");
    }
}
