using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using static Coaching.Plugins.Tests.Signals.SignalRefresh;

namespace Coaching.Plugins.Tests.Signals;

/// <summary>An admin switches a rule off without uninstalling; the gate has no way round it; who coaches a rep without a manager.</summary>
public class SwitchAndLoopholeStories
{
    private static CoachingWorld WithSwitchedOff(string rule) => CoachingWorld.Create("{ \"" + rule + "\": { \"enabled\": false } }");

    private static void StartMicroCoaching(CoachingWorld world, Guid caller, Guid deal) =>
        world.Emulator.Service(caller).Execute(new OrganizationRequest(StartMicroCoachingMessage.Name)
        {
            ["Target"] = new EntityReference(OpportunityTable.Name, deal),
        });

    [Fact]
    public void With_the_stage_gate_off_a_deal_moves_to_Propose_without_a_goal()
    {
        var world = WithSwitchedOff("stageGate");
        var deal = world.Opportunity("Contoso renewal", world.FittingAccount());

        world.MoveToStage(deal, SalesStage.Propose);

        world.Read(deal).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Propose);
    }

    [Fact]
    public void With_review_off_nothing_is_flagged_and_the_agenda_is_empty()
    {
        var world = WithSwitchedOff("review");
        var deal = world.Opportunity("Big one", world.FittingAccount(), value: 900_000m);
        world.Emulator.AdvanceTime(TimeSpan.FromDays(61));

        world.Read(deal).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
        Agenda(world.Emulator.Service(world.Manager), world.Manager).Should().BeEmpty();
    }

    [Fact]
    public void With_ICP_off_a_new_deal_gets_no_fit_and_a_poor_fit_is_no_reason_to_review()
    {
        var world = WithSwitchedOff("icp");
        var deal = world.Opportunity("Tiny retail pilot", world.NonFittingAccount(), value: 5_000m,
            goal: "Demo the basics to the owner", nextInteraction: world.Now.AddDays(2));

        var stored = world.Read(deal);
        stored.GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().BeNull();
        stored.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Should().BeNull();
        stored.GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
    }

    [Fact]
    public void With_sessions_off_a_forward_move_opens_none_and_the_button_says_why()
    {
        var world = WithSwitchedOff("sessions");
        var deal = world.Opportunity("Contoso renewal", world.FittingAccount());

        world.MoveToStage(deal, SalesStage.Develop, "Agree the pilot scope with the CFO", world.Now.AddDays(3));
        var press = () => StartMicroCoaching(world, world.Manager, deal);

        world.Sessions(deal).Should().BeEmpty();
        press.Should().Throw<InvalidPluginExecutionException>().WithMessage("*sessions are switched off*sessions.enabled*");
    }

    [Fact]
    public void A_deal_saved_without_a_sales_stage_is_gated_when_moved_to_Propose_without_a_goal()
    {
        var world = CoachingWorld.Create();
        var deal = world.AsRep.Create(new Entity(OpportunityTable.Name)
        {
            [OpportunityTable.Topic] = "No stage yet",
            [OpportunityTable.ParentAccount] = world.FittingAccount(),
        });
        world.Read(deal).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Should().BeNull();

        var move = () => world.MoveToStage(deal, SalesStage.Propose);

        move.Should().Throw<InvalidPluginExecutionException>().WithMessage("Before moving 'No stage yet' to Propose, *");
        world.Read(deal).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Should().BeNull();
    }

    [Fact]
    public void A_deal_saved_without_a_sales_stage_may_enter_Qualify_which_is_before_the_gate()
    {
        var world = CoachingWorld.Create();
        var deal = world.AsRep.Create(new Entity(OpportunityTable.Name) { [OpportunityTable.Topic] = "No stage yet" });

        world.MoveToStage(deal, SalesStage.Qualify);

        world.Read(deal).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Qualify);
    }

    [Fact]
    public void Re_saving_a_deal_in_its_own_stage_is_not_a_forward_move_it_is_neither_gated_nor_coached()
    {
        var world = CoachingWorld.Create();
        var deal = world.Opportunity("Created in Propose", world.FittingAccount(), stage: SalesStage.Propose);

        world.MoveToStage(deal, SalesStage.Propose);

        world.Read(deal).GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage).Value.Should().Be((int)SalesStage.Propose);
        world.Sessions(deal).Should().BeEmpty();
    }

    [Fact]
    public void A_manager_who_presses_the_button_for_a_rep_without_a_manager_becomes_the_coach()
    {
        var world = CoachingWorld.Create();
        var loneRep = world.Emulator.AddUser("Lee Lone");
        var deal = world.Emulator.Service(loneRep).Create(new Entity(OpportunityTable.Name)
        {
            [OpportunityTable.Topic] = "Lone deal",
            [OpportunityTable.SalesStage] = new OptionSetValue((int)SalesStage.Develop),
        });

        StartMicroCoaching(world, world.Manager, deal);

        var session = world.Sessions(deal).Single();
        session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(world.Manager);
        session.GetAttributeValue<EntityReference>(SessionTable.Rep).Id.Should().Be(loneRep);
        session.GetAttributeValue<OptionSetValue>(SessionTable.Trigger).Value.Should().Be((int)SessionTrigger.Manual);
    }

    [Fact]
    public void An_untouched_deal_saved_at_day_61_gets_the_stale_reason_from_the_save()
    {
        var world = CoachingWorld.Create();
        var deal = world.Opportunity("Quiet", world.FittingAccount(), goal: "Confirm budget owner and timing",
            nextInteraction: world.Now.AddDays(100), closeDate: world.Now.Date.AddDays(200));
        world.Read(deal).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
        world.Emulator.AdvanceTime(TimeSpan.FromDays(61));

        world.AsRep.Update(new Entity(OpportunityTable.Name, deal) { [OpportunityTable.EstimatedValue] = new Money(60_000m) });

        world.Read(deal).GetAttributeValue<string>(OpportunityTable.ReviewReasons).Should().Be("Stale: open since 2026-03-02, more than 60 days, and still in Qualify");
    }

    [Fact]
    public void A_deal_with_an_account_as_customer_and_no_parent_account_is_scored_on_that_account()
    {
        var world = CoachingWorld.Create();
        var deal = world.AsRep.Create(new Entity(OpportunityTable.Name)
        {
            [OpportunityTable.Topic] = "Customer only",
            [OpportunityTable.Customer] = world.FittingAccount(),
            [OpportunityTable.EstimatedValue] = new Money(50_000m),
        });

        var stored = world.Read(deal);
        stored.GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100);
        stored.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value.Should().Be((int)Core.Icp.IcpFitBand.Strong);
    }
}
