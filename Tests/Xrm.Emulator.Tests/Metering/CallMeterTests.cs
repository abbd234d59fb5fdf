using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Metering;

public class CallMeterTests
{
    private readonly XrmEmulator _emulator = new();

    [Fact]
    public void Meter_counts_each_call_by_message_and_table_per_execution()
    {
        _emulator.On("Update", "opportunity", PipelineStage.PreOperation, p =>
        {
            p.Service.RetrieveMultiple(new QueryExpression("account"));
            p.Service.Retrieve("opportunity", p.Context.PrimaryEntityId, new ColumnSet("name"));
        }, name: "Coaching.Plugins.IcpFitPlugin");
        var id = _emulator.Service().Create(new Entity("opportunity"));

        _emulator.Service().Update(new Entity("opportunity", id) { ["name"] = "x" });

        var execution = _emulator.Meter.For("IcpFitPlugin").Should().ContainSingle().Which;
        execution.Message.Should().Be("Update");
        execution.Table.Should().Be("opportunity");
        execution.Stage.Should().Be(20);
        execution.Depth.Should().Be(1);
        execution.Count("RetrieveMultiple").Should().Be(1);
        execution.Count("Retrieve", "opportunity").Should().Be(1);
        execution.Writes.Should().Be(0);
        execution.Calls.Select(c => c.ToString()).Should().Equal("RetrieveMultiple account", "Retrieve opportunity");
        execution.CallsByMessage.Should().ContainKey("RetrieveMultiple").WhoseValue.Should().Be(1);
    }

    [Fact]
    public void A_plugin_closing_a_deal_is_metered_as_a_write_on_opportunity()
    {
        var deal = _emulator.Service().Create(new Entity("opportunity"));
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Service.Execute(new Microsoft.Crm.Sdk.Messages.WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", deal) },
            Status = new OptionSetValue(-1),
        }), name: "Test.Closer");

        _emulator.Service().Create(new Entity("account"));

        var execution = _emulator.Meter.For("Test.Closer").Should().ContainSingle().Which;
        execution.Calls.Select(c => c.ToString()).Should().Equal("WinOpportunity opportunity");
        execution.Writes.Should().Be(1);
    }

    [Fact]
    public void Calls_made_by_tests_are_not_metered()
    {
        _emulator.Service().Create(new Entity("account"));

        _emulator.Meter.Executions.Should().BeEmpty();
    }

    [Fact]
    public void Measure_scopes_a_reading_to_one_user_request()
    {
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Service.Create(new Entity("task")), name: "Test.Followup");
        _emulator.Service().Create(new Entity("account"));

        var reading = _emulator.Meter.Measure(() => _emulator.Service().Create(new Entity("account")));

        reading.For("Test.Followup").Should().ContainSingle().Which.Count("Create").Should().Be(1);
        reading.Writes.Should().Be(1);
        _emulator.Meter.For("Test.Followup").Should().HaveCount(2);
    }

    [Fact]
    public void Requests_inside_ExecuteMultiple_are_metered_with_their_batch()
    {
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Service.Execute(new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = false },
            Requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("task") }, new CreateRequest { Target = new Entity("task") } },
        }), name: "Test.Batcher");

        _emulator.Service().Create(new Entity("account"));

        var execution = _emulator.Meter.For("Test.Batcher").Single();
        execution.Count("ExecuteMultiple").Should().Be(1);
        execution.Count("Create", "task").Should().Be(2);
        execution.Calls.Where(c => c.Message == "Create").Should().OnlyContain(c => c.Batch == "ExecuteMultiple");
    }

    [Fact]
    public void Trace_lines_are_captured_per_execution()
    {
        _emulator.On("Create", "account", PipelineStage.PreOperation, p => p.Tracing.Trace("Scored {0} of {1}", 80, 100), name: "Test.Scorer");

        _emulator.Service().Create(new Entity("account"));
        _emulator.Service().Create(new Entity("account"));

        _emulator.Meter.For("Test.Scorer").Select(e => e.TraceLines.Single()).Should().Equal("Scored 80 of 100", "Scored 80 of 100");
        _emulator.TraceLines("Scorer").Should().HaveCount(2);
    }

    [Fact]
    public void A_failed_execution_records_its_error()
    {
        _emulator.On("Create", "account", PipelineStage.PreOperation, _ => throw new InvalidPluginExecutionException("Nope."), name: "Test.Refuser");

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<InvalidPluginExecutionException>();
        _emulator.Meter.For("Test.Refuser").Single().Error.Should().Be("Nope.");
    }

    [Fact]
    public void Recording_can_be_switched_off_for_long_runs()
    {
        _emulator.On("Create", "account", PipelineStage.PreOperation, _ => { });
        _emulator.Meter.IsRecording = false;

        _emulator.Service().Create(new Entity("account"));

        _emulator.Meter.Executions.Should().BeEmpty();
    }
}
