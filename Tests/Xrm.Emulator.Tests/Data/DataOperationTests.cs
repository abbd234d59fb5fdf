using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;

namespace Xrm.Emulator.Tests.Data;

public class DataOperationTests
{
    private readonly XrmEmulator _emulator = new();

    [Fact]
    public void Create_sets_the_id_column_dates_users_owner_and_state_defaults()
    {
        var user = _emulator.AddUser("Rita Rep");
        _emulator.UtcNow = new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

        var id = _emulator.Service(user).Create(new Entity("account") { ["name"] = "Contoso" });

        var stored = _emulator.Service().Retrieve("account", id, new ColumnSet(true));
        stored.Id.Should().Be(id);
        stored["accountid"].Should().Be(id);
        stored["createdon"].Should().Be(_emulator.UtcNow);
        stored["modifiedon"].Should().Be(_emulator.UtcNow);
        stored.GetAttributeValue<EntityReference>("createdby").Should().Be(new EntityReference("systemuser", user));
        stored.GetAttributeValue<EntityReference>("modifiedby").Should().Be(new EntityReference("systemuser", user));
        stored.GetAttributeValue<EntityReference>("ownerid").Should().Be(new EntityReference("systemuser", user));
        stored.GetAttributeValue<OptionSetValue>("statecode").Value.Should().Be(0);
        stored.GetAttributeValue<OptionSetValue>("statuscode").Value.Should().Be(1);
    }

    [Fact]
    public void Create_keeps_a_given_id_and_a_given_owner()
    {
        var owner = _emulator.AddUser("Olga Owner");
        var id = Guid.NewGuid();

        var created = _emulator.Service().Create(new Entity("account", id) { ["ownerid"] = new EntityReference("systemuser", owner) });

        created.Should().Be(id);
        _emulator.Service().Retrieve("account", id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id.Should().Be(owner);
    }

    [Fact]
    public void Create_with_a_taken_id_fails_as_a_duplicate()
    {
        var id = _emulator.Service().Create(new Entity("account"));

        var act = () => _emulator.Service().Create(new Entity("account", id));

        act.Should().Throw<XrmFaultException>().Which.ErrorCode.Should().Be(FaultCodes.DuplicateRecord);
    }

    [Fact]
    public void Activity_tables_are_keyed_by_activityid()
    {
        var id = _emulator.Service().Create(new Entity("task") { ["subject"] = "Call back" });

        var stored = _emulator.Service().Retrieve("task", id, new ColumnSet("subject"));

        stored["activityid"].Should().Be(id);
        stored.Contains("taskid").Should().BeFalse();
    }

    [Fact]
    public void Stored_values_are_copies_of_what_the_caller_passed()
    {
        var contactId = _emulator.Service().Create(new Entity("contact") { ["lastname"] = "Ray" });
        var account = new Entity("account") { ["name"] = "Contoso", ["primarycontactid"] = new EntityReference("contact", contactId) };
        var id = _emulator.Service().Create(account);

        account["name"] = "Changed after create";
        account.GetAttributeValue<EntityReference>("primarycontactid").Id = Guid.Empty;

        var stored = _emulator.Service().Retrieve("account", id, new ColumnSet("name", "primarycontactid"));
        stored["name"].Should().Be("Contoso");
        stored.GetAttributeValue<EntityReference>("primarycontactid").Id.Should().NotBeEmpty();
        account.Id.Should().BeEmpty("the platform never writes the new id back into the caller's object");
    }

    [Fact]
    public void Retrieved_records_are_copies_the_caller_may_change_freely()
    {
        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso" });
        var first = _emulator.Service().Retrieve("account", id, new ColumnSet("name"));

        first["name"] = "Scribbled on";

        _emulator.Service().Retrieve("account", id, new ColumnSet("name"))["name"].Should().Be("Contoso");
    }

    [Fact]
    public void Rows_referencing_the_same_record_stay_independent_when_a_caller_changes_what_it_read()
    {
        var contactId = _emulator.Service().Create(new Entity("contact") { ["lastname"] = "Ray" });
        var first = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso", ["primarycontactid"] = new EntityReference("contact", contactId), ["industrycode"] = new OptionSetValue(3) });
        var second = _emulator.Service().Create(new Entity("account") { ["name"] = "Fabrikam", ["primarycontactid"] = new EntityReference("contact", contactId), ["industrycode"] = new OptionSetValue(3) });

        var read = _emulator.Service().Retrieve("account", first, new ColumnSet("primarycontactid", "industrycode"));
        read.GetAttributeValue<EntityReference>("primarycontactid").Id = Guid.Empty;
        read.GetAttributeValue<EntityReference>("primarycontactid").Name = "Scribbled on";
        read.GetAttributeValue<OptionSetValue>("industrycode").Value = 99;
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("primarycontactid", "industrycode") };
        foreach (var row in _emulator.Service().RetrieveMultiple(query).Entities)
        {
            row.GetAttributeValue<EntityReference>("primarycontactid").LogicalName = "lead";
            row.GetAttributeValue<OptionSetValue>("industrycode").Value = 98;
        }

        foreach (var id in new[] { first, second })
        {
            var stored = _emulator.Service().Retrieve("account", id, new ColumnSet("primarycontactid", "industrycode"));
            stored.GetAttributeValue<EntityReference>("primarycontactid").Should().Be(new EntityReference("contact", contactId));
            stored.GetAttributeValue<EntityReference>("primarycontactid").Name.Should().NotBe("Scribbled on");
            stored.GetAttributeValue<OptionSetValue>("industrycode").Value.Should().Be(3);
        }
    }

