using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.CoachingWorkflow;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Metering;
using Xunit.Abstractions;
using static Coaching.Plugins.Tests.Signals.SignalRefresh;

namespace Coaching.Plugins.Tests.Signals;

/// <summary>
/// The agenda, the refresh and the account rescore held to their call budgets with the emulator's meter, on
/// pipelines seeded straight into the store (as a large organization's data already is). The settings read is
/// left out, as in <see cref="CallBudgets"/>.
/// </summary>
public class SignalBudgets
{
    private readonly CoachingWorld _world = CoachingWorld.Create();
    private readonly ITestOutputHelper _output;

    public SignalBudgets(ITestOutputHelper output) => _output = output;

    private static string Calls(PluginExecution execution) =>
        string.Join(", ", execution.CallsBeyondSettings().GroupBy(c => c.Message + " " + c.Table).Select(g => g.Count() + " " + g.Key));

    /// <summary>Open deals of the rep (the manager's team) inserted without the pipeline, as they sit in the database.</summary>
    private void SeedOpenDeals(int count, SalesStage stage, EntityReference account, bool closeDatePassed = false)
    {
        var store = _world.Emulator.Store;
        var created = _world.Now.AddDays(-10);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            store.Insert(new Entity(OpportunityTable.Name, id)
            {
                [OpportunityTable.Id] = id,
                [OpportunityTable.Topic] = $"Deal {i:D5}",
                [OpportunityTable.ParentAccount] = account,
                [OpportunityTable.Customer] = account,
                [OpportunityTable.Owner] = new EntityReference(SystemUserTable.Name, _world.Rep),
                [OpportunityTable.EstimatedValue] = new Money(30_000m + i),
                [OpportunityTable.EstimatedCloseDate] = closeDatePassed ? _world.Now.Date.AddDays(-3) : _world.Now.Date.AddDays(120),
                [OpportunityTable.SalesStage] = new OptionSetValue((int)stage),
                [OpportunityTable.NextInteractionDate] = _world.Now.AddDays(7),
                [OpportunityTable.NextInteractionGoal] = "Confirm budget owner and timing",
                [OpportunityTable.ReviewFlag] = false,
                [OpportunityTable.State] = new OptionSetValue((int)OpportunityState.Open),
                ["statuscode"] = new OptionSetValue(1),
                [OpportunityTable.CreatedOn] = created,
                ["modifiedon"] = created,
            });
        }

