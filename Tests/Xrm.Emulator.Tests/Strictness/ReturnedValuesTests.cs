using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Tests.Strictness;

/// <summary>What the platform gives back is what it stored and how it presents it, not what the caller passed.</summary>
public class ReturnedValuesTests
{
    private readonly XrmEmulator _emulator = new();

    private IOrganizationService Service => _emulator.Service();

    [Fact]
    public void Lookups_come_back_with_the_targets_current_name_and_as_a_formatted_value()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var deal = Service.Create(new Entity("opportunity") { ["name"] = "Renewal", ["parentaccountid"] = new EntityReference("account", account) { Name = "whatever the caller said" } });
        Service.Update(new Entity("account", account) { ["name"] = "Contoso Ltd" });

        var retrieved = Service.Retrieve("opportunity", deal, new ColumnSet("parentaccountid"));
        retrieved.GetAttributeValue<EntityReference>("parentaccountid").Name.Should().Be("Contoso Ltd");
        retrieved.FormattedValues["parentaccountid"].Should().Be("Contoso Ltd");

        var queried = Service.RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("parentaccountid", "ownerid") }).Entities[0];
        queried.GetAttributeValue<EntityReference>("parentaccountid").Name.Should().Be("Contoso Ltd");
        queried.GetAttributeValue<EntityReference>("ownerid").Name.Should().Be("Admin User");
    }

    [Fact]
    public void Money_is_rounded_to_the_columns_precision_when_written()
    {
        var deal = Service.Create(new Entity("opportunity") { ["estimatedvalue"] = new Money(1234.5678m) });

        Service.Retrieve("opportunity", deal, new ColumnSet("estimatedvalue")).GetAttributeValue<Money>("estimatedvalue").Value.Should().Be(1234.57m);
    }

    [Fact]
    public void Dates_are_stored_in_utc_to_the_whole_second_and_date_only_columns_keep_only_the_date()
    {
        var local = new DateTime(2025, 3, 3, 10, 15, 30, 999, DateTimeKind.Local);
        var task = Service.Create(new Entity("task") { ["subject"] = "Call back", ["scheduledend"] = local });
        var deal = Service.Create(new Entity("opportunity") { ["estimatedclosedate"] = new DateTime(2025, 6, 30, 17, 45, 0, DateTimeKind.Utc) });

        var due = Service.Retrieve("task", task, new ColumnSet("scheduledend")).GetAttributeValue<DateTime>("scheduledend");
        var utc = local.ToUniversalTime();
        due.Kind.Should().Be(DateTimeKind.Utc);
        due.Should().Be(new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc));
        Service.Retrieve("opportunity", deal, new ColumnSet("estimatedclosedate")).GetAttributeValue<DateTime>("estimatedclosedate")
            .Should().Be(new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Choices_yes_no_and_money_come_back_with_formatted_values()
    {
        var deal = Service.Create(new Entity("opportunity") { ["salesstage"] = new OptionSetValue(2), ["estimatedvalue"] = new Money(250000m) });

        var retrieved = Service.RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("salesstage", "estimatedvalue", "statecode") }).Entities[0];

        retrieved.Id.Should().Be(deal);
        retrieved.FormattedValues["salesstage"].Should().Be("Propose");
        retrieved.FormattedValues["statecode"].Should().Be("Open");
        retrieved.FormattedValues["estimatedvalue"].Should().Be("$250,000.00");
    }

    [Fact]
    public void Link_entity_columns_come_back_with_their_formatted_values_under_the_alias()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso", ["industrycode"] = new OptionSetValue(33) });
        Service.Create(new Entity("opportunity") { ["parentaccountid"] = new EntityReference("account", account) });
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddLink("account", "parentaccountid", "accountid").Columns = new ColumnSet("industrycode");
        query.LinkEntities[0].EntityAlias = "a";

        Service.RetrieveMultiple(query).Entities[0].FormattedValues["a.industrycode"].Should().Be("Wholesale");
    }

    [Fact]
    public void Ordering_by_a_lookup_sorts_by_the_referenced_records_current_name()
    {
        foreach (var name in new[] { "Echo", "Delta", "Charlie", "Bravo", "Alpha" })
        {
            var account = Service.Create(new Entity("account") { ["name"] = name });
            Service.Create(new Entity("opportunity") { ["name"] = name + " deal", ["parentaccountid"] = new EntityReference("account", account) });
        }

        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("parentaccountid", OrderType.Ascending);

        Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).Should().Equal("Alpha deal", "Bravo deal", "Charlie deal", "Delta deal", "Echo deal");
    }
}
