using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Plugins.EntryPoints;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator;
using Xrm.Emulator.Pipeline;

namespace Coaching.Plugins.Tests.Platform;

/// <summary>
/// The platform caches one instance of each plugin and runs it on many threads at once, for many organizations.
/// Here several organizations (one emulator and one thread each) share the very same plugin instances and the
/// process-wide settings cache, with settings that differ per organization, and every plugin runs over a thousand times
/// concurrently: each result must belong to its own record and follow its own organization's settings.
/// </summary>
public class SharedInstanceConcurrencyTests
{
    private const int Organizations = 16;
    private const int DealsPerOrganization = 65; // 1,040 of every execution in total
    private const string Goal = "Agree the pilot scope with the CFO";

    [Fact]
    public void Every_plugin_runs_a_thousand_times_on_shared_instances_without_cross_talk()
    {
        var shared = new PluginInstances();
        var organizations = Enumerable.Range(0, Organizations)
            .Select(i => new Organization(shared, i % 2 == 0 ? "Germany" : "France", i))
            .ToList();
        using var start = new Barrier(Organizations);
        var failures = new ConcurrentQueue<Exception>();

        var threads = organizations.Select(org => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                org.Run(DealsPerOrganization);
            }
            catch (Exception error)
            {
                failures.Enqueue(error);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failures.Should().BeEmpty();
        shared.Count.Should().Be(PluginTypes.Count, "one instance of each plugin type served every organization");
        foreach (var type in PluginTypes)
        {
            organizations.Sum(o => o.Emulator.Meter.For(type.FullName!).Count).Should().BeGreaterThanOrEqualTo(1000, $"{type.Name} runs at least a thousand times");
        }

        foreach (var org in organizations) org.VerifyNoCrossTalk();
    }

    private static readonly IReadOnlyList<Type> PluginTypes = typeof(IcpFitPlugin).Assembly.GetTypes()
        .Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract)
        .ToList();

    /// <summary>One organization: its emulator, its own ICP country, and the deals its thread worked on.</summary>
    private sealed class Organization
    {
        private readonly string _country;
        private readonly string _tag;
        private readonly Guid _manager;
        private readonly Guid _rep;
        private readonly List<(Guid Deal, string Name, bool InOwnCountry)> _deals = new();

        public Organization(PluginInstances shared, string country, int index)
        {
            Emulator = XrmEmulator.FromSolution(RepoPaths.SolutionSource, shared, typeof(IcpFitPlugin).Assembly);
            Emulator.UtcNow = CoachingWorld.Monday;
            Emulator.SetEnvironmentVariable("coach_CoachingSettings", Coaching.Core.Settings.CoachingSettings.DefaultJson,
                "{ \"icp\": { \"countries\": [\"" + country + "\"] } }");
            _country = country;
            _tag = "Org" + index;
            _manager = Emulator.AddUser("Mona Manager " + index);
            _rep = Emulator.AddUser("Rita Rep " + index, _manager);
        }

        public XrmEmulator Emulator { get; }

        private IOrganizationService AsRep => Emulator.Service(_rep);

        private IOrganizationService AsManager => Emulator.Service(_manager);

