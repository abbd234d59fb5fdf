using System;
using System.Collections.Generic;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Messages;

/// <summary>An opportunity closes only through WinOpportunity / LoseOpportunity, and a closed one is read-only until reopened.</summary>
public class OpportunityClosingTests
{
    private readonly XrmEmulator _emulator = new();

    private Guid Deal(decimal estimated = 50_000m) =>
        _emulator.Service().Create(new Entity("opportunity") { ["name"] = "Northwind expansion", ["estimatedvalue"] = new Money(estimated) });

    private static Entity Close(Guid opportunity, string subject = "Signed") =>
        new("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunity), ["subject"] = subject };

    private Entity Read(Guid id) =>
        _emulator.Service().Retrieve("opportunity", id, new ColumnSet("statecode", "statuscode", "actualclosedate", "actualvalue", "name"));

    [Fact]
    public void WinOpportunity_closes_the_deal_as_Won_and_records_a_completed_opportunityclose()
    {
        var deal = Deal();
        _emulator.AdvanceTime(TimeSpan.FromDays(3));

        _emulator.Service().Execute(new WinOpportunityRequest { OpportunityClose = Close(deal), Status = new OptionSetValue(-1) })
            .Should().BeOfType<WinOpportunityResponse>();

        var won = Read(deal);
        won.GetAttributeValue<OptionSetValue>("statecode").Value.Should().Be(1);
        won.GetAttributeValue<OptionSetValue>("statuscode").Value.Should().Be(3, "Won is the only status of the Won state");
        won.GetAttributeValue<DateTime>("actualclosedate").Should().Be(_emulator.UtcNow.Date);
        won.GetAttributeValue<Money>("actualvalue").Value.Should().Be(50_000m, "a win without actual revenue records the estimated value");

        var close = _emulator.Service().RetrieveMultiple(new QueryExpression("opportunityclose") { ColumnSet = new ColumnSet("opportunityid", "statecode", "statuscode", "subject", "actualrevenue") }).Entities.Should().ContainSingle().Subject;
        close.GetAttributeValue<EntityReference>("opportunityid").Id.Should().Be(deal);
        close.GetAttributeValue<OptionSetValue>("statecode").Value.Should().Be(1, "the close activity is created completed");
        close.GetAttributeValue<string>("subject").Should().Be("Signed");
        close.GetAttributeValue<Money>("actualrevenue").Value.Should().Be(50_000m);
    }

    [Fact]
    public void LoseOpportunity_closes_the_deal_as_Lost_with_the_given_status()
    {
        var deal = Deal();
        var close = Close(deal, "Went with a competitor");
        close["actualrevenue"] = new Money(0m);

        _emulator.Service().Execute(new LoseOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(5) })
            .Should().BeOfType<LoseOpportunityResponse>();

        var lost = Read(deal);
        lost.GetAttributeValue<OptionSetValue>("statecode").Value.Should().Be(2);
        lost.GetAttributeValue<OptionSetValue>("statuscode").Value.Should().Be(5, "Out-Sold");
        lost.GetAttributeValue<Money>("actualvalue").Value.Should().Be(0m);
    }

    [Fact]
    public void Win_runs_the_Win_steps_and_the_Update_steps_filtered_on_statecode_in_one_transaction()
    {
        var ran = new List<string>();
        _emulator.On("Win", "opportunity", PipelineStage.PreOperation, p => ran.Add($"{p.Context.MessageName} {p.Context.PrimaryEntityName} has OpportunityClose {p.Context.InputParameters.Contains("OpportunityClose")}"));
        _emulator.On("Create", "opportunityclose", PipelineStage.PostOperation, p => ran.Add("Create opportunityclose"));
        _emulator.On("Update", "opportunity", PipelineStage.PostOperation, p => ran.Add($"Update statecode {((OptionSetValue)((Entity)p.Context.InputParameters["Target"])["statecode"]).Value}"), filteringAttributes: new[] { "statecode" });
        _emulator.On("Win", "opportunity", PipelineStage.PostOperation, p => throw new InvalidPluginExecutionException("Finance has not approved the discount."));
        var deal = Deal();

        var win = () => _emulator.Service().Execute(new WinOpportunityRequest { OpportunityClose = Close(deal), Status = new OptionSetValue(3) });

        win.Should().Throw<InvalidPluginExecutionException>().WithMessage("Finance has not approved the discount.");
        ran.Should().Equal("Win opportunity has OpportunityClose True", "Create opportunityclose", "Update statecode 1");
        Read(deal).GetAttributeValue<OptionSetValue>("statecode").Value.Should().Be(0, "the failed Win rolls its Update back");
        _emulator.Service().RetrieveMultiple(new QueryExpression("opportunityclose")).Entities.Should().BeEmpty("and its close activity");
    }