        store.Commit(0);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(20_000, 4)]
    public void The_agenda_is_one_query_paged_by_5000_whatever_the_number_of_open_deals(int deals, int pages)
    {
        SeedOpenDeals(deals, SalesStage.Qualify, _world.FittingAccount(), closeDatePassed: true);
        var manager = _world.Emulator.Service(_world.Manager);
        Agenda(manager, _world.Manager);

        var reading = _world.Emulator.Meter.Measure(() => Agenda(manager, _world.Manager).Should().HaveCount(deals, "each close date has passed"));

        var execution = reading.Single("GetPipelineReviewAgendaApi", 30);
        Calls(execution).Should().Be($"{pages} RetrieveMultiple opportunity");
        execution.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the platform ends a custom API at 2 minutes");
        _output.WriteLine($"Agenda over {deals} open deals: {Calls(execution)}, {execution.Elapsed.TotalMilliseconds:F0} ms in the emulator");
    }

    [Fact]
    public void The_refresh_of_5000_open_deals_is_one_query_per_5000_read_and_one_bulk_write_per_1000_changed_and_reads_none_when_nothing_is_due()
    {
        // Stored without ICP fit nor fingerprint (as before the refresh existed): the first refresh reads and scores every
        // deal; the second finds none whose signals can have changed.
        SeedOpenDeals(5000, SalesStage.Propose, _world.FittingAccount());
        var admin = _world.Emulator.Service();
        Refresh(admin, maxDeals: 1);
        _world.Emulator.Store.Scan(OpportunityTable.Name).Count(d => d.GetAttributeValue<int?>(OpportunityTable.IcpFitScore) == 100).Should().Be(1);

        OrganizationResponse? firstResponse = null, secondResponse = null;
        var changed = _world.Emulator.Meter.Measure(() => firstResponse = Refresh(admin));
        var unchanged = _world.Emulator.Meter.Measure(() => secondResponse = Refresh(admin));

        var first = changed.Single("RefreshCoachingSignalsApi", 30);
        var second = unchanged.Single("RefreshCoachingSignalsApi", 30);
        firstResponse![RefreshCoachingSignalsMessage.Read].Should().Be(4999, "the deal refreshed already carries the current settings' fingerprint");
        Calls(first).Should().Be("1 RetrieveMultiple opportunity, 5 UpdateMultiple opportunity", "4,999 deals read in one page and changed: five batches of at most 1,000");
        secondResponse![RefreshCoachingSignalsMessage.Read].Should().Be(0, "Propose deals have no due moment and carry the current fingerprint");
        Calls(second).Should().Be("1 RetrieveMultiple opportunity");
        second.TraceLines.Should().Contain(l => l.Contains("Refreshed 0 open deal(s), 0 changed", StringComparison.Ordinal));
        second.Writes.Should().Be(0);
        _world.Emulator.Store.Scan(OpportunityTable.Name).Should().OnlyContain(d => d.GetAttributeValue<int?>(OpportunityTable.IcpFitScore) == 100);
        _output.WriteLine($"Refresh of 5,000 open deals, 4,999 changed: {Calls(first)}, {first.Elapsed.TotalMilliseconds:F0} ms");
        _output.WriteLine($"Refresh of 5,000 open deals, none changed: {Calls(second)}, {second.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void The_account_rescore_is_one_query_and_one_bulk_write_of_the_changed_deals()
    {
        var account = _world.FittingAccount();
        _world.Opportunity("One", account);
        _world.Opportunity("Two", account);
        _world.Opportunity("Three", account, stage: SalesStage.Propose);
        var won = _world.Opportunity("Won", account);
        Deals.Close(_world.AsRep, won, won: true);

        var corrected = _world.Emulator.Meter.Measure(() => _world.Emulator.Service().Update(new Entity(AccountTable.Name, account.Id)
        {
            [AccountTable.Industry] = new OptionSetValue(AccountIndustries.CodeOf("Vehicle Retail")!.Value),
        }));
        var sameFit = _world.Emulator.Meter.Measure(() => _world.Emulator.Service().Update(new Entity(AccountTable.Name, account.Id)
        {
            [AccountTable.Employees] = 1200, // re-saved unchanged: the step runs, nothing differs
        }));

        var rescore = corrected.Single("AccountIcpRescorePlugin", 40);
        rescore.Mode.Should().Be(Xrm.Emulator.Pipeline.StepMode.Asynchronous);
        Calls(rescore).Should().Be("1 RetrieveMultiple opportunity, 1 UpdateMultiple opportunity");
        Calls(sameFit.Single("AccountIcpRescorePlugin", 40)).Should().Be("1 RetrieveMultiple opportunity");
        _output.WriteLine($"Account rescore, 3 open deals changed: {Calls(rescore)}; nothing changed: {Calls(sameFit.Single("AccountIcpRescorePlugin", 40))}");
    }

    [Fact]
    public void Closing_a_deal_clears_the_flag_without_a_call_and_cancels_the_prep_task_with_one_query_and_one_write()
    {
        var deal = _world.Opportunity("Big one", _world.FittingAccount(), value: 400_000m, goal: "Confirm budget owner and timing", nextInteraction: _world.Now.AddDays(5));
        _world.Emulator.Service(_world.Manager).Execute(new OrganizationRequest(StartMicroCoachingMessage.Name) { ["Target"] = new EntityReference(OpportunityTable.Name, deal) });

        var closing = _world.Emulator.Meter.Measure(() => Deals.Close(_world.AsRep, deal, won: true));

        Calls(closing.Single("PipelineReviewFlagPlugin", 20)).Should().BeEmpty();
        Calls(closing.Single("DealClosedPlugin", 40)).Should().Be("1 RetrieveMultiple task, 1 Update task");
        _output.WriteLine($"Closing a deal: review flag {Calls(closing.Single("PipelineReviewFlagPlugin", 20))}(no calls); prep task {Calls(closing.Single("DealClosedPlugin", 40))}");
    }
}
