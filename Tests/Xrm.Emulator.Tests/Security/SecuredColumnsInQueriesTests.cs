using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Tests.Security;

/// <summary>
/// A secured column the caller may not read counts as null in the query itself, not only in what comes back: "the
/// field value is substituted with null during the evaluation of the filter", ordering and aggregates treat it as null
/// (Developer Guide, "How field security can be used to control access to field values", How do secured fields behave
/// for Retrieve and RetrieveMultiple?). Otherwise a filter or an order would tell the hidden values apart.
/// </summary>
public class SecuredColumnsInQueriesTests
{
    private const string Session = "coach_session";
    private const int Skill = 731050001;
    private const int Will = 731050002;
    private static readonly Dictionary<int, string> Concerns = new() { [731050000] = "None", [Skill] = "Skill", [Will] = "Will" };

    private readonly XrmEmulator _emulator = new();
    private readonly Guid _coach;
    private readonly Guid _peer;
    private readonly Guid _willSession;
    private readonly Guid _skillSession;
    private readonly Guid _openSession;

    public SecuredColumnsInQueriesTests()
    {
        _emulator.Metadata.AddCustomTable(Session, isActivity: true, userOwned: true, new[]
        {
            new ColumnMetadata("coach_concern", ColumnType.Picklist) { Options = Concerns }.AsSecured(),
            new ColumnMetadata("coach_missed", ColumnType.Integer).AsSecured(),
        });
        _emulator.AddActivityTable(Session);
        var role = new SecurityRole("Activities and users")
            .Grant("prvReadActivity", PrivilegeDepth.Organization).Grant("prvCreateActivity", PrivilegeDepth.User).Grant("prvReadUser", PrivilegeDepth.Organization);
        _coach = _emulator.AddUser("Coach");
        _peer = _emulator.AddUser("Peer");
        _emulator.Security.AssignRole(_coach, role);
        _emulator.Security.AssignRole(_peer, role);
        _emulator.Security.AssignProfile(_coach, new FieldSecurityProfile("Judgement")
            .Allow(Session, "coach_concern", read: true, update: true, create: true)
            .Allow(Session, "coach_missed", read: true, update: true, create: true));
        _emulator.Security.Enforce();

        var asCoach = _emulator.Service(_coach);
        _willSession = asCoach.Create(new Entity(Session) { ["subject"] = "a", ["coach_concern"] = new OptionSetValue(Will), ["coach_missed"] = 2 });
        _skillSession = asCoach.Create(new Entity(Session) { ["subject"] = "b", ["coach_concern"] = new OptionSetValue(Skill), ["coach_missed"] = 5 });
        _openSession = asCoach.Create(new Entity(Session) { ["subject"] = "c" });
    }

    [Fact]
    public void A_condition_on_a_hidden_column_sees_null()
    {
        var will = Sessions(new ConditionExpression("coach_concern", ConditionOperator.Equal, Will));
        var empty = Sessions(new ConditionExpression("coach_concern", ConditionOperator.Null));
        var some = Sessions(new ConditionExpression("coach_missed", ConditionOperator.GreaterThan, 0));

        Ids(_peer, will).Should().BeEmpty("the peer cannot tell which session has a concern of will");
        Ids(_peer, empty).Should().BeEquivalentTo(new[] { _willSession, _skillSession, _openSession }, "to the peer every concern is null");
        Ids(_peer, some).Should().BeEmpty();
        Ids(_coach, will).Should().Equal(_willSession);
        Ids(_coach, empty).Should().Equal(_openSession);
        Ids(_emulator.SystemUserId, will).Should().Equal(new[] { _willSession }, "SYSTEM reads everything");
    }

    [Fact]
    public void A_field_share_of_one_record_lets_the_condition_see_that_records_value()
    {
        ShareConcern(_willSession, _peer);
        ShareConcern(_skillSession, _peer);

        Ids(_peer, Sessions(new ConditionExpression("coach_concern", ConditionOperator.Equal, Will))).Should().Equal(_willSession);
        Ids(_peer, Sessions(new ConditionExpression("coach_concern", ConditionOperator.In, Will, Skill))).Should().BeEquivalentTo(new[] { _willSession, _skillSession });
        Ids(_peer, Sessions(new ConditionExpression("coach_missed", ConditionOperator.GreaterThan, 0))).Should().BeEmpty("only the concern is shared");
    }

    [Fact]
    public void An_order_on_a_hidden_column_sorts_as_if_it_were_null()
    {
        var query = Sessions();
        query.AddOrder("coach_missed", OrderType.Descending);
        query.AddOrder("subject", OrderType.Ascending);

        Subjects(_coach, query).Should().Equal("b", "a", "c");
        Subjects(_peer, query).Should().Equal(new[] { "a", "b", "c" }, "every missed count is null to the peer: the subject decides");
    }

