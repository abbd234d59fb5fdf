using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

/// <summary>
/// "Deals of this manager's reps, or of teams one of them administers": an OR across two outer-joined tables, asked once
/// per manager. The engine reads the deals those links lead to instead of every open deal for every manager, and returns
/// exactly the rows the full join returns.
/// </summary>
public class LinkedOrCandidateTests
{
    private readonly QueryWorld _world = new();

    private sealed record Org(List<Guid> Managers, int OpenDeals);

    /// <summary>
    /// <paramref name="managers"/> managers with 3 reps each; each rep owns 4 open deals and 1 won, and administers a team
    /// owning 2 open deals; 5 unowned-by-anyone-managed deals (a rep without manager).
    /// </summary>
    private Org Seed(int managers)
    {
        var managerIds = new List<Guid>();
        var open = 0;
        var loner = _world.Add("systemuser", ("fullname", "No manager"));
        for (var m = 0; m < managers; m++)
        {
            var manager = _world.Add("systemuser", ("fullname", $"Manager {m}"));
            managerIds.Add(manager.Id);
            for (var r = 0; r < 3; r++)
            {
                var rep = _world.Add("systemuser", ("fullname", $"Rep {m}.{r}"), ("parentsystemuserid", new EntityReference("systemuser", manager.Id)));
                var team = _world.Add("team", ("name", $"Team {m}.{r}"), ("administratorid", new EntityReference("systemuser", rep.Id)));
                for (var d = 0; d < 5; d++)
                {
                    _world.Opportunity($"Deal {m}.{r}.{d}", ("ownerid", new EntityReference("systemuser", rep.Id)), ("statecode", new OptionSetValue(d == 4 ? 1 : 0)));
                }

                for (var d = 0; d < 2; d++)
                {
                    _world.Opportunity($"Team deal {m}.{r}.{d}", ("ownerid", new EntityReference("team", team.Id)), ("statecode", new OptionSetValue(0)));
                }

                open += 6;
            }
        }

        for (var d = 0; d < 5; d++) _world.Opportunity($"Loner deal {d}", ("ownerid", new EntityReference("systemuser", loner.Id)), ("statecode", new OptionSetValue(0)));
        return new Org(managerIds, open + 5);
    }

    private static QueryExpression DealsOfTeamOf(Guid managerId)
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        var owner = query.AddLink("systemuser", "ownerid", "systemuserid", JoinOperator.LeftOuter);
        owner.EntityAlias = "owner";
        var team = query.AddLink("team", "ownerid", "teamid", JoinOperator.LeftOuter);
        var administrator = team.AddLink("systemuser", "administratorid", "systemuserid", JoinOperator.LeftOuter);
        administrator.EntityAlias = "teamadmin";
        var either = new FilterExpression(LogicalOperator.Or);
        either.AddCondition("owner", "parentsystemuserid", ConditionOperator.Equal, managerId);
        either.AddCondition("teamadmin", "parentsystemuserid", ConditionOperator.Equal, managerId);
        query.Criteria.AddFilter(either);
        query.AddOrder("name", OrderType.Ascending);
        return query;
    }

    [Fact]
    public void Each_managers_query_reads_the_deals_of_their_reps_and_teams_not_every_open_deal()
    {
        var org = Seed(managers: 20);

        var names = _world.Run(DealsOfTeamOf(org.Managers[7]), out var statistics).Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();

        names.Should().HaveCount(18, "3 reps × (4 open deals + 2 deals of the team they administer)");
        names.Should().OnlyContain(n => n.Contains(" 7."));
        statistics.RowsExamined.Should().BeLessThan(org.OpenDeals / 10, "the links lead to this manager's 21 deals (won ones included), not the {0} open deals", org.OpenDeals);
        statistics.IndexUsed.Should().Contain("owner.parentsystemuserid").And.Contain("teamadmin.parentsystemuserid");
    }

    [Fact]
    public void The_narrowed_read_returns_what_joining_every_open_deal_returns()
    {
        var org = Seed(managers: 6);
        foreach (var manager in org.Managers.Append(Guid.NewGuid()))
        {
            var narrowed = _world.Names(DealsOfTeamOf(manager));

            // The same question with an OR part no index answers (matching nothing): evaluated on every open deal.
            var joinedAll = DealsOfTeamOf(manager);
            joinedAll.Criteria.Filters[0].AddCondition("name", ConditionOperator.BeginsWith, "No deal is named so");
            var scanned = _world.Run(joinedAll, out var statistics).Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();

            statistics.IndexUsed.Should().Be("opportunity.statecode", "that part leaves the OR to the evaluator");
            narrowed.Should().Equal(scanned);
        }
    }

    [Fact]
    public void A_manager_without_reps_gets_nothing_and_reads_nothing()
    {
        Seed(managers: 3);
        var idle = _world.Add("systemuser", ("fullname", "New manager"));

        _world.Run(DealsOfTeamOf(idle.Id), out var statistics).Entities.Should().BeEmpty();
        statistics.RowsExamined.Should().Be(0);
    }
}
