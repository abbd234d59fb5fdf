using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using static Coaching.Plugins.Tests.Signals.SignalRefresh;

namespace Coaching.Plugins.Tests.Signals;

/// <summary>The pipeline meeting sees what time did: a deal nobody touches still reaches the agenda and its stored flag.</summary>
public class TimeBasedSignalStories
{
    private const string Goal = "Confirm budget owner and timing";
    private readonly CoachingWorld _world = CoachingWorld.Create();

    /// <summary>A Qualify deal with nothing to flag: fitting account, modest value, next interaction planned, close date far off.</summary>
    private Guid QuietDeal(string name = "Quiet Qualify deal") =>
        _world.Opportunity(name, _world.FittingAccount(), value: 50_000m, goal: Goal,
            nextInteraction: _world.Now.AddDays(100), closeDate: _world.Now.Date.AddDays(200));

    [Fact]
    public void An_untouched_deal_reaches_the_agenda_at_day_61_with_the_stale_reason()
    {
        var deal = QuietDeal();
        Row(Agenda(_world.Emulator.Service(_world.Manager), _world.Manager), deal).Should().BeNull("nothing is wrong with it yet");

        _world.Emulator.AdvanceTime(TimeSpan.FromDays(61));

        var row = Row(Agenda(_world.Emulator.Service(_world.Manager), _world.Manager), deal);
        row.Should().NotBeNull();
        row!.GetAttributeValue<string>(AgendaRow.ReviewReasons).Should().Be("Stale: open since 2026-03-02, more than 60 days, and still in Qualify");
        _world.Read(deal).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse("nobody saved it: only the refresh writes it");
    }

    [Fact]
    public void The_refresh_flags_the_untouched_deal_once_and_writes_nothing_on_a_second_run_the_same_day()
    {
        var deal = QuietDeal();
        _world.Emulator.AdvanceTime(TimeSpan.FromDays(61));

        var first = _world.Emulator.Meter.Measure(() => Refresh(_world.Emulator.Service()));
        var stored = _world.Read(deal);
        object? secondRead = null;
        var second = _world.Emulator.Meter.Measure(() => secondRead = Refresh(_world.Emulator.Service())[RefreshCoachingSignalsMessage.Read]);

        secondRead.Should().Be(0, "the deal is stored with when time next changes it, which is not today");
        stored.GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue();
        stored.GetAttributeValue<string>(OpportunityTable.ReviewReasons).Should().Be("Stale: open since 2026-03-02, more than 60 days, and still in Qualify");
        first.For("RefreshCoachingSignalsApi").Single().Count("UpdateMultiple").Should().Be(1);
        second.For("RefreshCoachingSignalsApi").Single().Writes.Should().Be(0);
        _world.Sessions(deal).Should().ContainSingle("a newly raised flag opens a session, as it does on a save");
    }

    [Fact]
    public void The_daily_refresh_leaves_a_flagged_deal_alone_while_nothing_about_it_changes()
    {
        var deal = QuietDeal();
        _world.Emulator.AdvanceTime(TimeSpan.FromDays(61));
        Refresh(_world.Emulator.Service());
        var flaggedAt = _world.Read(deal).GetAttributeValue<DateTime>("modifiedon");

        foreach (var day in Enumerable.Range(1, 5))
        {
            _world.Emulator.AdvanceTime(TimeSpan.FromDays(1));
            var run = _world.Emulator.Meter.Measure(() => Refresh(_world.Emulator.Service()));
            run.For("RefreshCoachingSignalsApi").Single().Writes.Should().Be(0, $"nothing about the deal changed by day {61 + day}");
        }

        _world.Read(deal).GetAttributeValue<DateTime>("modifiedon").Should().Be(flaggedAt, "Modified On still says when someone (or the flag) last changed the deal");
    }

    [Fact]
    public void The_refresh_answers_with_what_it_did()
    {
        QuietDeal("One");
        QuietDeal("Two");
        _world.Emulator.AdvanceTime(TimeSpan.FromDays(61));

        var response = Refresh(_world.Emulator.Service());

        response[RefreshCoachingSignalsMessage.Read].Should().Be(2);
        response[RefreshCoachingSignalsMessage.Updated].Should().Be(2);
        response[RefreshCoachingSignalsMessage.ContinuationToken].Should().Be(string.Empty, "every deal was refreshed");
    }

    [Fact]
    public void A_refresh_bounded_by_MaxDeals_continues_where_it_stopped_until_every_deal_is_done()
    {
        var deals = Enumerable.Range(1, 5).Select(i => QuietDeal("Deal " + i)).ToList();
        _world.Emulator.AdvanceTime(TimeSpan.FromDays(61));

        var reads = new System.Collections.Generic.List<int>();
        string? token = null;
        do
        {
            var response = Refresh(_world.Emulator.Service(), token: token, maxDeals: 2);
            reads.Add((int)response[RefreshCoachingSignalsMessage.Read]);
            token = (string)response[RefreshCoachingSignalsMessage.ContinuationToken];
        }
        while (token.Length > 0);

        reads.Should().Equal(2, 2, 1);
        deals.Should().OnlyContain(d => _world.Read(d).GetAttributeValue<bool>(OpportunityTable.ReviewFlag));
    }

