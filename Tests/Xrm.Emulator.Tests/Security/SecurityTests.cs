using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Tests.Security;

public class SecurityTests
{
    private const string Session = "coach_session";
    private readonly XrmEmulator _emulator = new();

    public SecurityTests()
    {
        _emulator.Metadata.AddCustomTable(Session, isActivity: true, userOwned: true, new[]
        {
            new ColumnMetadata("coach_notes", ColumnType.Memo) { MaxLength = 2000 },
            // A choice without a default value: column security can hide it from readers (a yes/no column it cannot).
            new ColumnMetadata("coach_concern", ColumnType.Picklist) { Options = new System.Collections.Generic.Dictionary<int, string> { [1] = "None", [2] = "Will" } }.AsSecured(),
        });
        _emulator.AddActivityTable(Session);
    }

    [Fact]
    public void Without_enforcement_a_user_with_no_role_works_as_before()
    {
        var user = _emulator.AddUser("No Role");

        var id = _emulator.Service(user).Create(new Entity("account") { ["name"] = "Contoso" });

        _emulator.Service(user).Retrieve("account", id, new ColumnSet("name")).GetAttributeValue<string>("name").Should().Be("Contoso");
    }

    [Fact]
    public void A_user_without_the_privilege_is_refused_with_the_platform_fault()
    {
        var user = _emulator.AddUser("No Role");
        _emulator.Security.Enforce();

        var create = () => _emulator.Service(user).Create(new Entity("account") { ["name"] = "Contoso" });

        create.Should().Throw<XrmFaultException>()
            .Where(e => e.Fault.ErrorCode == FaultCodes.PrivilegeDenied && e.Message.Contains("is missing prvCreateAccount privilege") && e.Message.Contains($"Principal user (Id={user}"));
    }

    [Fact]
    public void System_and_the_admin_user_pass_every_check()
    {
        _emulator.Security.Enforce();
        var rep = _emulator.AddUser("Rep");
        var id = _emulator.Service().Create(new Entity(Session) { ["subject"] = "s", ["coach_concern"] = new OptionSetValue(2), ["ownerid"] = new EntityReference("systemuser", rep) });

        _emulator.Service(_emulator.SystemUserId).Retrieve(Session, id, new ColumnSet(true)).Contains("coach_concern").Should().BeTrue();
        _emulator.Service().Retrieve(Session, id, new ColumnSet(true)).Contains("coach_concern").Should().BeTrue();
    }

    [Fact]
    public void Custom_activity_tables_share_the_activity_privileges()
    {
        var rep = UserWith(new SecurityRole("Activities").Grant("prvCreateActivity", PrivilegeDepth.User).Grant("prvReadActivity", PrivilegeDepth.User));

        var id = _emulator.Service(rep).Create(new Entity(Session) { ["subject"] = "mine" });

        _emulator.Service(rep).Retrieve(Session, id, new ColumnSet("subject")).GetAttributeValue<string>("subject").Should().Be("mine");
        var account = () => _emulator.Service(rep).Create(new Entity("account") { ["name"] = "x" });
        account.Should().Throw<XrmFaultException>().Where(e => e.Message.Contains("prvCreateAccount"));
    }

    [Fact]
    public void User_depth_reads_own_and_shared_records_and_queries_filter_the_rest()
    {
        var basic = new SecurityRole("Basic reader").Grant("prvReadActivity", PrivilegeDepth.User).Grant("prvShareActivity", PrivilegeDepth.User);
        var rep = UserWith(basic);
        var peer = UserWith(basic);
        var own = SessionOwnedBy(rep, "own");
        var other = SessionOwnedBy(peer, "peer's");

        Subjects(rep).Should().BeEquivalentTo("own");
        var read = () => _emulator.Service(rep).Retrieve(Session, other, new ColumnSet("subject"));
        read.Should().Throw<XrmFaultException>()
            .Where(e => e.Fault.ErrorCode == FaultCodes.PrivilegeDenied && e.Message.StartsWith("SecLib::AccessCheckEx failed") && e.Message.Contains("AccessRights: ReadAccess"));

        _emulator.Service(peer).Execute(new GrantAccessRequest
        {
            Target = new EntityReference(Session, other),
            PrincipalAccess = new PrincipalAccess { Principal = new EntityReference("systemuser", rep), AccessMask = AccessRights.ReadAccess },
        });

        Subjects(rep).Should().BeEquivalentTo("own", "peer's");
        var write = () => _emulator.Service(rep).Update(new Entity(Session, other) { ["subject"] = "changed" });
        write.Should().Throw<XrmFaultException>().Where(e => e.Message.Contains("prvWriteActivity"), "the role has no Write at all");
        own.Should().NotBeEmpty();
    }

