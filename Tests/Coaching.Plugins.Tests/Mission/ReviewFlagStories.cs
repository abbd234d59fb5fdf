using System.Linq;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.Mission;

public class ReviewFlagStories
{
    private readonly CoachingWorld _world = CoachingWorld.Create();

    [Fact]
    public void A_big_early_deal_with_no_next_interaction_is_flagged_with_each_reason_on_its_own_line()
    {
        var id = _world.Opportunity("Fabrikam expansion", _world.FittingAccount(), value: 250_000m);

        var deal = _world.Read(id);
        deal.GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue();
        var reasons = deal.GetAttributeValue<string>(OpportunityTable.ReviewReasons).Split('\n');
        reasons.Should().Contain(r => r.StartsWith("High value: 250,000 in Qualify"));
        reasons.Should().Contain(r => r.Contains("next interaction", System.StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_poor_fit_is_a_reason_to_review()
    {
        var id = _world.Opportunity("Tiny retail pilot", _world.NonFittingAccount(), value: 5_000m, goal: "Demo the basics to the owner", nextInteraction: _world.Now.AddDays(2));

        var deal = _world.Read(id);
        deal.GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue();
        deal.GetAttributeValue<string>(OpportunityTable.ReviewReasons).Should().Contain("fit");
    }

    [Fact]
    public void The_flag_clears_with_its_reasons_once_the_deal_is_in_order()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), value: 50_000m);
        _world.Read(id).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue("no next interaction is planned yet");

        _world.AsRep.Update(new Entity(OpportunityTable.Name, id)
        {
            [OpportunityTable.NextInteractionDate] = _world.Now.AddDays(4),
            [OpportunityTable.NextInteractionGoal] = "Confirm budget owner and timing",
        });

        var deal = _world.Read(id);
        deal.GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
        deal.GetAttributeValue<string>(OpportunityTable.ReviewReasons).Should().BeNull();
    }

    [Fact]
    public void Late_stage_deals_are_not_pipeline_meeting_material()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), value: 900_000m, stage: Core.Opportunities.SalesStage.Propose);

        _world.Read(id).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
    }

    [Fact]
    public void The_review_flag_makes_no_service_calls()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount());

        var reading = _world.Emulator.Meter.Measure(() =>
            _world.AsRep.Update(new Entity(OpportunityTable.Name, id) { [OpportunityTable.EstimatedValue] = new Money(300_000m) }));

        reading.For("PipelineReviewFlagPlugin").Single().Calls.Should().BeEmpty();
        _world.Read(id).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue();
    }
}
