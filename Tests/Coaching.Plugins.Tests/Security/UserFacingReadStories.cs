using System;
using Coaching.Core.Icp;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Security;

namespace Coaching.Plugins.Tests.Security;

/// <summary>The plugins read some things as the calling user; what such a user sees when they lack access.</summary>
public class UserFacingReadStories
{
    private readonly CoachingWorld _world = CoachingWorld.Create();

    [Fact]
    public void A_rep_who_cannot_read_the_deals_account_gets_an_icp_result_that_says_so()
    {
        // An organization that keeps accounts with their owners: the rep reads only their own.
        _world.Emulator.Security.AssignRole(_world.Rep, SecurityModel.StandardRole("Salesperson").Grant("prvReadAccount", PrivilegeDepth.User));
        _world.Emulator.Security.Enforce();
        var someoneElses = _world.FittingAccount();

        var deal = _world.Read(_world.Opportunity("Contoso renewal", someoneElses));

        deal.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value.Should().Be((int)IcpFitBand.Unknown);
        deal.GetAttributeValue<string>(OpportunityTable.IcpFitReasons).Should().StartWith(IcpFitRule.AccountNotVisibleReason);
    }

    [Fact]
    public void A_rep_who_can_read_the_account_gets_it_scored()
    {
        _world.Emulator.Security.AssignRole(_world.Rep, SecurityModel.StandardRole("Salesperson"));
        _world.Emulator.Security.Enforce();

        var deal = _world.Read(_world.Opportunity("Contoso renewal", _world.FittingAccount()));

        deal.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value.Should().Be((int)IcpFitBand.Strong);
    }

    [Fact]
    public void Starting_micro_coaching_on_a_deal_the_caller_cannot_read_is_refused_with_a_clear_message()
    {
        _world.Emulator.Security.AssignRole(_world.Rep, SecurityModel.StandardRole("Salesperson"));
        var outsider = _world.Emulator.AddUser("Otto Outsider");
        _world.Emulator.Security.AssignRole(outsider, new SecurityRole("Own deals only").Grant("prvReadOpportunity", PrivilegeDepth.User));
        _world.Emulator.Security.Enforce();
        var deal = _world.Opportunity("Contoso renewal", _world.FittingAccount());

        var start = () => _world.Emulator.Service(outsider).Execute(new OrganizationRequest("coach_StartMicroCoaching")
        {
            ["Target"] = new EntityReference(OpportunityTable.Name, deal),
        });

        start.Should().Throw<InvalidPluginExecutionException>()
            .Where(e => e.Message.StartsWith("You cannot open this opportunity, so you cannot start a micro-coaching session on it."));
        _world.Sessions(deal).Should().BeEmpty();
    }
}