    [Fact]
    public void Aggregates_and_distinct_count_a_hidden_column_as_null()
    {
        var count = new FetchExpression($"""
            <fetch aggregate="true"><entity name="{Session}">
              <attribute name="coach_concern" alias="concerns" aggregate="countcolumn" />
              <attribute name="coach_missed" alias="kinds" aggregate="countcolumn" distinct="true" />
            </entity></fetch>
            """);
        var distinct = new QueryExpression(Session) { ColumnSet = new ColumnSet("coach_concern"), Distinct = true };

        int Count(Guid user, string alias) => (int)_emulator.Service(user).RetrieveMultiple(count).Entities.Single().GetAttributeValue<AliasedValue>(alias).Value;

        Count(_coach, "concerns").Should().Be(2);
        Count(_coach, "kinds").Should().Be(2);
        Count(_peer, "concerns").Should().Be(0);
        Count(_peer, "kinds").Should().Be(0);
        _emulator.Service(_coach).RetrieveMultiple(distinct).Entities.Should().HaveCount(3);
        _emulator.Service(_peer).RetrieveMultiple(distinct).Entities.Should().ContainSingle("every concern is the same null to the peer")
            .Which.Contains("coach_concern").Should().BeFalse();
    }

    [Fact]
    public void Link_entity_columns_hide_the_values_and_link_conditions_see_null()
    {
        var users = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") };
        var sessions = users.AddLink(Session, "systemuserid", "ownerid");
        sessions.EntityAlias = "s";
        sessions.Columns = new ColumnSet("subject", "coach_concern", "coach_missed");

        var asPeer = _emulator.Service(_peer).RetrieveMultiple(users).Entities;
        var asCoach = _emulator.Service(_coach).RetrieveMultiple(users).Entities;

        asPeer.Should().HaveCount(3);
        asPeer.Should().OnlyContain(e => e.Contains("s.subject") && !e.Contains("s.coach_concern") && !e.Contains("s.coach_missed"));
        asCoach.Count(e => e.Contains("s.coach_concern")).Should().Be(2);

        sessions.LinkCriteria.AddCondition("coach_concern", ConditionOperator.Equal, Will);
        _emulator.Service(_peer).RetrieveMultiple(users).Entities.Should().BeEmpty("the link condition sees null");
        _emulator.Service(_coach).RetrieveMultiple(users).Entities.Select(e => e.GetAttributeValue<AliasedValue>("s.subject").Value).Should().Equal("a");

        sessions.LinkCriteria = new FilterExpression();
        users.Criteria.AddCondition("s", "coach_missed", ConditionOperator.GreaterEqual, 5);
        _emulator.Service(_peer).RetrieveMultiple(users).Entities.Should().BeEmpty("a root condition naming the link's alias sees null too");
        _emulator.Service(_coach).RetrieveMultiple(users).Entities.Select(e => e.GetAttributeValue<AliasedValue>("s.subject").Value).Should().Equal("b");
    }

    [Fact]
    public void FetchXml_link_attributes_with_an_alias_leave_out_hidden_values()
    {
        var fetch = new FetchExpression($"""
            <fetch><entity name="systemuser"><attribute name="fullname" />
              <link-entity name="{Session}" from="ownerid" to="systemuserid" alias="s">
                <attribute name="subject" alias="topic" /><attribute name="coach_concern" alias="concern" />
                <order attribute="coach_missed" descending="true" /><order attribute="subject" />
              </link-entity>
              <order attribute="fullname" />
            </entity></fetch>
            """);

        var asPeer = _emulator.Service(_peer).RetrieveMultiple(fetch).Entities;
        var asCoach = _emulator.Service(_coach).RetrieveMultiple(fetch).Entities;

        asPeer.Select(e => (string)e.GetAttributeValue<AliasedValue>("topic").Value).Should().Equal(new[] { "a", "b", "c" }, "missed counts are null to the peer: the subject decides");
        asPeer.Should().OnlyContain(e => !e.Contains("concern"));
        asCoach.Select(e => (string)e.GetAttributeValue<AliasedValue>("topic").Value).Should().Equal("b", "a", "c");
        asCoach.Count(e => e.Contains("concern")).Should().Be(2);
    }

    private static QueryExpression Sessions(params ConditionExpression[] conditions)
    {
        var query = new QueryExpression(Session) { ColumnSet = new ColumnSet("subject") };
        foreach (var condition in conditions) query.Criteria.AddCondition(condition);
        return query;
    }

    private List<Guid> Ids(Guid user, QueryExpression query) => _emulator.Service(user).RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();

    private List<string> Subjects(Guid user, QueryExpression query) =>
        _emulator.Service(user).RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("subject")).ToList();

    private void ShareConcern(Guid session, Guid user) => _emulator.Service().Create(new Entity("principalobjectattributeaccess")
    {
        ["objectid"] = new EntityReference(Session, session),
        ["attributeid"] = _emulator.Metadata.Find(Session)!.MetadataIdOf("coach_concern"),
        ["principalid"] = new EntityReference("systemuser", user),
        ["readaccess"] = true,
    });
}
