using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.CustomApis;

public class CustomApiTests
{
    private readonly XrmEmulator _emulator = new();
    private readonly List<string> _order = new();

    public CustomApiTests()
    {
        _emulator.RegisterCustomApi(new CustomApiRegistration("coach_StartMicroCoaching", new DelegatePlugin(p =>
        {
            _order.Add($"main stage {p.Context.Stage} in transaction {p.Context.IsInTransaction}");
            var target = (EntityReference)p.Context.InputParameters["Target"];
            var sessionId = p.Service.Create(new Entity("task") { ["regardingobjectid"] = target, ["subject"] = p.Context.InputParameters["Topic"] });
            if (!p.Context.InputParameters.Contains("SkipOutputs"))
            {
                p.Context.OutputParameters["SessionId"] = new EntityReference("task", sessionId);
                p.Context.OutputParameters["Created"] = true;
            }
        }))
        {
            Binding = CustomApiBinding.Entity,
            BoundEntityLogicalName = "opportunity",
            RequestParameters = new[]
            {
                new CustomApiField("Topic", CustomApiFieldType.String),
                new CustomApiField("Minutes", CustomApiFieldType.Integer, IsOptional: true),
                new CustomApiField("SkipOutputs", CustomApiFieldType.Boolean, IsOptional: true),
            },
            ResponseProperties = new[]
            {
                new CustomApiField("SessionId", CustomApiFieldType.EntityReference, LogicalEntityName: "task"),
                new CustomApiField("Created", CustomApiFieldType.Boolean),
            },
        });
    }

    private OrganizationRequest Start(Guid opportunityId) => new("coach_StartMicroCoaching")
    {
        ["Target"] = new EntityReference("opportunity", opportunityId),
        ["Topic"] = "Qualify the buyer",
    };

    [Fact]
    public void Custom_api_plugin_runs_as_the_main_operation_and_returns_its_response_properties()
    {
        var opportunity = _emulator.Service().Create(new Entity("opportunity"));

        var response = _emulator.Service().Execute(Start(opportunity));

        response.ResponseName.Should().Be("coach_StartMicroCoaching");
        response.Results["Created"].Should().Be(true);
        var session = (EntityReference)response.Results["SessionId"];
        _emulator.Store.Exists("task", session.Id).Should().BeTrue();
        _order.Should().Equal("main stage 30 in transaction True");
    }

    [Fact]
    public void Custom_api_steps_run_around_the_main_operation()
    {
        _emulator.On("coach_StartMicroCoaching", "opportunity", PipelineStage.PreValidation, _ => _order.Add("10"));
        _emulator.On("coach_StartMicroCoaching", "opportunity", PipelineStage.PreOperation, _ => _order.Add("20"));
        _emulator.On("coach_StartMicroCoaching", "opportunity", PipelineStage.PostOperation, p =>
            _order.Add($"40 sees {((EntityReference)p.Context.OutputParameters["SessionId"]).LogicalName}"));
        var opportunity = _emulator.Service().Create(new Entity("opportunity"));

        _emulator.Service().Execute(Start(opportunity));

        _order.Should().Equal("10", "20", "main stage 30 in transaction True", "40 sees task");
    }

    [Fact]
    public void Custom_api_missing_required_parameter_fails_naming_it()
    {
        var opportunity = _emulator.Service().Create(new Entity("opportunity"));
        var request = Start(opportunity);
        request.Parameters.Remove("Topic");

        var act = () => _emulator.Service().Execute(request);

        act.Should().Throw<XrmFaultException>().WithMessage("*required parameter 'Topic'*");
        _order.Should().BeEmpty();
    }

    [Fact]
    public void Custom_api_parameter_of_the_wrong_type_fails_naming_it()
    {
        var opportunity = _emulator.Service().Create(new Entity("opportunity"));
        var request = Start(opportunity);
        request["Minutes"] = "thirty";

        var act = () => _emulator.Service().Execute(request);

        act.Should().Throw<XrmFaultException>().WithMessage("*parameter 'Minutes' must be Integer*");
    }

    [Fact]
    public void Custom_api_undeclared_parameter_fails_naming_it()
    {
        var opportunity = _emulator.Service().Create(new Entity("opportunity"));
        var request = Start(opportunity);
        request["Topc"] = "typo";

        var act = () => _emulator.Service().Execute(request);

        act.Should().Throw<XrmFaultException>().WithMessage("*has no request parameter 'Topc'*");
    }

    [Fact]
    public void Custom_api_missing_response_property_fails_naming_it_and_rolls_back()
    {
        var opportunity = _emulator.Service().Create(new Entity("opportunity"));
        var request = Start(opportunity);
        request["SkipOutputs"] = true;

        var act = () => _emulator.Service().Execute(request);

        act.Should().Throw<XrmFaultException>().WithMessage("*response property 'SessionId'*never optional*");
        _emulator.Store.Count("task").Should().Be(0);
    }

    [Fact]
    public void Bound_custom_api_requires_a_Target_of_its_table()
    {
        var request = Start(Guid.NewGuid());
        request["Target"] = new EntityReference("account", Guid.NewGuid());

        var act = () => _emulator.Service().Execute(request);

        act.Should().Throw<XrmFaultException>().WithMessage("*'Target' must be an EntityReference to opportunity*");
    }

    [Fact]
    public void Custom_api_context_names_the_message_and_the_bound_record()
    {
        IPluginExecutionContext? context = null;
        _emulator.On("coach_StartMicroCoaching", "opportunity", PipelineStage.PostOperation, p => context = p.Context);
        var opportunity = _emulator.Service().Create(new Entity("opportunity"));

        _emulator.Service().Execute(Start(opportunity));

        context!.MessageName.Should().Be("coach_StartMicroCoaching");
        context.PrimaryEntityName.Should().Be("opportunity");
        context.PrimaryEntityId.Should().Be(opportunity);
    }

    [Fact]
    public void A_custom_api_cannot_take_the_name_of_a_platform_message()
    {
        var act = () => _emulator.RegisterCustomApi(new CustomApiRegistration("Update", null));

        act.Should().Throw<InvalidOperationException>().WithMessage("*name of a platform message*");
    }
}
