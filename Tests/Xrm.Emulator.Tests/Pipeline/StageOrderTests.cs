using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Pipeline;

public class StageOrderTests
{
    private readonly XrmEmulator _emulator = new();

    [Fact]
    public void Steps_run_by_stage_then_rank_then_registration_order()
    {
        var order = new List<string>();
        _emulator.On("Create", "account", PipelineStage.PostOperation, _ => order.Add("40 rank 1"));
        _emulator.On("Create", "account", PipelineStage.PreOperation, _ => order.Add("20 rank 2 first"), rank: 2);
        _emulator.On("Create", "account", PipelineStage.PreOperation, _ => order.Add("20 rank 1"), rank: 1);
        _emulator.On("Create", "account", PipelineStage.PreOperation, _ => order.Add("20 rank 2 second"), rank: 2);
        _emulator.On("Create", "account", PipelineStage.PreValidation, _ => order.Add("10 rank 5"), rank: 5);

        _emulator.Service().Create(new Entity("account"));

        order.Should().Equal("10 rank 5", "20 rank 1", "20 rank 2 first", "20 rank 2 second", "40 rank 1");
    }

    [Fact]
    public void Steps_run_only_for_their_message_and_table()
    {
        var ran = new List<string>();
        _emulator.On("Create", "contact", PipelineStage.PreOperation, _ => ran.Add("contact"));
        _emulator.On("Update", "account", PipelineStage.PreOperation, _ => ran.Add("update"));
        _emulator.On("Create", null, PipelineStage.PreOperation, p => ran.Add("any table: " + p.Context.PrimaryEntityName));

        _emulator.Service().Create(new Entity("account"));

        ran.Should().Equal("any table: account");
    }

    [Fact]
    public void Target_changes_made_at_pre_validation_and_pre_operation_are_persisted()
    {
        _emulator.On("Create", "account", PipelineStage.PreValidation, p => p.Target["name"] = "set at 10");
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => p.Target["description"] = "set at 20");

        var id = _emulator.Service().Create(new Entity("account"));

