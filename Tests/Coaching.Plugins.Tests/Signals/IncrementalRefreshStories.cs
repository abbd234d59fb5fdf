using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.CoachingWorkflow;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Security;
using static Coaching.Plugins.Tests.Signals.SignalRefresh;

namespace Coaching.Plugins.Tests.Signals;

/// <summary>
/// The daily refresh reads only the deals whose stored signals can have changed: those whose due moment has come
/// (time alone changes a review reason) and those computed with other settings. Everything it writes is what a full
/// pass would write.
/// </summary>
public class IncrementalRefreshStories
{
    private const string Goal = "Confirm budget owner and timing";
    private const string OnlyConsulting = "{ \"icp\": { \"industries\": [\"Consulting\"] } }";
    private readonly CoachingWorld _world = CoachingWorld.Create();

    private IOrganizationService Admin => _world.Emulator.Service();

    /// <summary>A Qualify deal with nothing to flag: fitting account, modest value, next interaction planned, close date far off.</summary>
    private Guid QuietDeal(string name = "Quiet Qualify deal") =>
        _world.Opportunity(name, _world.FittingAccount(), value: 50_000m, goal: Goal,
            nextInteraction: _world.Now.AddDays(100), closeDate: _world.Now.Date.AddDays(200));

    private int DailyRefreshAt(DateTime midnight)
    {
        _world.Emulator.UtcNow = midnight;
        return (int)Refresh(Admin)[RefreshCoachingSignalsMessage.Read];
    }

    private Entity Stored(Guid deal) => Admin.Retrieve(OpportunityTable.Name, deal,
        new ColumnSet(OpportunityTable.SignalsDueOn, OpportunityTable.SignalsSettings, OpportunityTable.ReviewFlag, OpportunityTable.IcpFitScore));

    private void ChangeSettings(string value)
    {
        _world.Emulator.SetEnvironmentVariable("coach_CoachingSettings", CoachingSettings.DefaultJson, value);
        _world.Emulator.AdvanceTime(TimeSpan.FromMinutes(2)); // past the settings cache
    }

    [Fact]
    public void An_untouched_deal_is_read_only_on_the_day_it_turns_stale_and_is_flagged_and_on_the_agenda_then()
    {
        var deal = QuietDeal(); // created Monday 2026-03-02 09:00: stale from 2026-05-02 (61 calendar days on)
        var reads = new List<(DateTime Day, int Read)>();

        for (var day = 1; day <= 65; day++)
        {
            var midnight = CoachingWorld.Monday.Date.AddDays(day);
            reads.Add((midnight, DailyRefreshAt(midnight)));
        }

        reads.Where(r => r.Read > 0).Should().Equal(new[] { (new DateTime(2026, 5, 2), 1) }, "the deal's signals change only when it turns stale");
        _world.Read(deal).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue();
        _world.Read(deal).GetAttributeValue<string>(OpportunityTable.ReviewReasons).Should().Be("Stale: open since 2026-03-02, more than 60 days, and still in Qualify");
        Row(Agenda(_world.Emulator.Service(_world.Manager), _world.Manager), deal).Should().NotBeNull();
        Stored(deal).GetAttributeValue<DateTime?>(OpportunityTable.SignalsDueOn).Should().Be(new DateTime(2026, 6, 10, 9, 0, 0), "next: the next interaction date (100 days after creation, 09:00) passes");
    }

    [Fact]
    public void A_save_stores_when_time_next_changes_the_deal_and_the_settings_it_was_evaluated_with()
    {
        var deal = QuietDeal();

        var stored = Stored(deal);
        stored.GetAttributeValue<DateTime?>(OpportunityTable.SignalsDueOn).Should().Be(new DateTime(2026, 5, 2), "it turns stale then, before any other date");
        stored.GetAttributeValue<string>(OpportunityTable.SignalsSettings).Should().Be(SignalSettingsFingerprint.Of(CoachingSettings.Default));

        _world.MoveToStage(deal, SalesStage.Propose, Goal, _world.Now.AddDays(3));

        Stored(deal).GetAttributeValue<DateTime?>(OpportunityTable.SignalsDueOn).Should().BeNull("past the early stages, time cannot flag it");
        DailyRefreshAt(CoachingWorld.Monday.Date.AddDays(200)).Should().Be(0);
    }

