using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Strictness;

/// <summary>The platform knows its tables and columns: a name it does not know fails the request wherever it appears.</summary>
public class UnknownNamesTests
{
    private readonly XrmEmulator _emulator = new();

    private IOrganizationService Service => _emulator.Service();

    private static void ShouldFail(Action act, int code, string message) =>
        act.Should().Throw<XrmFaultException>().Which.Should().Match<XrmFaultException>(f => f.ErrorCode == code && f.Message == message);

    [Fact]
    public void An_unknown_table_in_a_write_is_refused()
    {
        ShouldFail(() => Service.Create(new Entity("note") { ["subject"] = "x" }), FaultCodes.QueryBuilderNoEntity,
            "The entity with a name = 'note' with namemapping = 'Logical' was not found in the MetadataCache.");
    }

    [Fact]
    public void An_unknown_table_in_a_query_is_refused()
    {
        ShouldFail(() => Service.RetrieveMultiple(new QueryExpression("opportunities") { ColumnSet = new ColumnSet("name") }), FaultCodes.QueryBuilderNoEntity,
            "The entity with a name = 'opportunities' with namemapping = 'Logical' was not found in the MetadataCache.");
    }

    [Fact]
    public void An_unknown_column_in_a_create_or_update_is_refused()
    {
        ShouldFail(() => Service.Create(new Entity("account") { ["nmae"] = "Contoso" }), FaultCodes.QueryBuilderNoAttribute,
            "'account' entity doesn't contain attribute with Name = 'nmae' and NameMapping = 'Logical'.");
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        ShouldFail(() => Service.Update(new Entity("account", id) { ["revenu"] = new Money(1m) }), FaultCodes.QueryBuilderNoAttribute,
            "'account' entity doesn't contain attribute with Name = 'revenu' and NameMapping = 'Logical'.");
    }

    [Fact]
    public void An_unknown_column_in_a_query_condition_is_refused_instead_of_reading_as_null()
    {
        Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("industrycod", ConditionOperator.Null);

        ShouldFail(() => Service.RetrieveMultiple(query), FaultCodes.QueryBuilderNoAttribute, "'account' entity doesn't contain attribute with Name = 'industrycod'.");
    }

    [Fact]
    public void An_unknown_column_in_a_column_set_is_refused_instead_of_dropped()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        ShouldFail(() => Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name", "telephone") }),
            FaultCodes.QueryBuilderNoAttribute, "'account' entity doesn't contain attribute with Name = 'telephone'.");
        ShouldFail(() => Service.Retrieve("account", id, new ColumnSet("telephone")),
            FaultCodes.QueryBuilderNoAttribute, "'account' entity doesn't contain attribute with Name = 'telephone'.");
    }

    [Fact]
    public void An_unknown_column_in_an_order_is_refused()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("createdate", OrderType.Descending);

        ShouldFail(() => Service.RetrieveMultiple(query), FaultCodes.QueryBuilderNoAttribute, "'account' entity doesn't contain attribute with Name = 'createdate'.");
    }

    [Fact]
    public void An_unknown_table_or_column_in_a_link_entity_is_refused()
    {
        var badTable = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        badTable.AddLink("acount", "parentaccountid", "accountid");
        ShouldFail(() => Service.RetrieveMultiple(badTable), FaultCodes.QueryBuilderNoEntity,
            "The entity with a name = 'acount' with namemapping = 'Logical' was not found in the MetadataCache.");

        var badJoin = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        badJoin.AddLink("account", "accountid_parent", "accountid");
        ShouldFail(() => Service.RetrieveMultiple(badJoin), FaultCodes.QueryBuilderNoAttribute,
            "'opportunity' entity doesn't contain attribute with Name = 'accountid_parent'.");

        var badColumn = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        var link = badColumn.AddLink("account", "parentaccountid", "accountid");
        link.LinkCriteria.AddCondition("industry", ConditionOperator.Equal, 1);
        ShouldFail(() => Service.RetrieveMultiple(badColumn), FaultCodes.QueryBuilderNoAttribute,
            "'account' entity doesn't contain attribute with Name = 'industry'.");
    }

    [Fact]
    public void An_unknown_column_in_fetchxml_is_refused()
    {
        var fetch = new FetchExpression("""
            <fetch><entity name="account"><attribute name="name" /><filter><condition attribute="countryname" operator="eq" value="Norway" /></filter></entity></fetch>
            """);

        ShouldFail(() => Service.RetrieveMultiple(fetch), FaultCodes.QueryBuilderNoAttribute, "'account' entity doesn't contain attribute with Name = 'countryname'.");
    }

    [Fact]
    public void A_step_whose_image_or_filtering_attributes_name_an_unknown_column_is_refused_at_registration()
    {
        Action image = () => _emulator.On("Update", "account", PipelineStage.PostOperation, _ => { }, filteringAttributes: new[] { "name" },
            images: new ImageRegistration("pre", ImageType.PreImage, "name", "employees"));
        ShouldFail(image, FaultCodes.QueryBuilderNoAttribute, "'account' entity doesn't contain attribute with Name = 'employees'.");

        Action filtering = () => _emulator.On("Update", "account", PipelineStage.PostOperation, _ => { }, filteringAttributes: new[] { "revenu" });
        ShouldFail(filtering, FaultCodes.QueryBuilderNoAttribute, "'account' entity doesn't contain attribute with Name = 'revenu'.");

        Action table = () => _emulator.On("Update", "acount", PipelineStage.PostOperation, _ => { });
        ShouldFail(table, FaultCodes.QueryBuilderNoEntity, "The entity with a name = 'acount' with namemapping = 'Logical' was not found in the MetadataCache.");
    }
}
