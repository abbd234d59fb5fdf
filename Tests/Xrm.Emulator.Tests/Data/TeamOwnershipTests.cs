using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;

namespace Xrm.Emulator.Tests.Data;

/// <summary>Teams: a team with an administrator and members owns records as a user does, with owningteam instead of owninguser.</summary>
public class TeamOwnershipTests
{
    private readonly XrmEmulator _emulator = new();
    private readonly Guid _lead;
    private readonly Guid _member;
    private readonly Guid _team;

    public TeamOwnershipTests()
    {
        _lead = _emulator.AddUser("Tess Teamlead");
        _member = _emulator.AddUser("Rita Rep");
        _team = _emulator.AddTeam("Key accounts", _lead, _lead, _member);
    }

    private Entity Owners(Guid id) => _emulator.Service().Retrieve("opportunity", id, new ColumnSet("ownerid", "owninguser", "owningteam", "owningbusinessunit"));

    [Fact]
    public void AddTeam_adds_the_team_with_its_administrator_and_its_members()
    {
        var team = _emulator.Service().Retrieve("team", _team, new ColumnSet("name", "administratorid", "teamtype"));
        team.GetAttributeValue<string>("name").Should().Be("Key accounts");
        team.GetAttributeValue<EntityReference>("administratorid").Id.Should().Be(_lead);

        var members = new QueryExpression("teammembership") { ColumnSet = new ColumnSet("systemuserid") };
        members.Criteria.AddCondition("teamid", ConditionOperator.Equal, _team);
        _emulator.Service().RetrieveMultiple(members).Entities.Select(m => (Guid)m["systemuserid"]).Should().BeEquivalentTo(new[] { _lead, _member });
    }

    [Fact]
    public void A_team_owned_record_has_owningteam_and_no_owninguser()
    {
        var id = _emulator.Service(_member).Create(new Entity("opportunity") { ["name"] = "Shared deal", ["ownerid"] = new EntityReference("team", _team) });

        var row = Owners(id);
        row.GetAttributeValue<EntityReference>("ownerid").LogicalName.Should().Be("team");
        row.GetAttributeValue<EntityReference>("owningteam").Id.Should().Be(_team);
        row.GetAttributeValue<EntityReference>("owninguser").Should().BeNull();
        row.GetAttributeValue<EntityReference>("owningbusinessunit").Id.Should().Be(_emulator.BusinessUnitId);
    }

    [Fact]
    public void Assigning_to_a_team_and_back_to_a_user_moves_owningteam_and_owninguser()
    {
        var id = _emulator.Service(_member).Create(new Entity("opportunity") { ["name"] = "Deal" });
        Owners(id).GetAttributeValue<EntityReference>("owninguser").Id.Should().Be(_member);

        _emulator.Service().Execute(new AssignRequest { Target = new EntityReference("opportunity", id), Assignee = new EntityReference("team", _team) });
        Owners(id).GetAttributeValue<EntityReference>("owningteam").Id.Should().Be(_team);
        Owners(id).GetAttributeValue<EntityReference>("owninguser").Should().BeNull();

        _emulator.Service().Execute(new AssignRequest { Target = new EntityReference("opportunity", id), Assignee = new EntityReference("systemuser", _lead) });
        Owners(id).GetAttributeValue<EntityReference>("owninguser").Id.Should().Be(_lead);
        Owners(id).GetAttributeValue<EntityReference>("owningteam").Should().BeNull();
    }
}