    [Fact]
    public void ModifyAccess_replaces_the_shared_rights_and_RevokeAccess_ends_the_share()
    {
        var basic = new SecurityRole("Basic").Grant("prvReadActivity", PrivilegeDepth.User).Grant("prvWriteActivity", PrivilegeDepth.User).Grant("prvShareActivity", PrivilegeDepth.User);
        var owner = UserWith(basic);
        var rep = UserWith(basic);
        var id = SessionOwnedBy(owner, "shared");
        var target = new EntityReference(Session, id);
        var principal = new EntityReference("systemuser", rep);
        var asOwner = _emulator.Service(owner);
        asOwner.Execute(new GrantAccessRequest { Target = target, PrincipalAccess = new PrincipalAccess { Principal = principal, AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess } });
        _emulator.Service(rep).Update(new Entity(Session, id) { ["subject"] = "written while shared" });

        asOwner.Execute(new ModifyAccessRequest { Target = target, PrincipalAccess = new PrincipalAccess { Principal = principal, AccessMask = AccessRights.ReadAccess } });

        var write = () => _emulator.Service(rep).Update(new Entity(Session, id) { ["subject"] = "again" });
        write.Should().Throw<XrmFaultException>().Where(e => e.Message.Contains("AccessRights: WriteAccess"));
        Subjects(rep).Should().BeEquivalentTo("written while shared");

        asOwner.Execute(new RevokeAccessRequest { Target = target, Revokee = principal });

        Subjects(rep).Should().BeEmpty();
        var revokeAsRep = () => _emulator.Service(rep).Execute(new RevokeAccessRequest { Target = target, Revokee = principal });
        revokeAsRep.Should().Throw<XrmFaultException>().Where(e => e.Message.Contains("AccessRights: ShareAccess"));
    }

    [Fact]
    public void A_query_without_the_privilege_fails_rather_than_returning_nothing()
    {
        var user = UserWith(new SecurityRole("Accounts only").Grant("prvReadAccount", PrivilegeDepth.Organization));

        var query = () => _emulator.Service(user).RetrieveMultiple(new QueryExpression(Session) { ColumnSet = new ColumnSet("subject") });

        query.Should().Throw<XrmFaultException>().Where(e => e.Message.Contains("is missing prvReadActivity privilege"));
    }

    [Fact]
    public void Business_unit_and_parent_child_depths_follow_the_owners_unit()
    {
        var sales = _emulator.AddBusinessUnit("Sales");
        var north = _emulator.AddBusinessUnit("North", sales);
        var local = new SecurityRole("Local").Grant("prvReadActivity", PrivilegeDepth.BusinessUnit);
        var deep = new SecurityRole("Deep").Grant("prvReadActivity", PrivilegeDepth.ParentChild);
        var salesLocal = UserWith(local, sales);
        var salesDeep = UserWith(deep, sales);
        var northRep = _emulator.AddUser("North Rep", null, north);
        var salesRep = _emulator.AddUser("Sales Rep", null, sales);
        SessionOwnedBy(northRep, "north");
        SessionOwnedBy(salesRep, "sales");
        SessionOwnedBy(_emulator.AdminUserId, "root");

        Subjects(salesLocal).Should().BeEquivalentTo("sales");
        Subjects(salesDeep).Should().BeEquivalentTo("sales", "north");
    }

