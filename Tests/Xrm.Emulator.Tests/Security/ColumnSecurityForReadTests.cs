using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Security;
using Xrm.Emulator.Tests.Solution;

namespace Xrm.Emulator.Tests.Security;

/// <summary>
/// Which secured columns column security hides from readers ("Field security entities", Which attributes can be
/// secured): a yes/no column can be secured for create and update but not for read, a choice for read only when it has
/// no default value. Such a column is read by everyone who can read the record; writing it is still refused.
/// </summary>
public class ColumnSecurityForReadTests
{
    private const string Session = "coach_session";
    private static readonly Dictionary<int, string> YesNo = new() { [0] = "No", [1] = "Yes" };
    private static readonly Dictionary<int, string> Concerns = new() { [731050000] = "None", [731050001] = "Skill", [731050002] = "Will" };

    private readonly XrmEmulator _emulator = new();
    private readonly Guid _coach;
    private readonly Guid _peer;
    private readonly Guid _session;

    public ColumnSecurityForReadTests()
    {
        _emulator.Metadata.AddCustomTable(Session, isActivity: true, userOwned: true, new[]
        {
            new ColumnMetadata("coach_flag", ColumnType.Boolean) { Options = YesNo }.AsSecured(),
            new ColumnMetadata("coach_defaulted", ColumnType.Picklist) { Options = Concerns, DefaultValue = 731050000 }.AsSecured(),
            new ColumnMetadata("coach_concern", ColumnType.Picklist) { Options = Concerns }.AsSecured(),
        });
        _emulator.AddActivityTable(Session);
        var activities = new SecurityRole("All activities")
            .Grant("prvReadActivity", PrivilegeDepth.Organization).Grant("prvWriteActivity", PrivilegeDepth.Organization).Grant("prvCreateActivity", PrivilegeDepth.User);
        _coach = _emulator.AddUser("Coach");
        _peer = _emulator.AddUser("Peer");
        _emulator.Security.AssignRole(_coach, activities);
        _emulator.Security.AssignRole(_peer, activities);
        _emulator.Security.AssignProfile(_coach, new FieldSecurityProfile("Judgement")
            .Allow(Session, "coach_flag", read: true, update: true, create: true)
            .Allow(Session, "coach_defaulted", read: true, update: true, create: true)
            .Allow(Session, "coach_concern", read: true, update: true, create: true));
        _emulator.Security.Enforce();
        _session = _emulator.Service(_coach).Create(new Entity(Session)
        {
            ["subject"] = "s",
            ["coach_flag"] = true,
            ["coach_defaulted"] = new OptionSetValue(731050002),
            ["coach_concern"] = new OptionSetValue(731050002),
        });
    }

    [Fact]
    public void A_secured_yes_no_column_and_a_secured_choice_with_a_default_are_read_by_everyone_who_reads_the_record()
    {
        var asPeer = _emulator.Service(_peer);

        var session = asPeer.Retrieve(Session, _session, new ColumnSet("coach_flag", "coach_defaulted", "coach_concern"));
        var found = asPeer.RetrieveMultiple(new QueryExpression(Session) { ColumnSet = new ColumnSet(true) }).Entities.Single();

        session.GetAttributeValue<bool>("coach_flag").Should().BeTrue("a yes/no column cannot be secured for read");
        session.FormattedValues["coach_flag"].Should().Be("Yes");
        session.GetAttributeValue<OptionSetValue>("coach_defaulted").Value.Should().Be(731050002, "a choice with a default value cannot be secured for read");
        session.Contains("coach_concern").Should().BeFalse("a choice without a default value is secured for read");
        found.Contains("coach_flag").Should().BeTrue();
        found.Contains("coach_defaulted").Should().BeTrue();
        found.Contains("coach_concern").Should().BeFalse();
    }

    [Fact]
    public void Writing_a_secured_yes_no_column_without_permission_is_still_refused_on_create_and_update()
    {
        var asPeer = _emulator.Service(_peer);

        var update = () => asPeer.Update(new Entity(Session, _session) { ["coach_flag"] = false });
        var create = () => asPeer.Create(new Entity(Session) { ["subject"] = "t", ["coach_defaulted"] = new OptionSetValue(731050001) });

        update.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePermissionUpdateIsMissingDuringUpdate);
        create.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePrivilegeCreateIsMissing);
    }

    [Fact]
    public void RetrieveAttribute_tells_which_columns_can_be_secured_for_read()
    {
        var service = _emulator.Service();
        bool? CanBeSecuredForRead(string column) =>
            ((RetrieveAttributeResponse)service.Execute(new RetrieveAttributeRequest { EntityLogicalName = Session, LogicalName = column })).AttributeMetadata.CanBeSecuredForRead;

        CanBeSecuredForRead("coach_flag").Should().BeFalse();
        CanBeSecuredForRead("coach_defaulted").Should().BeFalse();
        CanBeSecuredForRead("coach_concern").Should().BeTrue();
        CanBeSecuredForRead("description").Should().BeTrue();
        CanBeSecuredForRead("activityid").Should().BeFalse("a primary key cannot be secured");
        CanBeSecuredForRead("statecode").Should().BeFalse();
    }

    [Fact]
    public void A_solution_choice_with_AppDefaultValue_minus_one_has_no_default_and_is_secured_for_read()
    {
        using var solution = new SolutionFolder();
        solution.Write("Entities/coach_session/Entity.xml", $"""
            <Entity>
              <EntityInfo>
                <entity Name="coach_session">
                  <attributes>
                    {Choice("coach_concern", -1)}
                    {Choice("coach_defaulted", 731050000)}
                  </attributes>
                  <OwnershipTypeMask>UserOwned</OwnershipTypeMask>
                  <IsActivity>1</IsActivity>
                </entity>
              </EntityInfo>
            </Entity>
            """);

        var table = XrmEmulator.FromSolution(solution.Path, typeof(ColumnSecurityForReadTests).Assembly).Metadata.Find(Session)!;

        table.Column("coach_concern")!.DefaultValue.Should().BeNull();
        table.Column("coach_concern")!.CanBeSecuredForRead.Should().BeTrue();
        table.Column("coach_defaulted")!.DefaultValue.Should().Be(731050000);
        table.Column("coach_defaulted")!.CanBeSecuredForRead.Should().BeFalse();
    }

    private static string Choice(string name, int appDefaultValue) => $"""
        <attribute PhysicalName="{name}"><Type>picklist</Type><Name>{name}</Name><LogicalName>{name}</LogicalName><IsSecured>1</IsSecured>
          <AppDefaultValue>{appDefaultValue}</AppDefaultValue>
          <optionset Name="coach_session_{name}"><OptionSetType>picklist</OptionSetType><options>
            <option value="731050000"><labels><label description="None" languagecode="1033" /></labels></option>
            <option value="731050001"><labels><label description="Skill" languagecode="1033" /></labels></option>
          </options></optionset></attribute>
        """;
}
