using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Sdk.Local.Tests;

/// <summary>
/// Behaviour of the stand-in that the plugin code relies on, written to the real SDK's semantics so that code
/// tested against the stand-in behaves the same against Microsoft.Xrm.Sdk.
/// </summary>
public class StandInBehaviourTests
{
    private static readonly Guid AccountId = new("5b0e3c1a-7f2d-4c55-9a43-2f1e8d6c0b11");

    // ---- Entity ---------------------------------------------------------------------------------------------

    [Fact]
    public void GetAttributeValue_returns_default_for_a_missing_column()
    {
        var entity = new Entity("account");

        entity.GetAttributeValue<string>("name").Should().BeNull();
        entity.GetAttributeValue<int>("numberofemployees").Should().Be(0);
        entity.GetAttributeValue<int?>("numberofemployees").Should().BeNull();
        entity.GetAttributeValue<OptionSetValue>("statuscode").Should().BeNull();
        entity.GetAttributeValue<Guid>("parentaccountid").Should().Be(Guid.Empty);
    }

    [Fact]
    public void GetAttributeValue_returns_default_for_a_column_set_to_null()
    {
        var entity = new Entity("account") { ["numberofemployees"] = null };

        entity.GetAttributeValue<int>("numberofemployees").Should().Be(0);
    }

    [Fact]
    public void GetAttributeValue_returns_the_typed_value_of_a_present_column()
    {
        var entity = new Entity("account") { ["name"] = "Contoso", ["revenue"] = new Money(12.5m) };

        entity.GetAttributeValue<string>("name").Should().Be("Contoso");
        entity.GetAttributeValue<Money>("revenue").Value.Should().Be(12.5m);
    }

    [Fact]
    public void The_indexer_throws_KeyNotFoundException_for_a_missing_column()
    {
        var entity = new Entity("account");

        var read = () => entity["name"];

        read.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void Setting_a_column_to_null_keeps_the_key()
    {
        var entity = new Entity("account") { ["name"] = "Contoso" };

        entity["name"] = null;

        entity.Contains("name").Should().BeTrue();
        entity["name"].Should().BeNull();
        entity.Attributes.Count.Should().Be(1);
    }

    [Fact]
    public void Contains_tells_whether_a_column_is_present()
    {
        var entity = new Entity("account") { ["name"] = "Contoso" };

        entity.Contains("name").Should().BeTrue();
        entity.Contains("telephone1").Should().BeFalse();
    }

    [Fact]
    public void ToEntityReference_carries_the_logical_name_and_id()
    {
        var entity = new Entity("account", AccountId);

        var reference = entity.ToEntityReference();

        reference.LogicalName.Should().Be("account");
        reference.Id.Should().Be(AccountId);
    }

    // ---- Value equality ---------------------------------------------------------------------------------------

    [Fact]
    public void EntityReferences_with_the_same_logical_name_and_id_are_equal()
    {
        var first = new EntityReference("account", AccountId) { Name = "Contoso" };
        var second = new EntityReference("account", AccountId);

        first.Equals(second).Should().BeTrue();
        first.GetHashCode().Should().Be(second.GetHashCode());
        first.Equals(new EntityReference("contact", AccountId)).Should().BeFalse();
        first.Equals(new EntityReference("account", Guid.NewGuid())).Should().BeFalse();
        first.Equals(null).Should().BeFalse();
    }

    [Fact]
    public void OptionSetValues_with_the_same_value_are_equal()
    {
        new OptionSetValue(1).Equals(new OptionSetValue(1)).Should().BeTrue();
        new OptionSetValue(1).GetHashCode().Should().Be(new OptionSetValue(1).GetHashCode());
        new OptionSetValue(1).Equals(new OptionSetValue(2)).Should().BeFalse();
    }

    [Fact]
    public void Money_with_the_same_value_is_equal()
    {
        new Money(10m).Equals(new Money(10m)).Should().BeTrue();
        new Money(10m).GetHashCode().Should().Be(new Money(10m).GetHashCode());
        new Money(10m).Equals(new Money(11m)).Should().BeFalse();
    }

    [Fact]
    public void Value_equality_makes_SDK_values_usable_as_dictionary_keys()
    {
        var seen = new HashSet<object> { new EntityReference("account", AccountId), new OptionSetValue(3), new Money(1m) };

        seen.Should().Contain(new EntityReference("account", AccountId));
        seen.Should().Contain(new OptionSetValue(3));
        seen.Should().Contain(new Money(1m));
    }

    // ---- Collections ----------------------------------------------------------------------------------------

    [Fact]
    public void ParameterCollection_TryGetValue_of_T_returns_a_present_typed_value()
    {
        var parameters = new ParameterCollection { { "Target", new Entity("account") } };

        parameters.TryGetValue<Entity>("Target", out var target).Should().BeTrue();
        target.LogicalName.Should().Be("account");
    }

    [Fact]
    public void ParameterCollection_TryGetValue_of_T_returns_false_for_a_missing_key()
    {
        var parameters = new ParameterCollection();

        parameters.TryGetValue<Entity>("Target", out var target).Should().BeFalse();
        target.Should().BeNull();
    }

    [Fact]
    public void DataCollection_TryGetValue_finds_present_keys_only()
    {
        DataCollection<string, object> attributes = new AttributeCollection { { "name", "Contoso" } };

        attributes.TryGetValue("name", out var name).Should().BeTrue();
        name.Should().Be("Contoso");
        attributes.TryGetValue("telephone1", out var missing).Should().BeFalse();
        missing.Should().BeNull();
    }

    [Fact]
    public void EntityCollection_Entities_can_be_changed()
    {
        var collection = new EntityCollection();
        var account = new Entity("account");

        collection.Entities.Add(account);
        collection.Entities.Add(new Entity("contact"));
        collection.Entities.RemoveAt(1);

        collection.Entities.Should().ContainSingle().Which.Should().BeSameAs(account);
        collection[0].Should().BeSameAs(account);
    }

    [Fact]
    public void EntityCollection_built_from_a_list_holds_its_entities()
    {
        var account = new Entity("account");

        new EntityCollection(new List<Entity> { account }).Entities.Should().Equal(account);
    }

    // ---- Query ------------------------------------------------------------------------------------------------

    [Fact]
    public void ColumnSet_takes_column_names_as_params()
    {
        var columns = new ColumnSet("name", "telephone1");

        columns.Columns.Should().Equal("name", "telephone1");
        columns.AllColumns.Should().BeFalse();
    }

    [Fact]
    public void ColumnSet_can_ask_for_all_columns()
    {
        new ColumnSet(true).AllColumns.Should().BeTrue();
        new ColumnSet().AllColumns.Should().BeFalse();
        new ColumnSet().Columns.Should().BeEmpty();
    }

    [Fact]
    public void QueryExpression_starts_with_an_empty_and_filter_no_links_and_paging_info()
    {
        var query = new QueryExpression("account");

        query.EntityName.Should().Be("account");
        query.Criteria.Should().NotBeNull();
        query.Criteria.FilterOperator.Should().Be(LogicalOperator.And);
        query.Criteria.Conditions.Should().BeEmpty();
        query.LinkEntities.Should().BeEmpty();
        query.PageInfo.Should().NotBeNull();
    }
}
