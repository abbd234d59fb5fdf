using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Messages;

public class MessageTests
{
    private readonly XrmEmulator _emulator = new();

    private int Count(string table) => _emulator.Service().RetrieveMultiple(new QueryExpression(table)).Entities.Count;

    [Fact]
    public void Typed_requests_get_typed_responses()
    {
        var create = _emulator.Service().Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "Contoso" } });
        var id = create.Should().BeOfType<CreateResponse>().Which.id;

        var retrieve = _emulator.Service().Execute(new RetrieveRequest { Target = new EntityReference("account", id), ColumnSet = new ColumnSet("name") });
        retrieve.Should().BeOfType<RetrieveResponse>().Which.Entity["name"].Should().Be("Contoso");

        var many = _emulator.Service().Execute(new RetrieveMultipleRequest { Query = new QueryExpression("account") });
        many.Should().BeOfType<RetrieveMultipleResponse>().Which.EntityCollection.Entities.Should().ContainSingle();

        _emulator.Service().Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "x" } }).Should().BeOfType<UpdateResponse>();
        _emulator.Service().Execute(new DeleteRequest { Target = new EntityReference("account", id) }).Should().BeOfType<DeleteResponse>();
    }

    [Fact]
    public void RetrieveEntity_lists_the_columns_by_name_with_their_types_and_each_caller_gets_objects_of_its_own()
    {
        var service = _emulator.Service();
        Microsoft.Xrm.Sdk.Metadata.EntityMetadata Account() => ((RetrieveEntityResponse)service.Execute(
            new RetrieveEntityRequest { LogicalName = "account", EntityFilters = Microsoft.Xrm.Sdk.Metadata.EntityFilters.Attributes })).EntityMetadata;

        var first = Account();
        var names = first.Attributes.Select(a => a.LogicalName).ToList();
        names.Should().BeInAscendingOrder(StringComparer.Ordinal).And.Contain(new[] { "accountid", "name", "revenue", "ownerid" });
        first.Attributes.Single(a => a.LogicalName == "revenue").AttributeType.Should().Be(Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Money);
        first.Attributes.Single(a => a.LogicalName == "ownerid").AttributeType.Should().Be(Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Owner);
        first.Attributes.Single(a => a.LogicalName == "accountid").IsPrimaryId.Should().BeTrue();
        first.Attributes.Single(a => a.LogicalName == "name").IsPrimaryName.Should().BeTrue();

        first.Attributes[0].LogicalName = "changed by the caller";
        first.Attributes[0].IsSecured = true;
        var second = Account();
        second.Attributes[0].LogicalName.Should().Be(names[0]);
        second.Attributes[0].IsSecured.Should().BeFalse();
        second.Attributes.Should().NotBeSameAs(first.Attributes);
    }

    [Fact]
    public void Assign_sets_the_owner_and_runs_Assign_steps_and_Update_steps_filtered_on_ownerid()
    {
        var rep = _emulator.AddUser("Rita Rep");
        var ran = new List<string>();
        _emulator.On("Assign", "account", PipelineStage.PostOperation, p => ran.Add($"Assign to {((EntityReference)p.Context.InputParameters["Assignee"]).Id == rep}"));
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => ran.Add("Update ownerid"), filteringAttributes: new[] { "ownerid" });
        var id = _emulator.Service().Create(new Entity("account"));

        _emulator.Service().Execute(new AssignRequest { Target = new EntityReference("account", id), Assignee = new EntityReference("systemuser", rep) })
            .Should().BeOfType<AssignResponse>();

        _emulator.Service().Retrieve("account", id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id.Should().Be(rep);
        ran.Should().Equal("Update ownerid", "Assign to True");
    }

    [Fact]
    public void SetState_runs_SetState_steps_and_Update_steps_filtered_on_statecode()
    {
        // Dataverse today performs SetState as an Update of statecode/statuscode: both kinds of step run.
        var ran = new List<string>();
        _emulator.On("SetState", "task", PipelineStage.PreOperation, p => ran.Add($"SetState {((OptionSetValue)p.Context.InputParameters["State"]).Value}"));
        _emulator.On("Update", "task", PipelineStage.PostOperation, p => ran.Add($"Update depth {p.Context.Depth}"), filteringAttributes: new[] { "statecode" });
        _emulator.On("Update", "task", PipelineStage.PostOperation, p => ran.Add("Update on subject"), filteringAttributes: new[] { "subject" });
        var id = _emulator.Service().Create(new Entity("task"));

        _emulator.Service().Execute(new SetStateRequest { EntityMoniker = new EntityReference("task", id), State = new OptionSetValue(1), Status = new OptionSetValue(5) });

        ran.Should().Equal("SetState 1", "Update depth 1");
        var task = _emulator.Service().Retrieve("task", id, new ColumnSet("statecode", "statuscode"));
        task.GetAttributeValue<OptionSetValue>("statecode").Value.Should().Be(1);
        task.GetAttributeValue<OptionSetValue>("statuscode").Value.Should().Be(5);
    }

    [Fact]
    public void SetState_without_a_status_takes_the_default_status_of_the_state()
    {
        var id = _emulator.Service().Create(new Entity("task"));

        _emulator.Service().Execute(new SetStateRequest { EntityMoniker = new EntityReference("task", id), State = new OptionSetValue(1), Status = new OptionSetValue(-1) });

        _emulator.Service().Retrieve("task", id, new ColumnSet("statuscode")).GetAttributeValue<OptionSetValue>("statuscode").Value.Should().Be(5, "Completed is the default status of a completed task");
    }

    [Fact]
    public void A_new_task_starts_Not_Started_the_default_status_of_Open()
    {
        var id = _emulator.Service().Create(new Entity("task"));

        _emulator.Service().Retrieve("task", id, new ColumnSet("statuscode")).GetAttributeValue<OptionSetValue>("statuscode").Value.Should().Be(2);
    }

    [Fact]
    public void Completing_an_activity_stamps_actualend_when_it_is_empty()
    {
        var open = _emulator.Service().Create(new Entity("phonecall"));
        var alreadyEnded = _emulator.Service().Create(new Entity("phonecall") { ["actualend"] = XrmEmulator.DefaultStartTime.AddDays(-1) });
        _emulator.AdvanceTime(TimeSpan.FromHours(2));

        foreach (var id in new[] { open, alreadyEnded })
        {
            _emulator.Service().Execute(new SetStateRequest { EntityMoniker = new EntityReference("phonecall", id), State = new OptionSetValue(1), Status = new OptionSetValue(-1) });
        }

        ActualEnd(open).Should().Be(_emulator.UtcNow);
        ActualEnd(alreadyEnded).Should().Be(XrmEmulator.DefaultStartTime.AddDays(-1));
    }

    private DateTime? ActualEnd(Guid id) =>
        _emulator.Service().Retrieve("phonecall", id, new ColumnSet("actualend")).GetAttributeValue<DateTime?>("actualend");

    [Fact]
    public void Created_records_get_distinct_random_ids_as_Dataverse_gives_them()
    {
        var service = _emulator.Service();
        var ids = Enumerable.Range(0, 600).Select(i => service.Create(new Entity("account") { ["name"] = "Account " + i })).ToList();

        ids.Should().OnlyHaveUniqueItems().And.NotContain(Guid.Empty);
        // Random (version 4, RFC 4122 variant) like Guid.NewGuid: "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx".
        ids.Select(id => id.ToString()).Should().OnlyContain(text => text[14] == '4' && "89ab".Contains(text[19]));
        ids.Select(id => id.ToString()[..8]).Distinct().Count().Should().BeGreaterThan(590, "the ids are random, not a counter");
    }

    [Fact]
    public void WhoAmI_answers_the_calling_user_business_unit_and_organization()
    {
        var rep = _emulator.AddUser("Rita Rep");

        var response = (WhoAmIResponse)_emulator.Service(rep).Execute(new WhoAmIRequest());

        response.UserId.Should().Be(rep);
        response.BusinessUnitId.Should().Be(_emulator.BusinessUnitId);
        response.OrganizationId.Should().Be(_emulator.OrganizationId);
    }

    [Fact]
    public void Unknown_message_fails_naming_it()
    {
        var act = () => _emulator.Service().Execute(new OrganizationRequest("coach_DoesNotExist"));

        act.Should().Throw<XrmFaultException>().WithMessage("The emulator does not implement the message 'coach_DoesNotExist'*");
    }

    [Fact]
    public void ExecuteMultiple_continue_on_error_reports_faults_by_index()
    {
        var existing = _emulator.Service().Create(new Entity("account"));
        var missing = Guid.NewGuid();
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = new Entity("account") { ["name"] = "first" } },
                new UpdateRequest { Target = new Entity("account", missing) { ["name"] = "nobody" } },
                new UpdateRequest { Target = new Entity("account", existing) { ["name"] = "third" } },
            },
        };

        var response = (ExecuteMultipleResponse)_emulator.Service().Execute(request);

        response.IsFaulted.Should().BeTrue();
        response.Responses.Select(r => r.RequestIndex).Should().Equal(0, 1, 2);
        response.Responses[0].Response.Should().BeOfType<CreateResponse>();
        response.Responses[1].Fault.ErrorCode.Should().Be(FaultCodes.ObjectDoesNotExist);
        response.Responses[1].Fault.Message.Should().Contain(missing.ToString());
        response.Responses[2].Fault.Should().BeNull();
        Count("account").Should().Be(2, "each request is its own transaction");
    }

    [Fact]
    public void ExecuteMultiple_without_continue_on_error_stops_at_the_first_fault()
    {
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = false },
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = new Entity("account") },
                new DeleteRequest { Target = new EntityReference("account", Guid.NewGuid()) },
                new CreateRequest { Target = new Entity("account") },
            },
        };

        var response = (ExecuteMultipleResponse)_emulator.Service().Execute(request);

        response.Responses.Should().ContainSingle().Which.RequestIndex.Should().Be(1, "without ReturnResponses only faults are reported");
        Count("account").Should().Be(1);
    }

    [Fact]
    public void ExecuteTransaction_is_all_or_nothing()
    {
        var request = new ExecuteTransactionRequest
        {
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = new Entity("account") },
                new CreateRequest { Target = new Entity("contact") },
                new DeleteRequest { Target = new EntityReference("account", Guid.NewGuid()) },
            },
        };

        var act = () => _emulator.Service().Execute(request);

        var fault = act.Should().Throw<XrmFaultException>().Which;
        fault.ErrorCode.Should().Be(FaultCodes.ObjectDoesNotExist);
        fault.Fault.ErrorDetails["FaultedRequestIndex"].Should().Be(2);
        Count("account").Should().Be(0);
        Count("contact").Should().Be(0);
    }

    [Fact]
    public void ExecuteTransaction_returns_the_responses_when_asked()
    {
        var request = new ExecuteTransactionRequest
        {
            ReturnResponses = true,
            Requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("account") }, new WhoAmIRequest() },
        };

        var response = (ExecuteTransactionResponse)_emulator.Service().Execute(request);

        response.Responses.Should().HaveCount(2);
        response.Responses[0].Should().BeOfType<CreateResponse>();
        Count("account").Should().Be(1);
    }

    [Fact]
    public void Environment_variable_query_returns_the_value_row_else_the_default_value()
    {
        _emulator.SetEnvironmentVariable("coach_CoachingSettings", "{\"default\":true}");
        _emulator.SetEnvironmentVariable("coach_Other", "{\"default\":true}", "{\"current\":true}");

        ReadVariable("coach_CoachingSettings").Should().Be("{\"default\":true}");
        ReadVariable("coach_Other").Should().Be("{\"current\":true}");

        _emulator.SetEnvironmentVariable("coach_CoachingSettings", "{\"default\":true}", "{\"now set\":true}");
        ReadVariable("coach_CoachingSettings").Should().Be("{\"now set\":true}");
    }

    [Fact]
    public void GrantAccess_keeps_the_share_and_a_second_grant_widens_it()
    {
        var rep = _emulator.AddUser("Rita Rep");
        var task = _emulator.Service().Create(new Entity("task"));
        var target = new EntityReference("task", task);

        _emulator.Service().Execute(new GrantAccessRequest { Target = target, PrincipalAccess = new PrincipalAccess { Principal = new EntityReference("systemuser", rep), AccessMask = AccessRights.ReadAccess } });
        _emulator.Service().Execute(new GrantAccessRequest { Target = target, PrincipalAccess = new PrincipalAccess { Principal = new EntityReference("systemuser", rep), AccessMask = AccessRights.AppendToAccess } });

        var share = _emulator.Service().RetrieveMultiple(new QueryByAttribute("principalobjectaccess")
        {
            ColumnSet = new ColumnSet("principalid", "accessrightsmask"),
            Attributes = { "objectid" },
            Values = { task },
        }).Entities.Should().ContainSingle().Subject;
        share.GetAttributeValue<Guid>("principalid").Should().Be(rep);
        share.GetAttributeValue<int>("accessrightsmask").Should().Be((int)(AccessRights.ReadAccess | AccessRights.AppendToAccess));
    }

    [Fact]
    public void RetrieveEnvironmentVariableValue_returns_the_value_row_else_the_default_value()
    {
        _emulator.SetEnvironmentVariable("coach_CoachingSettings", "{\"default\":true}");
        _emulator.SetEnvironmentVariable("coach_Other", "{\"default\":true}", "{\"current\":true}");

        RetrieveValue("coach_CoachingSettings").Should().Be("{\"default\":true}");
        RetrieveValue("coach_Other").Should().Be("{\"current\":true}");
    }

    [Fact]
    public void RetrieveEnvironmentVariableValue_of_an_unknown_variable_fails_naming_it()
    {
        var act = () => RetrieveValue("coach_Missing");

        act.Should().Throw<XrmFaultException>().WithMessage("*'coach_Missing'*");
    }

    private string? RetrieveValue(string schemaName) =>
        (string?)_emulator.Service().Execute(new OrganizationRequest("RetrieveEnvironmentVariableValue") { ["DefinitionSchemaName"] = schemaName }).Results["Value"];

    /// <summary>The one query a plugin makes: definition by schema name, outer join to its value.</summary>
    private string? ReadVariable(string schemaName)
    {
        var query = new QueryExpression("environmentvariabledefinition") { ColumnSet = new ColumnSet("defaultvalue") };
        query.Criteria.AddCondition("schemaname", ConditionOperator.Equal, schemaName);
        var value = query.AddLink("environmentvariablevalue", "environmentvariabledefinitionid", "environmentvariabledefinitionid", JoinOperator.LeftOuter);
        value.EntityAlias = "v";
        value.Columns = new ColumnSet("value");

        var definition = _emulator.Service().RetrieveMultiple(query).Entities.Single();
        return definition.GetAttributeValue<AliasedValue>("v.value")?.Value as string ?? definition.GetAttributeValue<string>("defaultvalue");
    }
}