    [Fact]
    public void Win_refuses_a_status_that_is_not_a_Won_status()
    {
        var deal = Deal();

        var win = () => _emulator.Service().Execute(new WinOpportunityRequest { OpportunityClose = Close(deal), Status = new OptionSetValue(4) });

        win.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.InvalidStateCodeStatusCode);
        win.Should().Throw<XrmFaultException>().WithMessage($"4 is not a valid status code for state code OpportunityState.Won on opportunity with Id {deal}.");
    }

    [Fact]
    public void Win_or_Lose_of_a_closed_opportunity_is_refused()
    {
        var deal = Deal();
        _emulator.Service().Execute(new WinOpportunityRequest { OpportunityClose = Close(deal), Status = new OptionSetValue(3) });

        var lose = () => _emulator.Service().Execute(new LoseOpportunityRequest { OpportunityClose = Close(deal), Status = new OptionSetValue(4) });

        lose.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.OpportunityIsAlreadyClosed);
    }

    [Theory]
    [InlineData(1, 3, "Won", "WinOpportunityRequest")]
    [InlineData(2, 4, "Lost", "LoseOpportunityRequest")]
    public void SetState_that_closes_an_opportunity_is_refused(int state, int status, string stateName, string request)
    {
        var deal = Deal();

        var setState = () => _emulator.Service().Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", deal), State = new OptionSetValue(state), Status = new OptionSetValue(status) });

        setState.Should().Throw<XrmFaultException>()
            .WithMessage($"This message can not be used to set the state of opportunity to {stateName}. In order to set state of opportunity to {stateName}, use the {request} message instead.")
            .Which.ErrorCode.Should().Be(FaultCodes.CannotUseOpportunitySetStateMessage);
        Read(deal).GetAttributeValue<OptionSetValue>("statecode").Value.Should().Be(0);
    }

    [Fact]
    public void Update_that_closes_an_opportunity_is_refused()
    {
        var deal = Deal();

        var update = () => _emulator.Service().Update(new Entity("opportunity", deal) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) });

        update.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.CannotUseOpportunitySetStateMessage);
    }

    [Fact]
    public void Create_of_a_closed_opportunity_is_refused()
    {
        var create = () => _emulator.Service().Create(new Entity("opportunity") { ["name"] = "Imported win", ["statecode"] = new OptionSetValue(1) });

        create.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.CannotUseOpportunitySetStateMessage);
    }

    [Fact]
    public void Update_of_a_won_opportunity_is_refused_as_read_only()
    {
        var deal = Deal();
        _emulator.Service().Execute(new WinOpportunityRequest { OpportunityClose = Close(deal), Status = new OptionSetValue(3) });

        var update = () => _emulator.Service().Update(new Entity("opportunity", deal) { ["name"] = "Renamed after the win" });

        update.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.OpportunityIsAlreadyClosed);
        Read(deal).GetAttributeValue<string>("name").Should().Be("Northwind expansion");
    }

    [Fact]
    public void A_lost_opportunity_reopens_with_SetState_to_Open_and_can_be_edited_again()
    {
        var deal = Deal();
        _emulator.Service().Execute(new LoseOpportunityRequest { OpportunityClose = Close(deal), Status = new OptionSetValue(4) });

        _emulator.Service().Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
        _emulator.Service().Update(new Entity("opportunity", deal) { ["name"] = "Northwind expansion, second try" });

        var reopened = Read(deal);
        reopened.GetAttributeValue<OptionSetValue>("statecode").Value.Should().Be(0);
        reopened.GetAttributeValue<OptionSetValue>("statuscode").Value.Should().Be(1, "In Progress is the default status of Open");
        reopened.GetAttributeValue<string>("name").Should().Be("Northwind expansion, second try");
    }

    [Fact]
    public void A_closed_opportunity_can_still_be_assigned()
    {
        var rep = _emulator.AddUser("Rita Rep");
        var deal = Deal();
        _emulator.Service().Execute(new WinOpportunityRequest { OpportunityClose = Close(deal), Status = new OptionSetValue(3) });

        _emulator.Service().Execute(new AssignRequest { Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", rep) });

        _emulator.Service().Retrieve("opportunity", deal, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id.Should().Be(rep);
    }
}
