using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Tests.Solution;

namespace Xrm.Emulator.Tests.Strictness;

/// <summary>A solution's Entity.xml is metadata too: its tables and columns are served with their types, lengths, choices and lookup targets.</summary>
public sealed class SolutionMetadataTests : IDisposable
{
    private readonly SolutionFolder _solution = new();

    public SolutionMetadataTests()
    {
        _solution.Write("Entities/coach_session/Entity.xml", """
            <Entity>
              <EntityInfo>
                <entity Name="coach_session">
                  <attributes>
                    <attribute PhysicalName="coach_repid"><Type>lookup</Type><Name>coach_repid</Name><LogicalName>coach_repid</LogicalName>
                      <LookupTypes><LookupType id="00000000-0000-0000-0000-000000000000">systemuser</LookupType></LookupTypes></attribute>
                    <attribute PhysicalName="coach_step"><Type>picklist</Type><Name>coach_step</Name><LogicalName>coach_step</LogicalName>
                      <optionset Name="coach_step"><options>
                        <option value="731050000"><labels><label description="Determine" languagecode="1033" /></labels></option>
                        <option value="731050001"><labels><label description="Compile" languagecode="1033" /></labels></option>
                      </options></optionset></attribute>
                    <attribute PhysicalName="coach_notes"><Type>ntext</Type><Name>coach_notes</Name><LogicalName>coach_notes</LogicalName><MaxLength>10</MaxLength></attribute>
                  </attributes>
                  <OwnershipTypeMask>UserOwned</OwnershipTypeMask>
                  <IsActivity>1</IsActivity>
                </entity>
              </EntityInfo>
            </Entity>
            """);
        _solution.Write("Entities/Opportunity/Entity.xml", """
            <Entity>
              <EntityInfo>
                <entity Name="Opportunity">
                  <attributes>
                    <attribute PhysicalName="coach_icpfitscore"><Type>int</Type><Name>coach_icpfitscore</Name><LogicalName>coach_icpfitscore</LogicalName>
                      <MinValue>0</MinValue><MaxValue>100</MaxValue></attribute>
                  </attributes>
                </entity>
              </EntityInfo>
            </Entity>
            """);
    }

    public void Dispose() => _solution.Dispose();

    private XrmEmulator Load() => XrmEmulator.FromSolution(_solution.Path, typeof(SolutionMetadataTests).Assembly);

    [Fact]
    public void A_custom_activity_gets_the_activity_columns_and_its_own_with_their_rules()
    {
        var emulator = Load();
        var service = emulator.Service();
        var rep = emulator.AddUser("Rita Rep");

        var id = service.Create(new Entity("coach_session")
        {
            ["subject"] = "Session",
            ["coach_repid"] = new EntityReference("systemuser", rep),
            ["coach_step"] = new OptionSetValue(731050001),
        });

        var stored = service.Retrieve("coach_session", id, new ColumnSet("coach_repid", "coach_step", "activityid"));
        stored.GetAttributeValue<EntityReference>("coach_repid").Name.Should().Be("Rita Rep");
        stored.FormattedValues["coach_step"].Should().Be("Compile");
        var tooLong = () => service.Update(new Entity("coach_session", id) { ["coach_notes"] = "eleven char" });
        tooLong.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.StringLengthTooLong);
    }

    [Fact]
    public void A_lookup_limited_to_users_refuses_a_team()
    {
        var emulator = Load();
        var team = Guid.NewGuid();
        emulator.Store.Insert(new Entity("team", team) { ["teamid"] = team, ["name"] = "Sales North" });

        var act = () => emulator.Service().Create(new Entity("coach_session") { ["subject"] = "Session", ["coach_repid"] = new EntityReference("team", team) });

        act.Should().Throw<XrmFaultException>().Which.Should().Match<XrmFaultException>(f =>
            f.ErrorCode == FaultCodes.InvalidArgument && f.Message == "The lookup 'coach_repid' of 'coach_session' can point at systemuser, not at team.");
    }

    [Fact]
    public void Columns_a_solution_adds_to_a_system_table_are_known_with_their_range()
    {
        var service = Load().Service();

        var id = service.Create(new Entity("opportunity") { ["name"] = "Renewal", ["coach_icpfitscore"] = 80 });
        var act = () => service.Update(new Entity("opportunity", id) { ["coach_icpfitscore"] = 101 });

        act.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.IntegerValueOutOfRange);
    }
    [Fact]
    public void A_relationship_that_adds_a_lookup_target_keeps_the_column_secured()
    {
        _solution.Write("Entities/coach_note/Entity.xml", """
            <Entity>
              <EntityInfo>
                <entity Name="coach_note">
                  <attributes>
                    <attribute PhysicalName="coach_aboutid"><Type>lookup</Type><Name>coach_aboutid</Name><LogicalName>coach_aboutid</LogicalName>
                      <IsSecured>1</IsSecured><LookupTypes /></attribute>
                  </attributes>
                  <OwnershipTypeMask>UserOwned</OwnershipTypeMask>
                </entity>
              </EntityInfo>
            </Entity>
            """);
        _solution.Write("Other/Relationships/SystemUser.xml", """
            <EntityRelationships>
              <EntityRelationship Name="coach_systemuser_coach_note_aboutid">
                <EntityRelationshipType>OneToMany</EntityRelationshipType>
                <ReferencingEntityName>coach_note</ReferencingEntityName>
                <ReferencedEntityName>SystemUser</ReferencedEntityName>
                <ReferencingAttributeName>coach_aboutid</ReferencingAttributeName>
              </EntityRelationship>
            </EntityRelationships>
            """);

        var column = Load().Metadata.Find("coach_note")!.Column("coach_aboutid")!;

        column.TargetsTable("systemuser").Should().BeTrue();
        column.IsSecured.Should().BeTrue("a relationship adds a target to the lookup; it does not unsecure it");
    }
}
