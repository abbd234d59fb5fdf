using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Tests.Security;

/// <summary>
/// Per-record column sharing (principalobjectattributeaccess): a share opens one secured column of one record to a
/// user or team, next to field security profiles; the column is named by its AttributeMetadata.MetadataId.
/// </summary>
public class FieldSharingTests
{
    private const string Session = "coach_session";
    private readonly XrmEmulator _emulator = new();
    private readonly Guid _coach;
    private readonly Guid _reader;
    private readonly Guid _session;
    private readonly Guid _otherSession;

    public FieldSharingTests()
    {
        _emulator.Metadata.AddCustomTable(Session, isActivity: true, userOwned: true, new[]
        {
            new ColumnMetadata("coach_notes", ColumnType.Memo) { MaxLength = 2000 },
            new ColumnMetadata("coach_verdict", ColumnType.Memo) { MaxLength = 2000 }.AsSecured(),
        });
        _emulator.AddActivityTable(Session);
        var activities = new SecurityRole("All activities")
            .Grant("prvReadActivity", PrivilegeDepth.Organization).Grant("prvWriteActivity", PrivilegeDepth.Organization).Grant("prvCreateActivity", PrivilegeDepth.User);
        _coach = _emulator.AddUser("Coach");
        _reader = _emulator.AddUser("Reader");
        _emulator.Security.AssignRole(_coach, activities);
        _emulator.Security.AssignRole(_reader, activities);
        _session = _emulator.Service().Create(new Entity(Session) { ["subject"] = "s", ["coach_verdict"] = "Skill, not will" });
        _otherSession = _emulator.Service().Create(new Entity(Session) { ["subject"] = "t", ["coach_verdict"] = "Will, not skill" });
        _emulator.Security.Enforce();
    }

