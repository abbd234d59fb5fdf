using System;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;

namespace Xrm.Emulator.Tests.Messages;

/// <summary>Only the state/status pairs a table has: SetState, Update and Create refuse the others.</summary>
public class StateStatusTests
{
    private readonly XrmEmulator _emulator = new();

    [Theory]
    [InlineData("task", 1, 6)]          // Canceled's status on Completed
    [InlineData("task", 0, 5)]          // Completed's status on Open
    [InlineData("appointment", 3, 3)]   // Completed's status on Scheduled
    [InlineData("phonecall", 1, 3)]     // Canceled's status on Completed
    [InlineData("opportunity", 0, 4)]   // Canceled (a Lost status) on Open
    [InlineData("coach_microcoachingsession", 1, 3)]
    public void SetState_refuses_a_status_that_does_not_belong_to_the_state(string table, int state, int status)
    {
        _emulator.AddActivityTable("coach_microcoachingsession");
        var id = _emulator.Service().Create(new Entity(table));

        var setState = () => _emulator.Service().Execute(new SetStateRequest { EntityMoniker = new EntityReference(table, id), State = new OptionSetValue(state), Status = new OptionSetValue(status) });

        setState.Should().Throw<XrmFaultException>()
            .WithMessage($"{status} is not a valid status code for state code *State.* on {table} with Id {id}.")
            .Which.ErrorCode.Should().Be(FaultCodes.InvalidStateCodeStatusCode);
    }

    [Fact]
    public void SetState_refuses_a_state_the_table_does_not_have()
    {
        var id = _emulator.Service().Create(new Entity("phonecall"));

        var setState = () => _emulator.Service().Execute(new SetStateRequest { EntityMoniker = new EntityReference("phonecall", id), State = new OptionSetValue(3), Status = new OptionSetValue(-1) });

        setState.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.InvalidStateCodeStatusCode);
    }

    [Fact]
    public void Update_refuses_a_statuscode_of_another_state_and_accepts_one_of_the_current_state()
    {
        var id = _emulator.Service().Create(new Entity("task"));

        _emulator.Service().Update(new Entity("task", id) { ["statuscode"] = new OptionSetValue(3) });
        var completedStatus = () => _emulator.Service().Update(new Entity("task", id) { ["statuscode"] = new OptionSetValue(5) });

        completedStatus.Should().Throw<XrmFaultException>().WithMessage($"5 is not a valid status code for state code TaskState.Open on task with Id {id}.");
        Status("task", id).Should().Be(3, "In Progress is an Open status");
    }

    [Fact]
    public void Update_of_statecode_alone_takes_the_default_status_of_the_new_state()
    {
        var id = _emulator.Service().Create(new Entity("appointment"));

        _emulator.Service().Update(new Entity("appointment", id) { ["statecode"] = new OptionSetValue(3) });

        Status("appointment", id).Should().Be(5, "Busy is the default status of Scheduled");
    }

    [Fact]
    public void Create_refuses_a_status_of_another_state()
    {
        var create = () => _emulator.Service().Create(new Entity("task") { ["statuscode"] = new OptionSetValue(6) });

        create.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.InvalidStateCodeStatusCode);
    }

    [Fact]
    public void A_custom_activity_table_has_the_platform_activity_states()
    {
        _emulator.AddActivityTable("coach_microcoachingsession");
        var id = _emulator.Service().Create(new Entity("coach_microcoachingsession"));

        _emulator.Service().Execute(new SetStateRequest { EntityMoniker = new EntityReference("coach_microcoachingsession", id), State = new OptionSetValue(1), Status = new OptionSetValue(-1) });

        Status("coach_microcoachingsession", id).Should().Be(2, "Completed is status 2 of a custom activity");
    }

    private int Status(string table, Guid id) =>
        _emulator.Service().Retrieve(table, id, new ColumnSet("statuscode")).GetAttributeValue<OptionSetValue>("statuscode").Value;
}
