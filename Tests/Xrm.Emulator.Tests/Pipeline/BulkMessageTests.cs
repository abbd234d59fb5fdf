using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Pipeline;

public class BulkMessageTests
{
    private readonly XrmEmulator _emulator = new();

    private Guid[] CreateAccounts(params string[] names) =>
        names.Select(n => _emulator.Service().Create(new Entity("account") { ["name"] = n })).ToArray();

    private static EntityCollection Targets(params Entity[] entities) => new(entities.ToList()) { EntityName = entities[0].LogicalName };

    [Fact]
    public void Update_step_runs_per_record_of_UpdateMultiple_with_its_own_pre_image()
    {
        var seen = new List<(string Message, Guid Id, string Before, string After)>();
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => seen.Add((p.Context.MessageName, p.Context.PrimaryEntityId,
            (string)p.Context.PreEntityImages["PreImage"]["name"], (string)p.Target["name"])), images: ImageRegistration.Pre("PreImage", "name"));
        var ids = CreateAccounts("A", "B");

        _emulator.Service().Execute(new UpdateMultipleRequest
        {
            Targets = Targets(new Entity("account", ids[0]) { ["name"] = "A2" }, new Entity("account", ids[1]) { ["name"] = "B2" }),
        });

        seen.Should().Equal(("Update", ids[0], "A", "A2"), ("Update", ids[1], "B", "B2"));
    }

    [Fact]
    public void Filtering_attributes_of_an_Update_step_apply_per_record_of_UpdateMultiple()
    {
        var updated = new List<Guid>();
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => updated.Add(p.Context.PrimaryEntityId), filteringAttributes: new[] { "revenue" });
        var ids = CreateAccounts("A", "B");

        _emulator.Service().Execute(new UpdateMultipleRequest
        {
            Targets = Targets(new Entity("account", ids[0]) { ["name"] = "A2" }, new Entity("account", ids[1]) { ["revenue"] = new Money(1m) }),
        });

        updated.Should().Equal(ids[1]);
    }

    [Fact]
    public void UpdateMultiple_step_runs_for_a_single_Update()
    {
        var seen = new List<string>();
        EntityImageCollection[]? preImages = null;
        _emulator.On("UpdateMultiple", "account", PipelineStage.PreOperation, p =>
        {
            var targets = (EntityCollection)p.Context.InputParameters["Targets"];
            seen.Add($"{p.Context.MessageName} x{targets.Entities.Count}");
            preImages = p.Context.PreEntityImagesCollection;
            targets.Entities[0]["description"] = "set by the bulk step";
        }, images: ImageRegistration.Pre("PreImage", "name"));
        var id = CreateAccounts("A")[0];

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "A2" });

        seen.Should().Equal("UpdateMultiple x1");
        preImages.Should().ContainSingle().Which["PreImage"]["name"].Should().Be("A");
        _emulator.Service().Retrieve("account", id, new ColumnSet("description"))["description"].Should().Be("set by the bulk step");
    }

    [Fact]
    public void UpdateMultiple_step_gets_image_arrays_in_step_with_Targets()
    {
        string[]? before = null;
        string[]? after = null;
        _emulator.On("UpdateMultiple", "account", PipelineStage.PostOperation, p =>
        {
            before = p.Context.PreEntityImagesCollection.Select(i => (string)i["Image"]["name"]).ToArray();
            after = p.Context.PostEntityImagesCollection.Select(i => (string)i["Image"]["name"]).ToArray();
        }, images: new ImageRegistration("Image", ImageType.Both, "name"));
        var ids = CreateAccounts("A", "B", "C");

        _emulator.Service().Execute(new UpdateMultipleRequest
        {
            Targets = Targets(new Entity("account", ids[2]) { ["name"] = "C2" }, new Entity("account", ids[0]) { ["name"] = "A2" }),
        });

        before.Should().Equal("C", "A");
        after.Should().Equal("C2", "A2");
    }

    [Fact]
    public void Create_step_runs_per_record_of_CreateMultiple()
    {
        var ids = new List<Guid>();
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => p.Target["description"] = "stamped");
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => ids.Add((Guid)p.Context.OutputParameters["id"]));

        var response = (CreateMultipleResponse)_emulator.Service().Execute(new CreateMultipleRequest
        {
            Targets = Targets(new Entity("account") { ["name"] = "A" }, new Entity("account") { ["name"] = "B" }),
        });

        response.Ids.Should().Equal(ids);
        foreach (var id in ids)
        {
            _emulator.Service().Retrieve("account", id, new ColumnSet("description"))["description"].Should().Be("stamped");
        }
    }

    [Fact]
    public void CreateMultiple_step_runs_for_a_single_Create()
    {
        Guid[]? idsAtPostOperation = null;
        string? message = null;
        _emulator.On("CreateMultiple", "account", PipelineStage.PostOperation, p =>
        {
            message = p.Context.MessageName;
            idsAtPostOperation = (Guid[])p.Context.OutputParameters["Ids"];
        });

        var id = _emulator.Service().Create(new Entity("account"));

        message.Should().Be("CreateMultiple");
        idsAtPostOperation.Should().Equal(id);
    }

    [Fact]
    public void Single_and_bulk_steps_of_a_stage_run_together_in_rank_order()
    {
        var order = new List<string>();
        _emulator.On("Create", "account", PipelineStage.PreOperation, _ => order.Add("Create rank 2"), rank: 2);
        _emulator.On("CreateMultiple", "account", PipelineStage.PreOperation, _ => order.Add("CreateMultiple rank 1"), rank: 1);

        _emulator.Service().Create(new Entity("account"));

        order.Should().Equal("CreateMultiple rank 1", "Create rank 2");
    }

    [Fact]
    public void CreateMultiple_is_one_transaction()
    {
        _emulator.On("Create", "account", PipelineStage.PreOperation, p =>
        {
            if ((string)p.Target["name"] == "bad") throw new InvalidPluginExecutionException("Bad name.");
        });

        var act = () => _emulator.Service().Execute(new CreateMultipleRequest
        {
            Targets = Targets(new Entity("account") { ["name"] = "good" }, new Entity("account") { ["name"] = "bad" }),
        });

        act.Should().Throw<InvalidPluginExecutionException>();
        _emulator.Store.Count("account").Should().Be(0);
    }

    [Fact]
    public void UpdateMultiple_applies_every_target()
    {
        var ids = CreateAccounts("A", "B");

        _emulator.Service().Execute(new UpdateMultipleRequest
        {
            Targets = Targets(new Entity("account", ids[0]) { ["name"] = "A2" }, new Entity("account", ids[1]) { ["name"] = "B2" }),
        });

        ids.Select(id => (string)_emulator.Service().Retrieve("account", id, new ColumnSet("name"))["name"]).Should().Equal("A2", "B2");
    }
}