    [Fact]
    public void A_token_the_refresh_did_not_issue_is_refused_with_what_to_do()
    {
        var call = () => Refresh(_world.Emulator.Service(), token: "page 3");

        call.Should().Throw<InvalidPluginExecutionException>().WithMessage("*call again without it*");
    }

    [Fact]
    public void The_refresh_of_a_managers_team_leaves_other_teams_deals_alone()
    {
        var mine = QuietDeal("Mine");
        var otherManager = _world.Emulator.AddUser("Olga Other");
        var otherRep = _world.Emulator.AddUser("Omar Other", otherManager);
        var theirs = QuietDeal("Theirs");
        _world.Emulator.Service().Update(new Entity(OpportunityTable.Name, theirs) { [OpportunityTable.Owner] = new EntityReference(SystemUserTable.Name, otherRep) });
        _world.Emulator.AdvanceTime(TimeSpan.FromDays(61));

        Refresh(_world.Emulator.Service(_world.Manager), managerId: _world.Manager);

        _world.Read(mine).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue();
        _world.Read(theirs).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
    }

    [Fact]
    public void A_new_ICP_in_the_settings_reaches_open_deals_at_the_next_refresh()
    {
        var deal = QuietDeal();
        _world.Read(deal).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100);
        _world.Emulator.SetEnvironmentVariable("coach_CoachingSettings", Core.Settings.CoachingSettings.DefaultJson,
            "{ \"icp\": { \"industries\": [\"Consulting\"] } }");
        _world.Emulator.AdvanceTime(TimeSpan.FromMinutes(2));

        Refresh(_world.Emulator.Service());

        _world.Read(deal).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(75, "Wholesale is no longer a target industry");
    }

    [Fact]
    public void Correcting_an_accounts_industry_rescores_its_open_deals_and_leaves_closed_ones_alone()
    {
        var account = _world.FittingAccount();
        var open = _world.Opportunity("Open deal", account, goal: Goal, nextInteraction: _world.Now.AddDays(5));
        var asCustomerOnly = _world.AsRep.Create(new Entity(OpportunityTable.Name)
        {
            [OpportunityTable.Topic] = "Customer only",
            [OpportunityTable.Customer] = account,
            [OpportunityTable.EstimatedValue] = new Money(50_000m),
        });
        var won = _world.Opportunity("Won deal", account, goal: Goal, nextInteraction: _world.Now.AddDays(5));
        Deals.Close(_world.AsRep, won, won: true);

        _world.Emulator.Service().Update(new Entity(AccountTable.Name, account.Id)
        {
            [AccountTable.Industry] = new OptionSetValue(AccountIndustries.CodeOf("Vehicle Retail")!.Value),
        });

        _world.Read(open).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(75);
        _world.Read(open).GetAttributeValue<string>(OpportunityTable.IcpFitReasons).Should().Contain("Vehicle Retail");
        _world.Read(asCustomerOnly).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(75, "the customer is the deal's account when it has no parent account");
        _world.Read(won).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100, "a closed deal keeps the fit it closed with");
        _world.Emulator.FailedJobs.Should().BeEmpty();
    }

    [Fact]
    public void A_won_deal_loses_its_review_flag_and_reasons()
    {
        var deal = _world.Opportunity("Big one", _world.FittingAccount(), value: 400_000m, goal: Goal, nextInteraction: _world.Now.AddDays(5));
        _world.Read(deal).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeTrue();

        Deals.Close(_world.AsRep, deal, won: true);

        var closed = _world.Read(deal);
        closed.GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
        closed.GetAttributeValue<string>(OpportunityTable.ReviewReasons).Should().BeNull();
    }

    [Fact]
    public void A_lost_deal_cancels_the_reps_prep_task_and_leaves_the_session_open_for_the_manager()
    {
        var deal = _world.Opportunity("Big one", _world.FittingAccount(), value: 400_000m, goal: Goal, nextInteraction: _world.Now.AddDays(5));
        _world.Emulator.Service(_world.Manager).Execute(new OrganizationRequest(StartMicroCoachingMessage.Name)
        {
            ["Target"] = new EntityReference(OpportunityTable.Name, deal),
        });

        Deals.Close(_world.AsRep, deal, won: false);

        _world.Tasks(deal).Should().ContainSingle("the session came with a prep task");
        _world.Tasks(deal).Single().GetAttributeValue<OptionSetValue>(ActivityColumns.State).Value.Should().Be(ActivityState.Canceled);
        _world.Sessions(deal).Single().GetAttributeValue<OptionSetValue>(ActivityColumns.State).Value.Should().Be(ActivityState.Open);
        _world.Read(deal).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
    }

    [Fact]
    public void Closed_deals_are_not_refreshed()
    {
        var deal = QuietDeal();
        Deals.Close(_world.AsRep, deal, won: false);
        _world.Emulator.AdvanceTime(TimeSpan.FromDays(61));

        var response = Refresh(_world.Emulator.Service());

        response[RefreshCoachingSignalsMessage.Read].Should().Be(0);
        _world.Read(deal).GetAttributeValue<bool>(OpportunityTable.ReviewFlag).Should().BeFalse();
    }
}
