using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.Mission;

public class StageGateStories
{
    private const string Goal = "Agree the pilot scope with the CFO";
    private readonly CoachingWorld _world = CoachingWorld.Create();

    [Fact]
    public void Moving_to_Develop_without_a_goal_is_refused_with_what_to_fill_and_changes_nothing()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount());

        var move = () => _world.MoveToStage(id, SalesStage.Develop);

        move.Should().Throw<InvalidPluginExecutionException>().WithMessage(
            "Before moving 'Contoso renewal' to Develop, fill in Next interaction goal (at least 15 characters) and a Next interaction date in the future.");
        _world.Read(id).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Qualify);
        _world.Sessions(id).Should().BeEmpty();
        _world.Tasks(id).Should().BeEmpty();
    }

    [Fact]
    public void A_goal_and_a_future_date_set_in_the_same_save_let_the_deal_move_and_open_a_session()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount());

        _world.MoveToStage(id, SalesStage.Develop, Goal, _world.Now.AddDays(3));

        _world.Read(id).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Develop);
        _world.Sessions(id).Should().ContainSingle();
        _world.Tasks(id).Should().ContainSingle();
    }

    [Fact]
    public void A_next_interaction_in_the_past_blocks_the_move_and_says_so()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(-1));

        var move = () => _world.MoveToStage(id, SalesStage.Develop);

        move.Should().Throw<InvalidPluginExecutionException>()
            .WithMessage("Before moving 'Contoso renewal' to Develop, set Next interaction date to a date in the future (it is 2026-03-01).");
    }

    [Fact]
    public void A_goal_of_blanks_does_not_count()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: "                    ", nextInteraction: _world.Now.AddDays(2));

        var move = () => _world.MoveToStage(id, SalesStage.Develop);

        move.Should().Throw<InvalidPluginExecutionException>().WithMessage("*fill in Next interaction goal (at least 15 characters)*");
    }

    [Fact]
    public void Moving_back_a_stage_is_never_blocked()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(3));
        _world.MoveToStage(id, SalesStage.Propose);
        _world.AsRep.Update(new Entity(OpportunityTable.Name, id) { [OpportunityTable.NextInteractionGoal] = null });

        _world.MoveToStage(id, SalesStage.Develop);

        _world.Read(id).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Develop);
    }

    [Fact]
    public void The_stage_gate_makes_no_service_calls_on_an_opportunity_save()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(3));

        var reading = _world.Emulator.Meter.Measure(() => _world.MoveToStage(id, SalesStage.Develop));

        reading.For("StageGatePlugin").Single().Calls.Should().BeEmpty("Target and pre-image carry everything; settings are cached");
    }

    [Fact]
    public void A_business_process_flow_stage_move_is_gated_the_same_way()
    {
        var flow = BusinessProcessFlow.For(_world, _world.Opportunity("Contoso renewal", _world.FittingAccount()));

        var move = () => flow.MoveTo(flow.Develop);

        move.Should().Throw<InvalidPluginExecutionException>().WithMessage(
            "Before moving 'Contoso renewal' to Develop, fill in Next interaction goal (at least 15 characters) and a Next interaction date in the future.");
        flow.ActiveStage().Should().Be(flow.Qualify, "a blocked move changes nothing");
    }

    [Fact]
    public void A_business_process_flow_move_with_a_goal_goes_through_in_one_query()
    {
        var flow = BusinessProcessFlow.For(_world, _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(3)));

        var reading = _world.Emulator.Meter.Measure(() => flow.MoveTo(flow.Develop));

        flow.ActiveStage().Should().Be(flow.Develop);
        reading.For("StageGatePlugin").Single().Calls.Should().ContainSingle().Which.Message.Should().Be("RetrieveMultiple");
    }

    [Fact]
    public void A_forward_business_process_flow_move_opens_a_session_with_the_deals_snapshot()
    {
        var flow = BusinessProcessFlow.For(_world, _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(3)));

        var reading = _world.Emulator.Meter.Measure(() => flow.MoveTo(flow.Develop));

        var session = _world.Sessions(flow.OpportunityId).Should().ContainSingle().Subject;
        session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_world.Manager);
        session.GetAttributeValue<string>(SessionTable.RepSnapshot).Should().Contain(Goal);
        _world.Tasks(flow.OpportunityId).Should().ContainSingle();
        reading.For("MicroCoachingSessionPlugin").Single().Calls.Should().HaveCount(3, "one query for the deal, its owner's manager and its sessions; the session; the task");
    }

    [Fact]
    public void Moving_the_business_process_flow_of_a_closed_deal_opens_no_session()
    {
        // The platform lets a process flow move on a won or lost deal (the deal itself stays read-only).
        var deal = _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(3));
        var flow = BusinessProcessFlow.For(_world, deal);
        _world.Emulator.Service(_world.Rep).Execute(new Microsoft.Crm.Sdk.Messages.WinOpportunityRequest
        {
            OpportunityClose = new Entity(OpportunityCloseTable.Name) { [OpportunityCloseTable.Opportunity] = new EntityReference(OpportunityTable.Name, deal) },
            Status = new OptionSetValue(-1),
        });

        flow.MoveTo(flow.Develop);

        flow.ActiveStage().Should().Be(flow.Develop);
        _world.Sessions(deal).Should().BeEmpty("a won deal is not coached");
        _world.Tasks(deal).Should().BeEmpty();
    }

    [Fact]
    public void Going_back_in_the_business_process_flow_is_not_blocked()
    {
        var flow = BusinessProcessFlow.For(_world, _world.Opportunity("Contoso renewal", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(3)));
        flow.MoveTo(flow.Develop);
        _world.AsRep.Update(new Entity(OpportunityTable.Name, flow.OpportunityId) { [OpportunityTable.NextInteractionGoal] = null });

        var reading = _world.Emulator.Meter.Measure(() => flow.MoveTo(flow.Qualify));

        flow.ActiveStage().Should().Be(flow.Qualify);
        reading.For("StageGatePlugin").Single().Calls.Should().BeEmpty();
        reading.For("MicroCoachingSessionPlugin").Single().Calls.Should().BeEmpty("a backward move opens no session");
    }
}
