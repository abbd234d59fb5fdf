using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Pipeline;

public class TransactionTests
{
    private readonly XrmEmulator _emulator = new();

    private int Count(string table) => _emulator.Service().RetrieveMultiple(new QueryExpression(table)).Entities.Count;

    [Fact]
    public void Synchronous_exception_rolls_back_the_operation_itself()
    {
        _emulator.On("Create", "account", PipelineStage.PostOperation, _ => throw new InvalidPluginExecutionException("No."));

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<InvalidPluginExecutionException>();
        Count("account").Should().Be(0);
    }

    [Fact]
    public void Synchronous_exception_rolls_back_nested_operations()
    {
        var accountId = _emulator.Service().Create(new Entity("account") { ["name"] = "before" });
        _emulator.On("Create", "contact", PipelineStage.PostOperation, p =>
        {
            p.Service.Create(new Entity("task") { ["subject"] = "follow up" });
            p.Service.Update(new Entity("account", accountId) { ["name"] = "touched by plugin" });
        }, rank: 1);
        _emulator.On("Create", "task", PipelineStage.PostOperation, p => p.Service.Create(new Entity("phonecall")));
        _emulator.On("Create", "contact", PipelineStage.PostOperation, _ => throw new InvalidPluginExecutionException("Rejected at the end."), rank: 2);

        var act = () => _emulator.Service().Create(new Entity("contact"));

        act.Should().Throw<InvalidPluginExecutionException>().WithMessage("Rejected at the end.");
        Count("contact").Should().Be(0);
        Count("task").Should().Be(0);
        Count("phonecall").Should().Be(0);
        _emulator.Service().Retrieve("account", accountId, new ColumnSet("name"))["name"].Should().Be("before");
    }

    [Fact]
    public void Exception_in_a_nested_operation_rolls_back_the_whole_user_operation()
    {
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Service.Create(new Entity("task")));
        _emulator.On("Create", "task", PipelineStage.PreOperation, _ => throw new InvalidPluginExecutionException("Tasks are closed today."));

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<InvalidPluginExecutionException>().WithMessage("Tasks are closed today.");
        Count("account").Should().Be(0);
    }

    [Fact]
    public void Writes_made_at_pre_validation_of_a_user_request_commit_on_their_own()
    {
        // Stage 10 of the user's request runs before the database transaction begins (Dataverse "Event pipeline").
        _emulator.On("Create", "account", PipelineStage.PreValidation, p => p.Service.Create(new Entity("task")));
        _emulator.On("Create", "account", PipelineStage.PreOperation, _ => throw new InvalidPluginExecutionException("No."));

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<InvalidPluginExecutionException>();
        Count("account").Should().Be(0);
        Count("task").Should().Be(1);
    }

    [Fact]
    public void InvalidPluginExecutionException_reaches_the_caller_unwrapped_with_its_message()
    {
        var thrown = new InvalidPluginExecutionException("Set the goal of the next interaction before moving to Propose.");
        _emulator.On("Create", "account", PipelineStage.PreValidation, _ => throw thrown);

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<InvalidPluginExecutionException>().Which.Should().BeSameAs(thrown);
    }

    [Fact]
    public void InvalidPluginExecutionException_from_a_nested_operation_reaches_the_user_unwrapped()
    {
        _emulator.On("Create", "account", PipelineStage.PostOperation, p => p.Service.Create(new Entity("task")));
        _emulator.On("Create", "task", PipelineStage.PreOperation, _ => throw new InvalidPluginExecutionException("Nested says no."));

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<InvalidPluginExecutionException>().WithMessage("Nested says no.");
    }

    [Fact]
    public void Other_plugin_exceptions_reach_the_caller_as_a_fault_with_the_original_message()
    {
        _emulator.On("Create", "account", PipelineStage.PreOperation, _ => throw new NullReferenceException("Object reference not set to an instance of an object."));

        var act = () => _emulator.Service().Create(new Entity("account"));

        var fault = act.Should().Throw<XrmFaultException>().Which;
        fault.Message.Should().Be("Object reference not set to an instance of an object.");
        fault.ErrorCode.Should().Be(FaultCodes.IsvUnexpected);
        fault.InnerException.Should().BeOfType<NullReferenceException>();
    }

    [Fact]
    public void Swallowing_a_failed_service_call_inside_the_transaction_fails_the_operation()
    {
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            try
            {
                p.Service.Retrieve("contact", Guid.NewGuid(), new ColumnSet("fullname"));
            }
            catch (XrmFaultException)
            {
                // "It might not exist" - but the failed call has already ended the transaction.
            }
        });

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.IsvReducedOpenTransactionCount);
        Count("account").Should().Be(0);
    }

    [Fact]
    public void A_call_on_a_transaction_a_failed_call_has_ended_fails()
    {
        Exception? second = null;
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            try
            {
                p.Service.Update(new Entity("contact", Guid.NewGuid()) { ["fullname"] = "ghost" });
            }
            catch (XrmFaultException)
            {
            }

            try
            {
                p.Service.Create(new Entity("task"));
            }
            catch (Exception error)
            {
                second = error;
                throw;
            }
        });

        var act = () => _emulator.Service().Create(new Entity("account"));

        act.Should().Throw<XrmFaultException>();
        second.Should().BeOfType<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.NoActiveTransaction);
    }

    [Fact]
    public void A_failed_call_made_outside_a_transaction_can_be_handled()
    {
        // An asynchronous step runs outside any transaction: each of its calls stands alone.
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            try
            {
                p.Service.Retrieve("contact", Guid.NewGuid(), new ColumnSet("fullname"));
            }
            catch (XrmFaultException)
            {
            }

            p.Service.Create(new Entity("task"));
        }, mode: StepMode.Asynchronous);

        _emulator.Service().Create(new Entity("account"));

        _emulator.FailedJobs.Should().BeEmpty();
        Count("task").Should().Be(1);
    }
}