    [Fact]
    public void RetrieveAttribute_and_RetrieveEntity_give_the_same_stable_MetadataId_for_a_column()
    {
        var service = _emulator.Service();

        var attribute = ((RetrieveAttributeResponse)service.Execute(new RetrieveAttributeRequest { EntityLogicalName = Session, LogicalName = "coach_verdict" })).AttributeMetadata;
        var entity = ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = Session, EntityFilters = EntityFilters.Attributes })).EntityMetadata;
        var byId = ((RetrieveAttributeResponse)service.Execute(new RetrieveAttributeRequest { MetadataId = attribute.MetadataId!.Value })).AttributeMetadata;

        attribute.IsSecured.Should().BeTrue();
        attribute.EntityLogicalName.Should().Be(Session);
        entity.Attributes.Single(a => a.LogicalName == "coach_verdict").MetadataId.Should().Be(attribute.MetadataId);
        entity.Attributes.Single(a => a.LogicalName == "coach_notes").IsSecured.Should().BeFalse();
        byId.LogicalName.Should().Be("coach_verdict");
        new XrmEmulator().Metadata.Find("account")!.MetadataIdOf("name").Should().Be(_emulator.Metadata.Find("account")!.MetadataIdOf("name"), "ids are stable across environments built the same way");
        ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = Session })).EntityMetadata.Attributes.Should().BeNull("columns come only with EntityFilters.Attributes");
        ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { MetadataId = entity.MetadataId!.Value })).EntityMetadata.LogicalName.Should().Be(Session);
    }

    [Fact]
    public void A_read_share_opens_the_column_of_that_record_only_and_not_for_update()
    {
        Share(_session, _reader, read: true, update: false);

        var asReader = _emulator.Service(_reader);
        asReader.Retrieve(Session, _session, new ColumnSet("coach_verdict")).GetAttributeValue<string>("coach_verdict").Should().Be("Skill, not will");
        asReader.Retrieve(Session, _otherSession, new ColumnSet("coach_verdict")).Contains("coach_verdict").Should().BeFalse("the share is for one record");
        asReader.RetrieveMultiple(new QueryExpression(Session) { ColumnSet = new ColumnSet("subject", "coach_verdict") }).Entities
            .Where(e => e.Contains("coach_verdict")).Select(e => e.Id).Should().Equal(_session);
        var update = () => asReader.Update(new Entity(Session, _session) { ["coach_verdict"] = "changed" });
        update.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePermissionUpdateIsMissingDuringUpdate);
    }

    [Fact]
    public void An_update_share_lets_the_user_write_the_column_and_deleting_the_share_closes_it_again()
    {
        var share = Share(_session, _reader, read: true, update: true);
        _emulator.Service(_reader).Update(new Entity(Session, _session) { ["coach_verdict"] = "Both" });
        _emulator.Service().Retrieve(Session, _session, new ColumnSet("coach_verdict")).GetAttributeValue<string>("coach_verdict").Should().Be("Both");

        _emulator.Service().Delete(FieldShares, share);

        _emulator.Service(_reader).Retrieve(Session, _session, new ColumnSet("coach_verdict")).Contains("coach_verdict").Should().BeFalse();
    }

    [Fact]
    public void A_share_with_a_team_opens_the_column_for_its_members()
    {
        var team = _emulator.AddTeam("Coaches", _coach, _reader);

        Share(_session, team, read: true, update: false, principalTable: "team");

        _emulator.Service(_reader).Retrieve(Session, _session, new ColumnSet("coach_verdict")).Contains("coach_verdict").Should().BeTrue();
    }

    [Fact]
    public void The_platform_refuses_unsecured_columns_no_access_duplicates_and_missing_records()
    {
        var notes = () => Share(_session, _reader, read: true, update: false, column: "coach_notes");
        notes.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributeNotSecured);

        var nothing = () => Share(_session, _reader, read: false, update: false);
        nothing.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributeSharingCreateShouldSetReadOrAndUpdateAccess);

        var missingRecord = () => Share(Guid.NewGuid(), _reader, read: true, update: false);
        missingRecord.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.ObjectDoesNotExist);

        var missingUser = () => Share(_session, Guid.NewGuid(), read: true, update: false);
        missingUser.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.ObjectDoesNotExist);

        var share = Share(_session, _reader, read: true, update: false);
        var again = () => Share(_session, _reader, read: false, update: true);
        again.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributeSharingCreateDuplicate);

        var none = () => _emulator.Service().Update(new Entity(FieldShares, share) { ["readaccess"] = false });
        none.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributeSharingUpdateInvalid);
    }

    [Fact]
    public void A_user_shares_only_the_access_they_hold_on_the_column()
    {
        var asCoach = _emulator.Service(_coach);
        var share = () => asCoach.Create(NewShare(_session, _reader, read: true, update: false));
        share.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePermissionReadIsMissing);

        Share(_session, _coach, read: true, update: false);
        asCoach.Create(NewShare(_session, _reader, read: true, update: false));
        var widen = () => asCoach.Create(NewShare(_session, _emulator.AddUser("Third"), read: true, update: true));
        widen.Should().Throw<XrmFaultException>().Where(e => e.Fault.ErrorCode == FaultCodes.AttributePermissionUpdateIsMissingDuringShare);
    }

    [Fact]
    public void Shares_are_read_back_with_the_columns_the_platform_fills()
    {
        Share(_session, _reader, read: true, update: false);

        var row = _emulator.Service().RetrieveMultiple(new QueryByAttribute(FieldShares)
        {
            ColumnSet = new ColumnSet("attributeid", "objectid", "objecttypecode", "principalid", "principalidtype", "readaccess", "updateaccess"),
            Attributes = { "objectid" },
            Values = { _session },
        }).Entities.Single();

        row.GetAttributeValue<Guid>("attributeid").Should().Be(_emulator.Metadata.Find(Session)!.MetadataIdOf("coach_verdict"));
        row.GetAttributeValue<EntityReference>("principalid").Id.Should().Be(_reader);
        row.GetAttributeValue<string>("objecttypecode").Should().Be(Session);
        row.GetAttributeValue<string>("principalidtype").Should().Be("systemuser");
        row.GetAttributeValue<bool>("readaccess").Should().BeTrue();
        row.GetAttributeValue<bool>("updateaccess").Should().BeFalse();
    }

    private const string FieldShares = "principalobjectattributeaccess";

    private Guid Share(Guid record, Guid principal, bool read, bool update, string column = "coach_verdict", string principalTable = "systemuser") =>
        _emulator.Service().Create(NewShare(record, principal, read, update, column, principalTable));

    private Entity NewShare(Guid record, Guid principal, bool read, bool update, string column = "coach_verdict", string principalTable = "systemuser") =>
        new(FieldShares)
        {
            ["objectid"] = new EntityReference(Session, record),
            ["attributeid"] = _emulator.Metadata.Find(Session)!.MetadataIdOf(column),
            ["principalid"] = new EntityReference(principalTable, principal),
            ["readaccess"] = read,
            ["updateaccess"] = update,
        };
}
