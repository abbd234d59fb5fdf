using System.Linq;
using Coaching.Core.Icp;
using Coaching.Plugins.EntryPoints;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Coaching.Plugins.Tests.Mission;

public class IcpFitStories
{
    private readonly CoachingWorld _world = CoachingWorld.Create();

    [Fact]
    public void A_new_deal_with_a_fitting_account_shows_a_strong_fit_and_why()
    {
        var id = _world.Opportunity("Contoso renewal", _world.FittingAccount(), value: 120_000m);

        var deal = _world.Read(id);
        deal.GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100);
        deal.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value.Should().Be((int)IcpFitBand.Strong);
        var reasons = deal.GetAttributeValue<string>(OpportunityTable.IcpFitReasons).Split('\n');
        reasons.Should().HaveCount(5, "one line per ICP criterion");
        reasons.Should().Contain(line => line.StartsWith("Industry") && line.Contains("Wholesale"));
    }

    [Fact]
    public void A_new_deal_with_a_non_fitting_account_shows_a_poor_fit_with_each_miss_explained()
    {
        var id = _world.Opportunity("Tiny retail pilot", _world.NonFittingAccount(), value: 5_000m);

        var deal = _world.Read(id);
        deal.GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(0);
        deal.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value.Should().Be((int)IcpFitBand.Poor);
        deal.GetAttributeValue<string>(OpportunityTable.IcpFitReasons).Should()
            .Contain("Employees").And.Contain("Country").And.Contain("Brazil");
    }

    [Fact]
    public void Moving_the_deal_to_another_account_rescores_it()
    {
        var id = _world.Opportunity("Contoso renewal", _world.NonFittingAccount(), value: 120_000m);

        _world.AsRep.Update(new Entity(OpportunityTable.Name, id) { [OpportunityTable.ParentAccount] = _world.FittingAccount() });

        _world.Read(id).GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value.Should().Be((int)IcpFitBand.Strong);
    }

    [Fact]
    public void A_deal_without_an_account_is_unknown_fit_not_poor_fit()
    {
        var id = _world.AsRep.Create(new Entity(OpportunityTable.Name) { [OpportunityTable.Topic] = "Walk-in lead" });

        var deal = _world.Read(id);
        deal.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value.Should().Be((int)IcpFitBand.Unknown);
        deal.GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().BeNull();
        deal.GetAttributeValue<string>(OpportunityTable.IcpFitReasons).Should().StartWith("No account");
    }

    [Fact]
    public void Scoring_reads_the_account_once_and_writes_nothing_extra()
    {
        var account = _world.FittingAccount();
        _world.Opportunity("Warm-up", account); // fills the settings cache

        var reading = _world.Emulator.Meter.Measure(() => _world.Opportunity("Contoso renewal", account));

        var icp = reading.For("IcpFitPlugin").Single();
        icp.Count("RetrieveMultiple", AccountTable.Name).Should().Be(1);
        icp.Calls.Should().HaveCount(1, "the score goes into the Target, settings come from the cache");
        icp.Writes.Should().Be(0);
    }

    [Fact]
    public void Settings_are_read_once_per_cache_lifetime()
    {
        var account = _world.FittingAccount();
        var first = _world.Emulator.Meter.Measure(() => _world.Opportunity("First", account));
        var second = _world.Emulator.Meter.Measure(() => _world.Opportunity("Second", account));
        _world.Emulator.AdvanceTime(Infrastructure.CoachingSettingsProvider.CacheLifetime);
        var afterExpiry = _world.Emulator.Meter.Measure(() => _world.Opportunity("Third", account));

        SettingsReads(first).Should().Be(1);
        SettingsReads(second).Should().Be(0);
        SettingsReads(afterExpiry).Should().Be(1);
    }

    [Fact]
    public void A_bulk_update_scores_every_deal_with_the_shipped_single_record_registration()
    {
        var account = _world.FittingAccount();
        var ids = Enumerable.Range(0, 3).Select(i => _world.Opportunity($"Deal {i}", account, value: 10_000m)).ToList();
        var targets = new EntityCollection(ids.Select(id => new Entity(OpportunityTable.Name, id)
        {
            [OpportunityTable.EstimatedValue] = new Money(250_000m),
        }).ToList()) { EntityName = OpportunityTable.Name };

        var reading = _world.Emulator.Meter.Measure(() => _world.AsRep.Execute(new UpdateMultipleRequest { Targets = targets }));

        reading.For("IcpFitPlugin").Should().HaveCount(3, "a step on Update runs once per record of UpdateMultiple");
        ids.Select(id => _world.Read(id).GetAttributeValue<int?>(OpportunityTable.IcpFitScore)).Should().AllBeEquivalentTo(100);
    }

    [Fact]
    public void A_bulk_update_of_500_deals_reads_all_their_accounts_in_one_query_once_the_steps_are_on_the_bulk_messages()
    {
        _world.MoveStepsToBulkMessages(typeof(IcpFitPlugin));
        var accounts = Enumerable.Range(0, 50).Select(i => _world.FittingAccount($"Account {i}")).ToList();
        var ids = Enumerable.Range(0, 500).Select(i => _world.Opportunity($"Deal {i}", accounts[i % 50], value: 10_000m)).ToList();
        var targets = new EntityCollection(ids.Select(id => new Entity(OpportunityTable.Name, id)
        {
            [OpportunityTable.EstimatedValue] = new Money(250_000m),
        }).ToList()) { EntityName = OpportunityTable.Name };

        var reading = _world.Emulator.Meter.Measure(() => _world.AsRep.Execute(new UpdateMultipleRequest { Targets = targets }));

        var icp = reading.For("IcpFitPlugin").Should().ContainSingle("one execution serves the whole batch").Subject;
        icp.Count("RetrieveMultiple", AccountTable.Name).Should().Be(1);
        _world.Read(ids[499]).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100);
    }

    private static int SettingsReads(Xrm.Emulator.Metering.MeterReading reading) =>
        reading.Calls.Count(c => c.Table == EnvironmentVariableTables.Definition);
}
