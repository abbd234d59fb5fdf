using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

public class QueryByAttributeTests
{
    private readonly QueryWorld _world = new();

    public QueryByAttributeTests()
    {
        _world.Opportunity("Open early", ("statecode", new OptionSetValue(0)), ("salesstage", new OptionSetValue(0)));
        _world.Opportunity("Open late", ("statecode", new OptionSetValue(0)), ("salesstage", new OptionSetValue(3)));
        _world.Opportunity("Won early", ("statecode", new OptionSetValue(1)), ("salesstage", new OptionSetValue(0)));
    }

    [Fact]
    public void Each_attribute_and_value_pair_is_an_Equal_condition()
    {
        var query = new QueryByAttribute("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddAttributeValue("statecode", 0);
        query.AddAttributeValue("salesstage", new OptionSetValue(0));

        _world.Names(query).Should().Equal("Open early");
    }

    [Fact]
    public void Orders_and_TopCount_are_honoured()
    {
        var query = new QueryByAttribute("opportunity") { ColumnSet = new ColumnSet("name"), TopCount = 1 };
        query.AddAttributeValue("statecode", 0);
        query.AddOrder("salesstage", OrderType.Descending);

        _world.Names(query).Should().Equal("Open late");
    }

    [Fact]
    public void Paging_is_honoured()
    {
        var query = new QueryByAttribute("opportunity") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 1, PageNumber = 2 } };
        query.AddAttributeValue("salesstage", 0);

        var result = _world.Run(query);

        result.Entities.Should().ContainSingle().Which.GetAttributeValue<string>("name").Should().Be("Won early");
        result.MoreRecords.Should().BeFalse();
    }

    [Fact]
    public void A_QueryByAttribute_without_attributes_fails()
    {
        var query = new QueryByAttribute("opportunity") { ColumnSet = new ColumnSet("name") };

        FluentActions.Invoking(() => _world.Run(query))
            .Should().Throw<InvalidQueryException>().WithMessage("*no attributes*");
    }

    [Fact]
    public void A_QueryByAttribute_with_more_attributes_than_values_fails()
    {
        var query = new QueryByAttribute("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Attributes.AddRange("statecode", "salesstage");
        query.Values.Add(0);

        FluentActions.Invoking(() => _world.Run(query))
            .Should().Throw<InvalidQueryException>().WithMessage("*2 attribute(s) but 1 value(s)*");
    }
}