        /// <summary>Per deal: create (ICP, flag), a forward move (gate, flag, session, commitments, sharing), a session step,
        /// a completed meeting (reflection), an account change (rescore), the four custom APIs, and closing the deal.</summary>
        public void Run(int deals)
        {
            for (var k = 0; k < deals; k++)
            {
                var inOwnCountry = k % 2 == 0;
                var name = $"{_tag} deal {k}";
                var account = AsRep.Create(new Entity(AccountTable.Name)
                {
                    ["name"] = name + " account",
                    [AccountTable.Industry] = new OptionSetValue(AccountIndustries.CodeOf("Wholesale")!.Value),
                    [AccountTable.Employees] = 1200,
                    [AccountTable.Revenue] = new Money(80_000_000m),
                    [AccountTable.Country] = inOwnCountry ? _country : "Brazil",
                });
                var deal = AsRep.Create(new Entity(OpportunityTable.Name)
                {
                    [OpportunityTable.Topic] = name,
                    [OpportunityTable.Customer] = new EntityReference(AccountTable.Name, account),
                    [OpportunityTable.ParentAccount] = new EntityReference(AccountTable.Name, account),
                    [OpportunityTable.EstimatedValue] = new Money(50_000m),
                    [OpportunityTable.SalesStage] = new OptionSetValue((int)SalesStage.Qualify),
                    [OpportunityTable.NextInteractionGoal] = Goal,
                    [OpportunityTable.NextInteractionDate] = Emulator.UtcNow.AddDays(5),
                });
                _deals.Add((deal, name, inOwnCountry));

                AsRep.Update(new Entity(OpportunityTable.Name, deal) { [OpportunityTable.SalesStage] = new OptionSetValue((int)SalesStage.Develop) });
                var session = SessionOf(deal);
                AsManager.Update(new Entity(SessionTable.Name, session.Id) { [SessionTable.Step] = new OptionSetValue((int)SessionStep.Conduct) });

                var meeting = AsRep.Create(new Entity(InteractionTables.Appointment)
                {
                    [ActivityColumns.Subject] = name + " meeting",
                    [ActivityColumns.Regarding] = new EntityReference(OpportunityTable.Name, deal),
                    [ActivityColumns.Start] = Emulator.UtcNow,
                    [ActivityColumns.Due] = Emulator.UtcNow.AddHours(1),
                });
                AsRep.Execute(new SetStateRequest { EntityMoniker = new EntityReference(InteractionTables.Appointment, meeting), State = new OptionSetValue(ActivityState.Completed), Status = new OptionSetValue(-1) });
                AsRep.Update(new Entity(AccountTable.Name, account) { [AccountTable.Employees] = 1300 });

                AsManager.Execute(new OrganizationRequest(StartMicroCoachingMessage.Name) { ["Target"] = new EntityReference(OpportunityTable.Name, deal) });
                AsManager.Execute(new OrganizationRequest(PipelineReviewAgendaMessage.Name) { [PipelineReviewAgendaMessage.ManagerId] = _manager });
                AsManager.Execute(new OrganizationRequest(CoachingCadenceMessage.Name)
                {
                    [CoachingCadenceMessage.ManagerId] = _manager,
                    [CoachingCadenceMessage.WeekStart] = CoachingWorld.Monday,
                });
                AsManager.Execute(new OrganizationRequest(RefreshCoachingSignalsMessage.Name) { [RefreshCoachingSignalsMessage.OwnerId] = _rep });
                Deals.Close(AsRep, deal, won: k % 3 == 0);
                Emulator.AdvanceTime(TimeSpan.FromMinutes(7)); // the settings cache expires every few deals: re-reads race too
            }
        }

        /// <summary>Each deal scored by its own organization's countries, its session and tasks about it, for this org's rep.</summary>
        public void VerifyNoCrossTalk()
        {
            var deals = All(OpportunityTable.Name, OpportunityTable.Topic, OpportunityTable.IcpFitScore, OpportunityTable.IcpFitReasons).ToDictionary(d => d.Id);
            var sessions = All(SessionTable.Name, ActivityColumns.Regarding, SessionTable.Rep, ActivityColumns.Owner, ActivityColumns.Subject)
                .ToLookup(s => s.GetAttributeValue<EntityReference>(ActivityColumns.Regarding).Id);
            var tasks = All(TaskTable.Name, ActivityColumns.Regarding, ActivityColumns.Owner).ToLookup(t => t.GetAttributeValue<EntityReference>(ActivityColumns.Regarding).Id);
            deals.Should().HaveCount(_deals.Count, "the organization holds its own deals and no other's");

            var scores = new Dictionary<bool, HashSet<int>> { [true] = new(), [false] = new() };
            foreach (var (deal, name, inOwnCountry) in _deals)
            {
                var row = deals[deal];
                row.GetAttributeValue<string>(OpportunityTable.Topic).Should().Be(name);
                scores[inOwnCountry].Add(row.GetAttributeValue<int>(OpportunityTable.IcpFitScore));
                row.GetAttributeValue<string>(OpportunityTable.IcpFitReasons).Should().Contain(inOwnCountry ? _country : "Brazil", $"{name} is scored against {_tag}'s settings");

                var session = sessions[deal].Should().ContainSingle($"{name} has its own session").Subject;
                session.GetAttributeValue<EntityReference>(SessionTable.Rep).Id.Should().Be(_rep);
                session.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_manager);
                session.GetAttributeValue<string>(ActivityColumns.Subject).Should().Contain(name);
                tasks[deal].Should().OnlyContain(t => t.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id == _rep)
                    .And.HaveCount(2, "a prep task and a reflection task, both about this deal");
            }

            scores[true].Should().ContainSingle("every deal in the organization's own country scores the same");
            scores[false].Should().ContainSingle();
            scores[true].Single().Should().BeGreaterThan(scores[false].Single(), $"{_country} is an ICP country in {_tag} and Brazil is not");
            Emulator.FailedJobs.Should().BeEmpty();
        }

        private IEnumerable<Entity> All(string table, params string[] columns) =>
            Emulator.Service().RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(columns) }).Entities;

        private Entity SessionOf(Guid deal)
        {
            var query = new QueryExpression(SessionTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.Regarding) };
            query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, deal);
            return Emulator.Service().RetrieveMultiple(query).Entities.Single();
        }
    }
}
