using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

/// <summary>What the engine does not implement fails loudly, naming the culprit, instead of returning different rows.</summary>
public class UnsupportedQueryTests
{
    private readonly QueryWorld _world = new();

    public UnsupportedQueryTests() => _world.Opportunity("Any", ("createdon", QueryWorld.Now));

    [Theory]
    [InlineData(ConditionOperator.Under)]
    [InlineData(ConditionOperator.ThisMonth)]
    [InlineData(ConditionOperator.InFiscalYear)]
    [InlineData(ConditionOperator.EqualBusinessId)]
    public void Unsupported_operator_fails_naming_it(ConditionOperator op)
    {
        FluentActions.Invoking(() => _world.OpportunitiesWhere("createdon", op))
            .Should().Throw<UnsupportedQueryException>()
            .Where(e => e.Feature.Contains($"ConditionOperator.{op}"));
    }

    [Fact]
    public void Contains_is_a_full_text_search_and_fails_suggesting_Like()
    {
        FluentActions.Invoking(() => _world.OpportunitiesWhere("name", ConditionOperator.Contains, "Any"))
            .Should().Throw<UnsupportedQueryException>().WithMessage("*ConditionOperator.Contains*Like*");
    }

    [Fact]
    public void Column_comparison_fails()
    {
        var query = new QueryExpression("opportunity");
        query.Criteria.AddCondition("createdon", ConditionOperator.Equal, true, "modifiedon");

        FluentActions.Invoking(() => _world.Run(query)).Should().Throw<UnsupportedQueryException>().WithMessage("*CompareColumns*");
    }

    [Fact]
    public void Long_term_retention_data_source_fails()
    {
        var query = new QueryExpression("opportunity") { DataSource = "retained" };

        FluentActions.Invoking(() => _world.Run(query)).Should().Throw<UnsupportedQueryException>().WithMessage("*DataSource*");
    }

    [Theory]
    [InlineData("""<fetch aggregate="true"><entity name="opportunity"><attribute name="estimatedvalue" alias="s" aggregate="sum" /></entity></fetch>""", "*aggregate 'sum'*")]
    [InlineData("""<fetch aggregate="true"><entity name="opportunity"><attribute name="salesstage" alias="g" groupby="true" /><attribute name="opportunityid" alias="n" aggregate="count" /></entity></fetch>""", "*groupby*")]
    [InlineData("""<fetch><entity name="opportunity"><filter><condition attribute="createdon" operator="this-month" /></filter></entity></fetch>""", "*operator 'this-month'*")]
    [InlineData("""<fetch><entity name="opportunity"><filter><condition attribute="createdon" operator="gt" valueof="modifiedon" /></filter></entity></fetch>""", "*valueof*")]
    [InlineData("""<fetch><entity name="opportunity"><link-entity name="account" from="accountid" to="parentaccountid" link-type="exists" /></entity></fetch>""", "*link-type 'exists'*")]
    [InlineData("""<fetch><entity name="opportunity"><attribute name="name" /><unknown /></entity></fetch>""", "*<unknown>*")]
    [InlineData("""<fetch datasource="retained"><entity name="opportunity" /></fetch>""", "*'datasource'*<fetch>*")]
    [InlineData("""<fetch><entity name="opportunity"><link-entity name="account" /></entity></fetch>""", "*without both from and to*")]
    public void Unsupported_FetchXML_fails_naming_the_element_attribute_or_operator(string fetchXml, string message)
    {
        FluentActions.Invoking(() => _world.Fetch(fetchXml)).Should().Throw<UnsupportedQueryException>().WithMessage(message);
    }

    [Theory]
    [InlineData("<fetch><entity name=\"opportunity\"></fetch>", "*not well-formed*")]
    [InlineData("<query />", "*must start with <fetch>*")]
    [InlineData("<fetch><entity /></fetch>", "*needs a name attribute*")]
    [InlineData("""<fetch><entity name="opportunity"><attribute name="opportunityid" alias="n" aggregate="count" /></entity></fetch>""", "*aggregate=\"true\"*")]
    [InlineData("""<fetch aggregate="true"><entity name="opportunity"><attribute name="name" /><attribute name="opportunityid" alias="n" aggregate="count" /></entity></fetch>""", "*needs aggregate*")]
    [InlineData("""<fetch aggregate="true"><entity name="opportunity"><attribute name="opportunityid" aggregate="count" /></entity></fetch>""", "*needs an alias*")]
    public void Invalid_FetchXML_fails_with_the_reason(string fetchXml, string message)
    {
        FluentActions.Invoking(() => _world.Fetch(fetchXml)).Should().Throw<InvalidQueryException>().WithMessage(message);
    }

    [Fact]
    public void A_query_without_a_table_fails()
    {
        FluentActions.Invoking(() => _world.Run(new QueryExpression())).Should().Throw<InvalidQueryException>().WithMessage("*EntityName*");
    }
}
