using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Pipeline;

public class DepthTests
{
    private readonly XrmEmulator _emulator = new();

    [Fact]
    public void Depth_starts_at_1_for_a_user_request()
    {
        var depth = 0;
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => depth = p.Context.Depth);

        _emulator.Service().Create(new Entity("account"));

        depth.Should().Be(1);
    }

    [Fact]
    public void Depth_rises_by_one_for_every_operation_made_from_plugin_code()
    {
        var depths = new Dictionary<string, int>();
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            depths["account"] = p.Context.Depth;
            p.Service.Create(new Entity("contact"));
        });
        _emulator.On("Create", "contact", PipelineStage.PostOperation, p =>
        {
            depths["contact"] = p.Context.Depth;
            p.Service.Create(new Entity("task"));
        });
        _emulator.On("Create", "task", PipelineStage.PreValidation, p => depths["task"] = p.Context.Depth);

        _emulator.Service().Create(new Entity("account"));

        depths.Should().Equal(new Dictionary<string, int> { ["account"] = 1, ["contact"] = 2, ["task"] = 3 });
    }

    [Fact]
    public void CorrelationId_and_initiating_user_are_the_same_for_a_whole_chain()
    {
        var rep = _emulator.AddUser("Rita Rep");
        var seen = new List<(Guid Correlation, Guid Initiating, Guid User)>();
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            seen.Add((p.Context.CorrelationId, p.Context.InitiatingUserId, p.Context.UserId));
            p.Factory.CreateOrganizationService(null).Create(new Entity("contact"));
        });
        _emulator.On("Create", "contact", PipelineStage.PostOperation, p => seen.Add((p.Context.CorrelationId, p.Context.InitiatingUserId, p.Context.UserId)));

        _emulator.Service(rep).Create(new Entity("account"));

        seen.Should().HaveCount(2);
        seen[1].Correlation.Should().Be(seen[0].Correlation);
        seen[1].Initiating.Should().Be(rep);
        seen[1].User.Should().Be(_emulator.SystemUserId, "the nested call was made as SYSTEM");
    }

    [Fact]
    public void Each_user_request_has_its_own_CorrelationId()
    {
        var ids = new List<Guid>();
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => ids.Add(p.Context.CorrelationId));

        _emulator.Service().Create(new Entity("account"));
        _emulator.Service().Create(new Entity("account"));

        ids[0].Should().NotBe(ids[1]);
    }

    [Fact]
    public void ParentContext_of_a_nested_operation_leads_back_to_the_calling_plugin()
    {
        IPluginExecutionContext? nested = null;
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Service.Create(new Entity("contact")));
        _emulator.On("Create", "contact", PipelineStage.PostOperation, p => nested = p.Context);

        _emulator.Service().Create(new Entity("account"));

        var preValidation = nested!.ParentContext;
        preValidation.MessageName.Should().Be("Create");
        preValidation.PrimaryEntityName.Should().Be("contact");
        preValidation.Stage.Should().Be(10);
        preValidation.ParentContext.PrimaryEntityName.Should().Be("account");
        preValidation.ParentContext.Stage.Should().Be(40);
    }

    [Fact]
    public void Depth_over_8_is_stopped_as_an_infinite_loop()
    {
        var deepest = 0;
        _emulator.On("Update", "account", PipelineStage.PostOperation, p =>
        {
            deepest = Math.Max(deepest, p.Context.Depth);
            p.Service.Update(new Entity("account", p.Context.PrimaryEntityId) { ["numberofemployees"] = p.Context.Depth });
        });
        var id = _emulator.Service().Create(new Entity("account") { ["numberofemployees"] = 0 });

        var act = () => _emulator.Service().Update(new Entity("account", id) { ["numberofemployees"] = 1 });

        var fault = act.Should().Throw<XrmFaultException>().Which;
        fault.ErrorCode.Should().Be(FaultCodes.InfiniteLoop);
        fault.Message.Should().StartWith("This workflow job was canceled because the workflow that started it included an infinite loop.");
        deepest.Should().Be(8);
        _emulator.Service().Retrieve("account", id, new ColumnSet("numberofemployees"))["numberofemployees"].Should().Be(0, "the whole chain is rolled back");
    }
}