        var account = _emulator.Service().Retrieve("account", id, new ColumnSet("name", "description"));
        account["name"].Should().Be("set at 10");
        account["description"].Should().Be("set at 20");
    }

    [Fact]
    public void Target_changes_made_at_post_operation_are_not_persisted()
    {
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Target["name"] = "too late");

        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "original" });

        _emulator.Service().Retrieve("account", id, new ColumnSet("name"))["name"].Should().Be("original");
    }

    [Fact]
    public void InputParameters_Target_is_the_same_object_from_stage_10_to_20()
    {
        Entity? atPreValidation = null;
        Entity? atPreOperation = null;
        _emulator.On("Update", "account", PipelineStage.PreValidation, p => atPreValidation = p.Target);
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => atPreOperation = p.Target);
        var id = _emulator.Service().Create(new Entity("account"));

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "x" });

        atPreOperation.Should().BeSameAs(atPreValidation);
    }

    [Fact]
    public void The_pipeline_Target_is_a_copy_of_the_caller_entity()
    {
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => p.Target["name"] = "changed by plugin");
        var callers = new Entity("account") { ["name"] = "typed by user" };

        _emulator.Service().Create(callers);

        callers["name"].Should().Be("typed by user");
    }

    [Fact]
    public void A_step_may_replace_the_Target_object()
    {
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => p.Context.InputParameters["Target"] = new Entity("account") { ["name"] = "replaced" });

        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "original" });

        _emulator.Service().Retrieve("account", id, new ColumnSet("name"))["name"].Should().Be("replaced");
    }

    [Fact]
    public void OutputParameters_id_exists_only_from_post_operation()
    {
        var seen = new Dictionary<int, object?>();
        foreach (var stage in new[] { PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation })
        {
            _emulator.On("Create", "account", stage, p => seen[p.Context.Stage] = p.Context.OutputParameters.TryGetValue("id", out var id) ? id : null);
        }

        var created = _emulator.Service().Create(new Entity("account"));

        seen[10].Should().BeNull();
        seen[20].Should().BeNull();
        seen[40].Should().Be(created);
    }

    [Fact]
    public void PrimaryEntityId_of_a_Create_is_known_from_post_operation()
    {
        var ids = new Dictionary<int, Guid>();
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => ids[20] = p.Context.PrimaryEntityId);
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => ids[40] = p.Context.PrimaryEntityId);

        var created = _emulator.Service().Create(new Entity("account"));

        ids[20].Should().BeEmpty();
        ids[40].Should().Be(created);
    }

    [Fact]
    public void SharedVariables_are_shared_between_pre_operation_and_post_operation()
    {
        object? seen = null;
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => p.Context.SharedVariables["decision"] = "flagged");
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => seen = p.Context.SharedVariables["decision"]);

        _emulator.Service().Create(new Entity("account"));

        seen.Should().Be("flagged");
    }

    [Fact]
    public void Stage_10_shared_variables_reach_stage_40_through_ParentContext()
    {
        var atPostOperation = new Dictionary<string, object?>();
        _emulator.On("Create", "account", PipelineStage.PreValidation, p => p.Context.SharedVariables["from10"] = 10);
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            atPostOperation["own"] = p.Context.SharedVariables.Contains("from10");
            atPostOperation["parent"] = p.Context.ParentContext.SharedVariables["from10"];
            atPostOperation["parentStage"] = p.Context.ParentContext.Stage;
        });

        _emulator.Service().Create(new Entity("account"));

        atPostOperation["own"].Should().Be(false);
        atPostOperation["parent"].Should().Be(10);
        atPostOperation["parentStage"].Should().Be(10);
    }

    [Fact]
    public void Shared_variables_do_not_leak_from_one_operation_to_the_next()
    {
        var seen = new List<bool>();
        _emulator.On("Create", "account", PipelineStage.PreOperation, p =>
        {
            seen.Add(p.Context.SharedVariables.Contains("mark"));
            p.Context.SharedVariables["mark"] = true;
        });

        _emulator.Service().Create(new Entity("account"));
        _emulator.Service().Create(new Entity("account"));

        seen.Should().Equal(false, false);
    }

    [Fact]
    public void The_context_describes_the_operation()
    {
        var user = _emulator.AddUser("Rita Rep");
        IPluginExecutionContext4? context = null;
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => context = p.Context);
        var id = _emulator.Service().Create(new Entity("account"));
        _emulator.AdvanceTime(TimeSpan.FromMinutes(5));

        _emulator.Service(user).Update(new Entity("account", id) { ["name"] = "x" });

        context!.MessageName.Should().Be("Update");
        context.PrimaryEntityName.Should().Be("account");
        context.PrimaryEntityId.Should().Be(id);
        context.Stage.Should().Be(20);
        context.Mode.Should().Be(0);
        context.Depth.Should().Be(1);
        context.UserId.Should().Be(user);
        context.InitiatingUserId.Should().Be(user);
        context.OperationCreatedOn.Should().Be(_emulator.UtcNow);
        context.IsolationMode.Should().Be(2);
        context.IsInTransaction.Should().BeTrue();
        context.OrganizationId.Should().Be(_emulator.OrganizationId);
        context.BusinessUnitId.Should().Be(_emulator.BusinessUnitId);
        context.CorrelationId.Should().NotBeEmpty();
        context.OwningExtension.LogicalName.Should().Be("sdkmessageprocessingstep");
        context.PreEntityImagesCollection.Should().BeEmpty("image arrays belong to the bulk messages");
    }

    [Fact]
    public void Pre_validation_of_a_user_request_runs_outside_the_transaction()
    {
        var inTransaction = new Dictionary<int, bool>();
        foreach (var stage in new[] { PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation })
        {
            _emulator.On("Create", "account", stage, p => inTransaction[p.Context.Stage] = p.Context.IsInTransaction);
        }

        _emulator.Service().Create(new Entity("account"));

        inTransaction.Should().Equal(new Dictionary<int, bool> { [10] = false, [20] = true, [40] = true });
    }

    [Fact]
    public void Pre_validation_of_an_operation_made_inside_the_transaction_runs_inside_it()
    {
        bool? nestedPreValidation = null;
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Service.Create(new Entity("contact")));
        _emulator.On("Create", "contact", PipelineStage.PreValidation, p => nestedPreValidation = p.Context.IsInTransaction);

        _emulator.Service().Create(new Entity("account"));

        nestedPreValidation.Should().BeTrue();
    }

    [Fact]
    public void Retrieve_and_RetrieveMultiple_go_through_the_pipeline_too()
    {
        var messages = new List<string>();
        _emulator.On("Retrieve", "account", PipelineStage.PostOperation, p =>
        {
            messages.Add(p.Context.MessageName);
            ((Entity)p.Context.OutputParameters["BusinessEntity"])["name"] = "masked";
        });
        _emulator.On("RetrieveMultiple", "account", PipelineStage.PreOperation, p => messages.Add(p.Context.MessageName));
        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso" });

        var retrieved = _emulator.Service().Retrieve("account", id, new ColumnSet("name"));
        _emulator.Service().RetrieveMultiple(new QueryExpression("account"));

        retrieved["name"].Should().Be("masked");
        messages.Should().Equal("Retrieve", "RetrieveMultiple");
    }
}