    [Fact]
    public void Retrieve_returns_only_requested_columns()
    {
        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso", ["revenue"] = new Money(5m), ["telephone1"] = "555" });

        var account = _emulator.Service().Retrieve("account", id, new ColumnSet("name", "revenue"));

        account.Attributes.Keys.Should().BeEquivalentTo("name", "revenue", "accountid");
    }

    [Fact]
    public void Retrieve_with_an_empty_column_set_returns_just_the_id()
    {
        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso" });

        var account = _emulator.Service().Retrieve("account", id, new ColumnSet());

        account.Id.Should().Be(id);
        account.Attributes.Keys.Should().BeEquivalentTo("accountid");
    }

    [Fact]
    public void Retrieve_leaves_out_columns_that_are_null()
    {
        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso", ["telephone1"] = "555" });
        _emulator.Service().Update(new Entity("account", id) { ["telephone1"] = null });

        _emulator.Service().Retrieve("account", id, new ColumnSet("name", "telephone1")).Contains("telephone1").Should().BeFalse();
    }

    [Fact]
    public void Missing_record_gives_Does_Not_Exist()
    {
        var id = Guid.NewGuid();

        Action retrieve = () => _emulator.Service().Retrieve("account", id, new ColumnSet("name"));
        Action update = () => _emulator.Service().Update(new Entity("account", id) { ["name"] = "x" });
        Action delete = () => _emulator.Service().Delete("account", id);

        foreach (var act in new[] { retrieve, update, delete })
        {
            var fault = act.Should().Throw<XrmFaultException>().Which;
            fault.ErrorCode.Should().Be(FaultCodes.ObjectDoesNotExist);
            fault.Message.Should().Be($"account With Id = {id} Does Not Exist");
            fault.Fault.ErrorCode.Should().Be(-2147220969);
        }
    }

    [Fact]
    public void Update_changes_only_the_given_columns_and_bumps_modifiedon_from_the_clock()
    {
        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso", ["telephone1"] = "555" });
        _emulator.AdvanceTime(TimeSpan.FromHours(2));
        var editor = _emulator.AddUser("Eddie Editor");

        _emulator.Service(editor).Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        var account = _emulator.Service().Retrieve("account", id, new ColumnSet(true));
        account["name"].Should().Be("Contoso Ltd");
        account["telephone1"].Should().Be("555");
        account["modifiedon"].Should().Be(_emulator.UtcNow);
        account["createdon"].Should().Be(_emulator.UtcNow - TimeSpan.FromHours(2));
        account.GetAttributeValue<EntityReference>("modifiedby").Id.Should().Be(editor);
    }

    [Fact]
    public void Update_finds_the_record_by_its_primary_key_column_when_Id_is_empty()
    {
        var id = _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso" });

        _emulator.Service().Update(new Entity("account") { ["accountid"] = id, ["name"] = "By key" });

        _emulator.Service().Retrieve("account", id, new ColumnSet("name"))["name"].Should().Be("By key");
    }

    [Fact]
    public void Delete_removes_the_record()
    {
        var id = _emulator.Service().Create(new Entity("account"));

        _emulator.Service().Delete("account", id);

        _emulator.Store.Exists("account", id).Should().BeFalse();
    }

    [Fact]
    public void RetrieveMultiple_answers_from_the_query_engine()
    {
        _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso" });
        _emulator.Service().Create(new Entity("account") { ["name"] = "Fabrikam" });

        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Fabrikam");
        var found = _emulator.Service().RetrieveMultiple(query);

        found.Entities.Should().ContainSingle().Which["name"].Should().Be("Fabrikam");
    }

    [Fact]
    public void Associate_is_not_implemented_and_says_so()
    {
        var act = () => _emulator.Service().Associate("account", Guid.NewGuid(), new Relationship("account_contacts"), new EntityReferenceCollection());

        act.Should().Throw<XrmFaultException>().WithMessage("*does not implement the message 'Associate'*");
    }

    [Fact]
    public void A_service_for_an_unknown_user_is_refused()
    {
        var act = () => _emulator.Service(Guid.NewGuid());

        act.Should().Throw<ArgumentException>().WithMessage("*AddUser*");
    }

    [Fact]
    public void Users_have_a_name_and_their_manager()
    {
        var manager = _emulator.AddUser("Mona Manager");
        var rep = _emulator.AddUser("Rita Rep", manager);

        var user = _emulator.Service().Retrieve("systemuser", rep, new ColumnSet("fullname", "parentsystemuserid"));

        user["fullname"].Should().Be("Rita Rep");
        user.GetAttributeValue<EntityReference>("parentsystemuserid").Id.Should().Be(manager);
    }

    [Fact]
    public void The_clock_is_fixed_until_moved()
    {
        _emulator.UtcNow.Should().Be(XrmEmulator.DefaultStartTime);

        _emulator.AdvanceTime(TimeSpan.FromDays(1));

        _emulator.UtcNow.Should().Be(XrmEmulator.DefaultStartTime.AddDays(1));
        _emulator.UtcNow.Kind.Should().Be(DateTimeKind.Utc);
    }
}
