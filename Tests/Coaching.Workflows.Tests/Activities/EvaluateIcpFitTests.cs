using System;
using System.Collections.Generic;
using Coaching.Plugins.Schema;
using Coaching.Workflows.Activities;
using Coaching.Workflows.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace Coaching.Workflows.Tests.Activities;

/// <summary>EvaluateIcpFit: a process branches on how well the deal fits the Ideal Customer Profile.</summary>
public class EvaluateIcpFitTests
{
    private const int Wholesale = 33;
    private const int Accounting = 1;

    private readonly WorkflowTeam _team = new();

    private IReadOnlyDictionary<string, object?> Evaluate(Guid deal, out Xrm.Emulator.Metering.PluginExecution execution) =>
        _team.Run(new EvaluateIcpFit(), new Dictionary<string, object?>
        {
            [EvaluateIcpFit.OpportunityInput] = new EntityReference(OpportunityTable.Name, deal),
        }, out execution);

    private Guid DealWith(Guid account) =>
        _team.Deal(with: d => d[OpportunityTable.ParentAccount] = new EntityReference(AccountTable.Name, account));

    [Fact]
    public void A_target_account_and_deal_size_is_a_strong_fit()
    {
        var deal = DealWith(_team.Account(Wholesale, 1000, 50000000m, "United States"));

        var outputs = Evaluate(deal, out var execution);

        outputs[EvaluateIcpFit.ScoreOutput].Should().Be(100);
        outputs[EvaluateIcpFit.BandOutput].Should().Be("Strong");
        outputs[EvaluateIcpFit.IsStrongFitOutput].Should().Be(true);
        ((string)outputs[EvaluateIcpFit.ReasonsOutput]!).Split('\n').Should().Equal(
            "Industry: Wholesale is a target industry (+25)",
            "Employees: 1,000 is within the target range 200\u20135,000 (+20)",
            "Revenue: 50,000,000 is within the target range 10,000,000\u20131,000,000,000 (+20)",
            "Country: United States is a target country (+15)",
            "Deal size: 50,000 meets the minimum 25,000 (+20)");
        WorkflowTeam.Calls(execution).Should().Be("1 Retrieve opportunity, 1 RetrieveMultiple account");
        execution.Writes.Should().Be(0, "the IcpFit plugin keeps the deal's own ICP columns; the step only reports");
    }

    [Fact]
    public void An_account_outside_the_profile_is_a_poor_fit()
    {
        var deal = DealWith(_team.Account(Accounting, 10, 1000000m, "Brazil"));

        var outputs = Evaluate(deal, out _);

        outputs[EvaluateIcpFit.ScoreOutput].Should().Be(20, "only the deal size meets the profile");
        outputs[EvaluateIcpFit.BandOutput].Should().Be("Poor");
        outputs[EvaluateIcpFit.IsStrongFitOutput].Should().Be(false);
    }

    [Fact]
    public void Without_an_account_the_fit_is_unknown_and_has_no_score()
    {
        var outputs = Evaluate(_team.Deal(), out _);

        outputs[EvaluateIcpFit.ScoreOutput].Should().BeNull();
        outputs[EvaluateIcpFit.BandOutput].Should().Be("Unknown");
        ((string)outputs[EvaluateIcpFit.ReasonsOutput]!).Should().StartWith("No account: link an account to the opportunity to score ICP fit");
    }
}
