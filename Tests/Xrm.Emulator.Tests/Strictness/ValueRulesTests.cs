using System;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Faults;

namespace Xrm.Emulator.Tests.Strictness;

/// <summary>The platform checks every written value against its column: type, choice values, ranges, lengths, lookups.</summary>
public class ValueRulesTests
{
    private readonly XrmEmulator _emulator = new();

    private IOrganizationService Service => _emulator.Service();

    private static void ShouldFail(Action act, int code, string message) =>
        act.Should().Throw<XrmFaultException>().Which.Should().Match<XrmFaultException>(f => f.ErrorCode == code && f.Message == message);

    [Fact]
    public void A_value_of_the_wrong_type_is_refused()
    {
        ShouldFail(() => Service.Create(new Entity("opportunity") { ["estimatedvalue"] = "50000" }), FaultCodes.InvalidArgument,
            "Incorrect type of attribute value System.String");
        ShouldFail(() => Service.Create(new Entity("opportunity") { ["salesstage"] = 1 }), FaultCodes.InvalidArgument,
            "Incorrect type of attribute value System.Int32");
        ShouldFail(() => Service.Create(new Entity("account") { ["revenue"] = 1000m }), FaultCodes.InvalidArgument,
            "Incorrect type of attribute value System.Decimal");
    }

    [Fact]
    public void A_choice_value_the_column_does_not_define_is_refused()
    {
        ShouldFail(() => Service.Create(new Entity("opportunity") { ["salesstage"] = new OptionSetValue(7) }), FaultCodes.PicklistValueOutOfRange,
            "A validation error occurred. The value 7 of 'salesstage' on record of type 'opportunity' is outside the valid range. Accepted Values: 0,1,2,3");
    }

    [Fact]
    public void A_status_the_table_does_not_define_is_refused()
    {
        ShouldFail(() => Service.Create(new Entity("task") { ["subject"] = "Call back", ["statuscode"] = new OptionSetValue(1) }), FaultCodes.PicklistValueOutOfRange,
            "A validation error occurred. The value 1 of 'statuscode' on record of type 'task' is outside the valid range. Accepted Values: 2,3,4,5,6,7");
    }

    [Fact]
    public void A_number_outside_the_columns_range_is_refused()
    {
        ShouldFail(() => Service.Create(new Entity("account") { ["numberofemployees"] = -1 }), FaultCodes.IntegerValueOutOfRange,
            "A validation error occurred. The value -1 of 'numberofemployees' on record of type 'account' is outside the valid range (0 to 1000000000).");
        ShouldFail(() => Service.Create(new Entity("opportunity") { ["estimatedvalue"] = new Money(1_000_000_000_000_000m) }), FaultCodes.MoneyValueOutOfRange,
            "A validation error occurred. The value 1000000000000000 of 'estimatedvalue' on record of type 'opportunity' is outside the valid range (-1000000000000 to 1000000000000).");
    }

    [Fact]
    public void A_string_longer_than_the_column_is_refused()
    {
        ShouldFail(() => Service.Create(new Entity("task") { ["subject"] = new string('x', 201) }), FaultCodes.StringLengthTooLong,
            "A validation error occurred. The length of the 'subject' attribute of the 'task' entity exceeded the maximum allowed length of '200'.");
        Service.Create(new Entity("task") { ["subject"] = new string('x', 200) }).Should().NotBeEmpty("200 characters fit");
    }

    [Fact]
    public void A_lookup_to_a_missing_record_is_refused()
    {
        var missing = Guid.NewGuid();

        ShouldFail(() => Service.Create(new Entity("opportunity") { ["parentaccountid"] = new EntityReference("account", missing) }), FaultCodes.ObjectDoesNotExist,
            $"account With Id = {missing} Does Not Exist");
    }

    [Fact]
    public void A_lookup_to_a_table_it_does_not_target_is_refused()
    {
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "Ray" });

        ShouldFail(() => Service.Create(new Entity("opportunity") { ["parentaccountid"] = new EntityReference("contact", contact) }), FaultCodes.InvalidArgument,
            "The lookup 'parentaccountid' of 'opportunity' can point at account, not at contact.");
        Service.Create(new Entity("opportunity") { ["customerid"] = new EntityReference("contact", contact) }).Should().NotBeEmpty("a customer may be a contact");
    }

    [Fact]
    public void An_owner_that_is_neither_a_user_nor_a_team_is_refused()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        ShouldFail(() => Service.Create(new Entity("opportunity") { ["ownerid"] = new EntityReference("account", account) }), FaultCodes.InvalidArgument,
            "The owner of a 'opportunity' record must be a systemuser or a team, not a 'account'.");
    }

    [Fact]
    public void A_refused_value_written_by_a_plugin_fails_the_whole_operation()
    {
        Support.EmulatorSteps.On(_emulator, "Create", "account", Xrm.Emulator.Pipeline.PipelineStage.PreOperation, p => p.Target["telephone1"] = new string('9', 51));

        var act = () => Service.Create(new Entity("account") { ["name"] = "Contoso" });

        act.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.StringLengthTooLong);
        _emulator.Store.Count("account").Should().Be(0);
    }
}