    [Fact]
    public void A_settings_change_makes_the_next_refresh_a_full_pass_and_the_day_after_reads_only_the_deals_due()
    {
        var quiet = Enumerable.Range(1, 4).Select(i => QuietDeal("Quiet " + i)).ToList();
        var dueTomorrow = _world.Opportunity("Meeting tomorrow", _world.FittingAccount(), goal: Goal, nextInteraction: _world.Now.AddDays(1), closeDate: _world.Now.Date.AddDays(200));
        var proposing = _world.Opportunity("Proposing", _world.FittingAccount(), stage: SalesStage.Develop, goal: Goal, nextInteraction: _world.Now.AddDays(20));
        _world.MoveToStage(proposing, SalesStage.Propose, Goal, _world.Now.AddDays(20));
        var lost = QuietDeal("Lost");
        Deals.Close(_world.AsRep, lost, won: false);
        Refresh(Admin)[RefreshCoachingSignalsMessage.Read].Should().Be(0, "every deal was just evaluated with these settings");

        ChangeSettings(OnlyConsulting);
        var fullPass = _world.Emulator.Meter.Measure(() => Refresh(Admin)[RefreshCoachingSignalsMessage.Read].Should().Be(6, "every open deal, whatever its stage"));
        var again = Refresh(Admin);
        var nextDay = DailyRefreshAt(CoachingWorld.Monday.Date.AddDays(2));

        fullPass.Single("RefreshCoachingSignalsApi", 30).Count("UpdateMultiple").Should().Be(1, "Wholesale no longer fits: all six are rescored in one bulk write");
        quiet.Concat(new[] { dueTomorrow, proposing }).Should().OnlyContain(d => Stored(d).GetAttributeValue<int?>(OpportunityTable.IcpFitScore) == 75);
        Stored(lost).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100, "a closed deal keeps the fit it closed with");
        again[RefreshCoachingSignalsMessage.Read].Should().Be(0, "a second run the same day finds nothing due");
        nextDay.Should().Be(1, "only the deal whose next interaction passed is due the next day");
        _world.Read(dueTomorrow).GetAttributeValue<string>(OpportunityTable.ReviewReasons).Should().StartWith("Next interaction date passed: 2026-03-03");
    }

    [Fact]
    public void A_save_after_a_settings_change_that_does_not_rescore_the_fit_leaves_the_deal_to_the_refresh()
    {
        var deal = QuietDeal();
        ChangeSettings(OnlyConsulting);

        // The stage move re-evaluates the review flag but not the ICP fit (the account and value did not change).
        _world.MoveToStage(deal, SalesStage.Develop, Goal, _world.Now.AddDays(10));
        _world.Read(deal).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100, "still the old settings' score");
        var response = Refresh(Admin);

        response[RefreshCoachingSignalsMessage.Read].Should().Be(1);
        _world.Read(deal).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(75, "Wholesale is no longer a target industry");
        Stored(deal).GetAttributeValue<string>(OpportunityTable.SignalsSettings).Should().Be(SignalSettingsFingerprint.Of(CoachingSettingsParser.Parse(OnlyConsulting)));
    }

    [Fact]
    public void A_deal_scored_without_its_account_because_the_rep_may_not_read_it_is_scored_again_by_the_daily_refresh()
    {
        var account = _world.FittingAccount(); // owned by the admin who created it
        // Reps read accounts at user level in this organization: the rep's save cannot see the deal's account.
        _world.Emulator.Security.AssignRole(_world.Rep, SecurityModel.StandardRole("Salesperson").Grant("prvReadAccount", PrivilegeDepth.User));
        _world.Emulator.Security.Enforce();
        var deal = _world.Opportunity("Deal on a hidden account", account, goal: Goal, nextInteraction: _world.Now.AddDays(5), closeDate: _world.Now.Date.AddDays(200));
        _world.Read(deal).GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value.Should().Be((int)Core.Icp.IcpFitBand.Unknown);

        Refresh(Admin)[RefreshCoachingSignalsMessage.Read].Should().Be(1, "the daily flow's account sees the account");

        _world.Read(deal).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100);
        Refresh(Admin)[RefreshCoachingSignalsMessage.Read].Should().Be(0);
    }

    [Fact]
    public void A_deal_rescored_for_its_accounts_correction_is_not_read_again_by_the_refresh()
    {
        var account = _world.FittingAccount();
        var deal = _world.Opportunity("Open deal", account, goal: Goal, nextInteraction: _world.Now.AddDays(5), closeDate: _world.Now.Date.AddDays(200));
        ChangeSettings(OnlyConsulting);

        Admin.Update(new Entity(AccountTable.Name, account.Id) { [AccountTable.Industry] = new OptionSetValue(AccountIndustries.CodeOf("Consulting")!.Value) });

        _world.Read(deal).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100, "Consulting fits the new ICP");
        Refresh(Admin)[RefreshCoachingSignalsMessage.Read].Should().Be(0, "the rescore computed it with the current settings");
    }
}
