using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Async;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Async;

public class AsyncStepTests
{
    private readonly XrmEmulator _emulator = new();

    private int Count(string table) => _emulator.Service().RetrieveMultiple(new QueryExpression(table)).Entities.Count;

    [Fact]
    public void Async_steps_run_after_commit_with_their_own_context_at_the_same_depth()
    {
        var order = new List<string>();
        IPluginExecutionContext4? asyncContext = null;
        bool? recordVisible = null;
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            asyncContext = p.Context;
            recordVisible = p.Service.RetrieveMultiple(new QueryExpression("account")).Entities.Count == 1;
            order.Add("async");
        }, mode: StepMode.Asynchronous);
        _emulator.On("Create", "account", PipelineStage.PostOperation, _ => order.Add("sync 40"));

        var id = _emulator.Service().Create(new Entity("account"));

        order.Should().Equal("sync 40", "async");
        recordVisible.Should().BeTrue("the operation had committed");
        asyncContext!.Mode.Should().Be(1);
        asyncContext.Stage.Should().Be(40);
        asyncContext.Depth.Should().Be(1);
        asyncContext.IsInTransaction.Should().BeFalse();
        asyncContext.PrimaryEntityId.Should().Be(id);
        asyncContext.OutputParameters["id"].Should().Be(id);
        _emulator.SystemJobs.Should().ContainSingle().Which.Status.Should().Be(SystemJobStatus.Succeeded);
    }

    [Fact]
    public void Async_context_carries_shared_variables_and_images_as_they_were_at_commit()
    {
        object? shared = null;
        Entity? post = null;
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => p.Context.SharedVariables["reason"] = "renamed");
        _emulator.On("Update", "account", PipelineStage.PostOperation, p =>
        {
            shared = p.Context.SharedVariables["reason"];
            post = p.Context.PostEntityImages["PostImage"];
        }, mode: StepMode.Asynchronous, images: ImageRegistration.Post("PostImage", "name"));
        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "old" });

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "new" });

        shared.Should().Be("renamed");
        post!["name"].Should().Be("new");
    }

    [Fact]
    public void Async_failure_is_recorded_on_a_system_job_and_does_not_roll_back()
    {
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            p.Service.Create(new Entity("task") { ["subject"] = "written before the failure" });
            throw new InvalidPluginExecutionException("The mail server is down.");
        }, name: "Test.NotifyOwner", mode: StepMode.Asynchronous);

        var id = _emulator.Service().Create(new Entity("account"));

        _emulator.Store.Exists("account", id).Should().BeTrue();
        Count("task").Should().Be(1, "an asynchronous step has no transaction to roll back");
        var job = _emulator.FailedJobs.Should().ContainSingle().Which;
        job.ErrorMessage.Should().Be("The mail server is down.");
        job.PluginType.Should().Be("Test.NotifyOwner");
        job.RecordId.Should().Be(id);
        job.Status.Should().Be(SystemJobStatus.Failed);
    }

    [Fact]
    public void Async_steps_of_a_rolled_back_operation_never_run()
    {
        var ran = false;
        _emulator.On("Create", "account", PipelineStage.PostOperation, _ => ran = true, mode: StepMode.Asynchronous);
        _emulator.On("Create", "account", PipelineStage.PostOperation, _ => throw new InvalidPluginExecutionException("No."));

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<InvalidPluginExecutionException>();
        ran.Should().BeFalse();
        _emulator.SystemJobs.Should().BeEmpty();
    }

    [Fact]
    public void By_default_async_jobs_run_as_soon_as_the_user_request_has_committed()
    {
        var ranBeforeReturn = false;
        _emulator.On("Create", "account", PipelineStage.PostOperation, _ => ranBeforeReturn = true, mode: StepMode.Asynchronous);

        _emulator.AsyncMode.Should().Be(AsyncJobMode.AfterEachRequest);
        _emulator.Service().Create(new Entity("account"));

        ranBeforeReturn.Should().BeTrue();
        _emulator.PendingJobs.Should().BeEmpty();
    }

    [Fact]
    public void Manual_mode_holds_async_jobs_until_RunAsyncJobs()
    {
        _emulator.AsyncMode = AsyncJobMode.Manual;
        var runs = 0;
        _emulator.On("Create", "account", PipelineStage.PostOperation, _ => runs++, mode: StepMode.Asynchronous);

        _emulator.Service().Create(new Entity("account"));
        _emulator.Service().Create(new Entity("account"));

        runs.Should().Be(0);
        _emulator.PendingJobs.Should().HaveCount(2);
        _emulator.RunAsyncJobs().Should().Be(2);
        runs.Should().Be(2);
        _emulator.PendingJobs.Should().BeEmpty();
    }

    [Fact]
    public void Operations_made_by_an_async_step_are_at_the_next_depth_and_queue_their_own_jobs()
    {
        var depths = new List<int>();
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Service.Create(new Entity("contact")), mode: StepMode.Asynchronous);
        _emulator.On("Create", "contact", PipelineStage.PostOperation, p => depths.Add(p.Context.Depth), mode: StepMode.Asynchronous);

        _emulator.Service().Create(new Entity("account"));

        depths.Should().Equal(2);
        _emulator.SystemJobs.Should().HaveCount(2);
    }

    [Fact]
    public void Async_steps_can_only_be_registered_at_post_operation()
    {
        var act = () => _emulator.On("Create", "account", PipelineStage.PreOperation, _ => { }, mode: StepMode.Asynchronous);

        act.Should().Throw<InvalidOperationException>().WithMessage("*asynchronous steps must be registered at stage 40*");
    }
}
