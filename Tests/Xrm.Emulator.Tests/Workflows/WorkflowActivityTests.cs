using System;
using System.Activities;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Workflows;

public class WorkflowActivityTests
{
    private readonly XrmEmulator _emulator = new();

    /// <summary>A small activity: due date = start + days; creates a task regarding the primary record.</summary>
    public sealed class ScheduleFollowUp : CodeActivity
    {
        [Input("Start")]
        [ArgumentRequired]
        public InArgument<DateTime> Start { get; set; } = null!;

        [Input("Days")]
        [Default("3")]
        public InArgument<int> Days { get; set; } = null!;

        [Input("Subject")]
        public InArgument<string> Subject { get; set; } = new("Follow up");

        [Output("Due")]
        public OutArgument<DateTime> Due { get; set; } = null!;

        [Output("TaskId")]
        public OutArgument<EntityReference> TaskId { get; set; } = null!;

        protected override void Execute(CodeActivityContext context)
        {
            var workflow = context.GetExtension<IWorkflowContext>();
            var service = context.GetExtension<IOrganizationServiceFactory>().CreateOrganizationService(null);
            context.GetExtension<ITracingService>().Trace("Scheduling for {0}", workflow.PrimaryEntityName);

            var due = Start.Get(context).AddDays(Days.Get(context));
            var task = new Entity("task") { ["subject"] = Subject.Get(context), ["scheduledend"] = due };
            if (workflow.PrimaryEntityId != Guid.Empty) task["regardingobjectid"] = new EntityReference(workflow.PrimaryEntityName, workflow.PrimaryEntityId);
            var id = service.Create(task);
            Due.Set(context, due);
            TaskId.Set(context, new EntityReference("task", id));
        }
    }

    [Fact]
    public void Workflow_activity_gets_its_inputs_and_returns_its_outputs_by_name()
    {
        var opportunity = new EntityReference("opportunity", _emulator.Service().Create(new Entity("opportunity")));
        var start = new DateTime(2025, 2, 3, 0, 0, 0, DateTimeKind.Utc);

        var outputs = _emulator.RunWorkflowActivity(new ScheduleFollowUp(),
            new Dictionary<string, object?> { ["Start"] = start, ["Days"] = 5, ["Subject"] = "Check the goal" }, opportunity);

        outputs["Due"].Should().Be(start.AddDays(5));
        var task = _emulator.Store.Find("task", ((EntityReference)outputs["TaskId"]!).Id)!;
        task["subject"].Should().Be("Check the goal");
        task.GetAttributeValue<EntityReference>("regardingobjectid").Should().Be(opportunity);
    }

    [Fact]
    public void Default_attribute_and_argument_constants_fill_inputs_not_given()
    {
        var start = new DateTime(2025, 2, 3, 0, 0, 0, DateTimeKind.Utc);

        var outputs = _emulator.RunWorkflowActivity(new ScheduleFollowUp(), new Dictionary<string, object?> { ["Start"] = start });

        outputs["Due"].Should().Be(start.AddDays(3));
        _emulator.Store.Find("task", ((EntityReference)outputs["TaskId"]!).Id)!["subject"].Should().Be("Follow up");
    }

    [Fact]
    public void Missing_required_input_fails_naming_it()
    {
        var act = () => _emulator.RunWorkflowActivity(new ScheduleFollowUp(), new Dictionary<string, object?>());

        act.Should().Throw<ArgumentException>().WithMessage("*requires the input 'Start'*");
    }

    [Fact]
    public void Unknown_input_name_fails_listing_the_inputs()
    {
        var act = () => _emulator.RunWorkflowActivity(new ScheduleFollowUp(), new Dictionary<string, object?> { ["Start"] = DateTime.UtcNow, ["Dayz"] = 1 });

        act.Should().Throw<ArgumentException>().WithMessage("*no [Input(\"Dayz\")]*Start, Days, Subject*");
    }

    [Fact]
    public void Workflow_service_calls_are_metered_and_run_the_pipeline_at_depth_2()
    {
        var rep = _emulator.AddUser("Rita Rep");
        var depths = new List<int>();
        _emulator.On("Create", "task", PipelineStage.PreOperation, p => depths.Add(p.Context.Depth));

        _emulator.RunWorkflowActivity(new ScheduleFollowUp(), new Dictionary<string, object?> { ["Start"] = DateTime.UtcNow }, userId: rep);

        depths.Should().Equal(2);
        var execution = _emulator.Meter.For(typeof(ScheduleFollowUp).FullName!).Should().ContainSingle().Which;
        execution.Count("Create", "task").Should().Be(1);
        execution.TraceLines.Should().Equal("Scheduling for none");
        var task = _emulator.Store.Scan("task");
        task.Should().ContainSingle().Which.GetAttributeValue<EntityReference>("createdby").Id.Should().Be(rep,
            "in a workflow activity every call runs as the context's user");
    }
}
