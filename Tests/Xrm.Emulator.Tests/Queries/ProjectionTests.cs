using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Tests.Queries;

public class ProjectionTests
{
    private readonly QueryWorld _world = new();

    [Fact]
    public void Retrieve_returns_copies_so_changing_a_result_does_not_change_the_store()
    {
        var account = _world.Account("Contoso");
        _world.Opportunity("Renewal", ("estimatedvalue", new Money(100m)), ("parentaccountid", account.ToEntityReference()));
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue", "parentaccountid") };

        var first = _world.Run(query).Entities.Single();
        first["name"] = "Changed";
        first.GetAttributeValue<Money>("estimatedvalue").Value = 1m;
        first.GetAttributeValue<EntityReference>("parentaccountid").Id = System.Guid.NewGuid();

        var again = _world.Run(query).Entities.Single();
        again.GetAttributeValue<string>("name").Should().Be("Renewal");
        again.GetAttributeValue<Money>("estimatedvalue").Value.Should().Be(100m);
        again.GetAttributeValue<EntityReference>("parentaccountid").Id.Should().Be(account.Id);
    }

    [Fact]
    public void Only_the_requested_columns_come_back_with_the_primary_id_the_logical_name_and_the_id()
    {
        var stored = _world.Opportunity("Renewal", ("estimatedvalue", new Money(100m)), ("salesstage", new OptionSetValue(1)));

        var row = _world.Run(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") }).Entities.Single();

        row.LogicalName.Should().Be("opportunity");
        row.Id.Should().Be(stored.Id);
        row.Attributes.Keys.Should().BeEquivalentTo("name", "opportunityid");
        row["opportunityid"].Should().Be(stored.Id);
    }

    [Fact]
    public void Requested_columns_without_a_value_are_absent()
    {
        _world.Opportunity("Renewal", ("coach_buyertrigger", null));

        var row = _world.Run(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "coach_buyertrigger", "coach_buyerpersona") }).Entities.Single();

        row.Attributes.Keys.Should().BeEquivalentTo("name", "opportunityid");
    }

    [Fact]
    public void AllColumns_returns_every_stored_column_that_has_a_value()
    {
        _world.Opportunity("Renewal", ("estimatedvalue", new Money(100m)), ("coach_buyertrigger", null));

        var row = _world.Run(new QueryExpression("opportunity") { ColumnSet = new ColumnSet(true) }).Entities.Single();

        row.Attributes.Keys.Should().BeEquivalentTo("name", "opportunityid", "estimatedvalue");
    }

    [Fact]
    public void An_empty_column_set_returns_only_the_id()
    {
        _world.Opportunity("Renewal");

        var row = _world.Run(new QueryExpression("opportunity")).Entities.Single();

        row.Attributes.Keys.Should().Equal("opportunityid");
    }

    [Fact]
    public void Activities_return_their_id_as_activityid()
    {
        var task = _world.Add("task", ("subject", "Prep"));

        var row = _world.Run(new QueryExpression("task") { ColumnSet = new ColumnSet("subject") }).Entities.Single();

        row["activityid"].Should().Be(task.Id);
        row.Id.Should().Be(task.Id);
    }

    [Fact]
    public void The_result_collection_names_its_table()
    {
        _world.Opportunity("Renewal");

        _world.Run(new QueryExpression("opportunity")).EntityName.Should().Be("opportunity");
    }

    [Fact]
    public void Distinct_removes_duplicate_rows_and_leaves_out_the_primary_id()
    {
        _world.Opportunity("Same");
        _world.Opportunity("same");
        _world.Opportunity("Other");
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name"), Distinct = true };

        var rows = _world.Run(query).Entities;

        rows.Select(r => r.GetAttributeValue<string>("name")).Should().Equal("Same", "Other");
        rows.Should().OnlyContain(r => !r.Contains("opportunityid"));
    }

    [Fact]
    public void Distinct_with_the_primary_id_requested_returns_each_record_once_despite_a_one_to_many_link()
    {
        var contoso = _world.Account("Contoso");
        _world.Opportunity("Renewal", ("parentaccountid", contoso.ToEntityReference()));
        _world.Opportunity("Expansion", ("parentaccountid", contoso.ToEntityReference()));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "accountid"), Distinct = true };
        query.AddLink("opportunity", "accountid", "parentaccountid");

        var rows = _world.Run(query).Entities;

        rows.Should().ContainSingle().Which.Id.Should().Be(contoso.Id);
    }

    [Fact]
    public void Formatted_values_of_returned_columns_are_copied()
    {
        var row = new Entity("opportunity", System.Guid.NewGuid());
        row["opportunityid"] = row.Id;
        row["salesstage"] = new OptionSetValue(1);
        row.FormattedValues["salesstage"] = "Develop";
        _world.Store.Insert(row);

        var result = _world.Run(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("salesstage") }).Entities.Single();

        result.FormattedValues["salesstage"].Should().Be("Develop");
    }

    [Fact]
    public void A_dotted_column_name_in_the_root_column_set_fails_pointing_to_LinkEntity_Columns()
    {
        _world.Opportunity("Renewal");

        FluentActions.Invoking(() => _world.Run(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("acc.name") }))
            .Should().Throw<Xrm.Emulator.Queries.InvalidQueryException>().WithMessage("*acc.name*LinkEntity.Columns*");
    }
}
