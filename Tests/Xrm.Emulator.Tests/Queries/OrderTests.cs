using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Tests.Queries;

public class OrderTests
{
    private readonly QueryWorld _world = new();

    private static QueryExpression Opportunities() => new("opportunity") { ColumnSet = new ColumnSet("name") };

    [Fact]
    public void Without_an_order_rows_come_in_insertion_order()
    {
        _world.Opportunity("Zulu");
        _world.Opportunity("Alpha");
        _world.Opportunity("Mike");

        _world.Names(Opportunities()).Should().Equal("Zulu", "Alpha", "Mike");
    }

    [Fact]
    public void Several_orders_apply_in_turn_ascending_or_descending()
    {
        _world.Opportunity("B low", ("salesstage", new OptionSetValue(1)), ("estimatedvalue", new Money(10m)));
        _world.Opportunity("A high", ("salesstage", new OptionSetValue(0)), ("estimatedvalue", new Money(90m)));
        _world.Opportunity("B high", ("salesstage", new OptionSetValue(1)), ("estimatedvalue", new Money(90m)));
        _world.Opportunity("A low", ("salesstage", new OptionSetValue(0)), ("estimatedvalue", new Money(10m)));
        var query = Opportunities();
        query.AddOrder("salesstage", OrderType.Ascending);
        query.AddOrder("estimatedvalue", OrderType.Descending);

        _world.Names(query).Should().Equal("A high", "A low", "B high", "B low");
    }

    [Fact]
    public void Nulls_come_first_ascending_and_last_descending_like_SQL_Server()
    {
        _world.Opportunity("Ten", ("coach_icpfitscore", 10));
        _world.Opportunity("Unscored");
        _world.Opportunity("Five", ("coach_icpfitscore", 5));
        var ascending = Opportunities();
        ascending.AddOrder("coach_icpfitscore", OrderType.Ascending);
        var descending = Opportunities();
        descending.AddOrder("coach_icpfitscore", OrderType.Descending);

        _world.Names(ascending).Should().Equal("Unscored", "Five", "Ten");
        _world.Names(descending).Should().Equal("Ten", "Five", "Unscored");
    }

    [Fact]
    public void Equal_keys_keep_insertion_order()
    {
        _world.Opportunity("First", ("salesstage", new OptionSetValue(1)));
        _world.Opportunity("Second", ("salesstage", new OptionSetValue(1)));
        _world.Opportunity("Third", ("salesstage", new OptionSetValue(0)));
        var query = Opportunities();
        query.AddOrder("salesstage", OrderType.Descending);

        _world.Names(query).Should().Equal("First", "Second", "Third");
    }

    [Fact]
    public void Text_orders_ignore_case()
    {
        _world.Opportunity("beta");
        _world.Opportunity("Alpha");
        _world.Opportunity("Charlie");
        var query = Opportunities();
        query.AddOrder("name", OrderType.Ascending);

        _world.Names(query).Should().Equal("Alpha", "beta", "Charlie");
    }

    [Fact]
    public void An_order_can_name_a_link_alias_through_EntityName()
    {
        var zeta = _world.Account("Zeta");
        var acme = _world.Account("Acme");
        _world.Opportunity("Deal with Zeta", ("parentaccountid", zeta.ToEntityReference()));
        _world.Opportunity("Deal with Acme", ("parentaccountid", acme.ToEntityReference()));
        var query = Opportunities();
        query.AddLink("account", "parentaccountid", "accountid").EntityAlias = "acc";
        query.AddOrder("name", OrderType.Ascending, null!, "acc");

        _world.Names(query).Should().Equal("Deal with Acme", "Deal with Zeta");
    }

    [Fact]
    public void Orders_inside_a_link_entity_apply_after_the_root_orders()
    {
        var zeta = _world.Account("Zeta");
        var acme = _world.Account("Acme");
        _world.Opportunity("Stage 1 Zeta", ("salesstage", new OptionSetValue(1)), ("parentaccountid", zeta.ToEntityReference()));
        _world.Opportunity("Stage 1 Acme", ("salesstage", new OptionSetValue(1)), ("parentaccountid", acme.ToEntityReference()));
        _world.Opportunity("Stage 0 Zeta", ("salesstage", new OptionSetValue(0)), ("parentaccountid", zeta.ToEntityReference()));
        var query = Opportunities();
        query.AddOrder("salesstage", OrderType.Ascending);
        var account = query.AddLink("account", "parentaccountid", "accountid");
        account.Orders.Add(new OrderExpression("name", OrderType.Ascending));

        _world.Names(query).Should().Equal("Stage 0 Zeta", "Stage 1 Acme", "Stage 1 Zeta");
    }

    [Fact]
    public void Lookups_order_by_the_referenced_name_when_known()
    {
        _world.Opportunity("Owned by Zoe", ("ownerid", new EntityReference("systemuser", System.Guid.NewGuid()) { Name = "Zoe" }));
        _world.Opportunity("Owned by Adam", ("ownerid", new EntityReference("systemuser", System.Guid.NewGuid()) { Name = "Adam" }));
        var query = Opportunities();
        query.AddOrder("ownerid", OrderType.Ascending);

        _world.Names(query).Should().Equal("Owned by Adam", "Owned by Zoe");
    }
}