    [Fact]
    public void A_teams_roles_count_for_its_members_and_team_owned_records_are_theirs_at_user_depth()
    {
        var member = _emulator.AddUser("Member");
        var outsider = _emulator.AddUser("Outsider");
        var team = _emulator.AddTeam("Pod", member, member);
        _emulator.Security.AssignRole(team, new SecurityRole("Pod").Grant("prvReadActivity", PrivilegeDepth.User));
        _emulator.Security.AssignRole(outsider, new SecurityRole("Pod").Grant("prvReadActivity", PrivilegeDepth.User));
        _emulator.Security.Enforce();
        var id = _emulator.Service().Create(new Entity(Session) { ["subject"] = "pod's", ["ownerid"] = new EntityReference("team", team) });

        Subjects(member).Should().BeEquivalentTo("pod's");
        Subjects(outsider).Should().BeEmpty();
        id.Should().NotBeEmpty();
    }

    [Fact]
    public void A_secured_column_is_left_out_and_refused_on_update_unless_a_profile_allows_it()
    {
        var everything = new SecurityRole("All activities")
            .Grant("prvReadActivity", PrivilegeDepth.Organization).Grant("prvWriteActivity", PrivilegeDepth.Organization).Grant("prvCreateActivity", PrivilegeDepth.User);
        var coach = UserWith(everything);
        var peer = UserWith(everything);
        _emulator.Security.AssignProfile(coach, new FieldSecurityProfile("Judgement").Allow(Session, "coach_concern", read: true, update: true, create: true));
        var id = _emulator.Service(coach).Create(new Entity(Session) { ["subject"] = "s", ["coach_concern"] = new OptionSetValue(2) });

        _emulator.Service(coach).Retrieve(Session, id, new ColumnSet("coach_concern")).GetAttributeValue<OptionSetValue>("coach_concern").Value.Should().Be(2);
        _emulator.Service(peer).Retrieve(Session, id, new ColumnSet("coach_concern", "subject")).Contains("coach_concern").Should().BeFalse();
        _emulator.Service(peer).RetrieveMultiple(new QueryExpression(Session) { ColumnSet = new ColumnSet(true) }).Entities.Single().Contains("coach_concern").Should().BeFalse();

        var update = () => _emulator.Service(peer).Update(new Entity(Session, id) { ["coach_concern"] = new OptionSetValue(1) });
        update.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePermissionUpdateIsMissingDuringUpdate);
        var create = () => _emulator.Service(peer).Create(new Entity(Session) { ["subject"] = "t", ["coach_concern"] = new OptionSetValue(2) });
        create.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePrivilegeCreateIsMissing);
        _emulator.Service(peer).Update(new Entity(Session, id) { ["subject"] = "unsecured columns stay writable" });
    }

    [Fact]
    public void The_standard_salesperson_role_reads_every_activity_of_the_organization()
    {
        var rep = UserWith(SecurityModel.StandardRole("Salesperson"));
        var peer = UserWith(SecurityModel.StandardRole("Salesperson"));
        SessionOwnedBy(peer, "peer's session");

        Subjects(rep).Should().BeEquivalentTo("peer's session");
        var delete = () => _emulator.Service(rep).Delete(Session, _emulator.Service().RetrieveMultiple(new QueryExpression(Session)).Entities.Single().Id);
        delete.Should().Throw<XrmFaultException>().Where(e => e.Message.Contains("AccessRights: DeleteAccess"), "Delete is Basic for a salesperson");
    }

    private Guid UserWith(SecurityRole role, Guid? businessUnit = null)
    {
        var user = _emulator.AddUser("User " + Guid.NewGuid().ToString("N")[..6], null, businessUnit);
        _emulator.Security.AssignRole(user, role);
        _emulator.Security.Enforce();
        return user;
    }

    private Guid SessionOwnedBy(Guid owner, string subject) =>
        _emulator.Service().Create(new Entity(Session) { ["subject"] = subject, ["ownerid"] = new EntityReference("systemuser", owner) });

    private string[] Subjects(Guid user) =>
        _emulator.Service(user).RetrieveMultiple(new QueryExpression(Session) { ColumnSet = new ColumnSet("subject") })
            .Entities.Select(e => e.GetAttributeValue<string>("subject")).ToArray();
}
