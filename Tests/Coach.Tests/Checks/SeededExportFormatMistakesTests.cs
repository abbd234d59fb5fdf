using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Coach.Checks;
using Coach.Commands;
using Coach.Packaging;
using Coach.Tests.SolutionSource;
using static Coach.Tests.Checks.CheckTestSupport;

namespace Coach.Tests.Checks;

/// <summary>
/// Each test seeds into a copy of the repository one way Solution/src can differ from what real Dataverse exports
/// look like (and from CustomizationsSolution.xsd), and expects coach check to call it an error.
/// </summary>
public class SeededExportFormatMistakesTests
{
    private const string Session = "Solution/src/Entities/coach_microcoachingsession/Entity.xml";
    private const string SessionForm = "Solution/src/Entities/coach_microcoachingsession/FormXml/main/{25cd0688-1bb2-5c1f-ab35-0373aed4cf9b}.xml";
    private const string OpportunityTable = "Solution/src/Entities/Opportunity/Entity.xml";
    private const string OpportunityForm = "Solution/src/Entities/Opportunity/FormXml/main/{bb66ee2d-c921-5696-aebe-a3dff66b1898}.xml";
    private const string WorkflowAssembly = "Solution/src/PluginAssemblies/Coaching.Workflows-4A6BFA70-4A04-4EE7-B165-EF09B54136DF/Coaching.Workflows.dll.data.xml";
    private const string StartApi = "Solution/src/customapis/coach_StartMicroCoaching/customapi.xml";
    private const string Manifest = "Solution/src/Other/Solution.xml";

    [Fact]
    public void The_repository_as_it_is_has_none_of_these_errors()
    {
        var report = Check(TestRepo.Layout);

        report.Findings.Where(f => f.Severity == Severity.Error).Should().BeEmpty(Describe(report));
        report.Findings.Should().NotContain(f => f.Message.Contains("SdkMessageId"), "every step names its message by a known id");
    }

    [Fact]
    public void A_step_with_an_empty_message_id_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile("IcpFitPlugin: Update of opportunity"), xml => xml.Replace("<SdkMessageId>20bebb1b-ea3e-db11-86a7-000a3a5473e8</SdkMessageId>", "<SdkMessageId></SdkMessageId>"));

        Errors(repo, Rules.StepMessage).Should().ContainSingle().Which.Message.Should().Contain("empty SdkMessageId");
    }

    [Fact]
    public void A_malformed_guid_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile("SessionWorkflowPlugin: Update of coach_microcoachingsession\" SdkMessageProcessingStepId=\"{2a85"),
            xml => xml.Replace("{21b2a5bf-e773-4756-b31c-a75fe4b5aa83}", "{21b2a5bf-e773-4756-b31c}"));

        Errors(repo, Rules.Guid).Should().ContainSingle().Which.Message.Should().Contain("'{21b2a5bf-e773-4756-b31c}', not a GUID");
    }

    [Fact]
    public void A_lookup_without_a_relationship_fails_the_check()
    {
        using var repo = TempRepo.Create();
        File.Delete(repo.PathOf("Solution/src/Other/Relationships/SystemUser.xml"));
        File.Delete(repo.PathOf("Solution/src/Other/Relationships.xml"));

        Errors(repo, Rules.Lookup).Should().ContainSingle().Which.Message.Should().Contain("coach_microcoachingsession.coach_repid' has no relationship");
    }

    [Fact]
    public void A_subgrid_view_id_that_is_not_a_guid_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit("Solution/src/Entities/Opportunity/FormXml/main/{bb66ee2d-c921-5696-aebe-a3dff66b1898}.xml",
            xml => xml.Replace("<ViewId>{26143cc3-8a40-535a-bf49-f181344cac46}</ViewId>", "<ViewId>Coaching sessions this week</ViewId>"));

        Errors(repo, Rules.Guid).Should().ContainSingle().Which.Message.Should().Contain("<ViewId> holds 'Coaching sessions this week', not a GUID");
    }

    [Fact]
    public void A_relationship_naming_a_column_the_table_does_not_define_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit("Solution/src/Other/Relationships/SystemUser.xml", xml => xml.Replace("<ReferencingAttributeName>coach_repid<", "<ReferencingAttributeName>coach_coachid<"));

        var messages = Errors(repo, Rules.Lookup).Select(f => f.Message).ToList();

        messages.Should().Contain(m => m.Contains("names coach_microcoachingsession.coach_coachid, which Solution/src does not define"));
        messages.Should().Contain(m => m.Contains("coach_repid' has no relationship"));
    }

    [Fact]
    public void A_relationship_missing_from_the_relationships_index_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit("Solution/src/Other/Relationships.xml", xml => xml.Replace("coach_microcoachingsession_repid_systemuser", "coach_microcoachingsession_coachid_systemuser"));

        var messages = Errors(repo, Rules.Lookup).Select(f => f.Message).ToList();

        messages.Should().Contain(m => m.Contains("'coach_microcoachingsession_repid_systemuser' is not listed in Solution/src/Other/Relationships.xml"));
        messages.Should().Contain(m => m.Contains("lists 'coach_microcoachingsession_coachid_systemuser', which no file in Other/Relationships/ defines"));
    }

    [Fact]
    public void A_lookup_type_holding_a_table_name_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Session, xml => xml.Replace("<LookupTypes />", "<LookupTypes><LookupType id=\"00000000-0000-0000-0000-000000000000\">systemuser</LookupType></LookupTypes>"));

        Errors(repo, Rules.Lookup).Should().ContainSingle().Which.Message.Should().Contain("LookupType 'systemuser' is not an integer object type code");
    }

    [Fact]
    public void A_new_table_without_primary_key_and_with_an_invented_primary_name_element_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Session, xml => xml
            .Replace("<Type>primarykey</Type>", "<Type>uniqueidentifier</Type>")
            .Replace("PrimaryName|ValidForAdvancedFind", "ValidForAdvancedFind")
            .Replace("      <HasRelatedNotes>", "      <PrimaryNameAttribute>subject</PrimaryNameAttribute>\n      <HasRelatedNotes>"));

        var messages = Errors(repo, Rules.TablePrimary).Select(f => f.Message).ToList();

        messages.Should().Contain(m => m.Contains("exactly one primarykey attribute, 'activityid'"));
        messages.Should().Contain(m => m.Contains("DisplayMask includes PrimaryName") && m.Contains("found 0"));
        messages.Should().Contain(m => m.Contains("<PrimaryNameAttribute> is not an element"));
    }

    [Fact]
    public void A_new_activity_without_its_states_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Session, xml => xml.Replace("invariantname=\"Canceled\"", "invariantname=\"Cancelled\""));

        Errors(repo, Rules.TablePrimary).Should().ContainSingle().Which.Message.Should().Contain("0 Open, 1 Completed, 2 Canceled");
    }

    [Fact]
    public void Step_children_out_of_schema_order_fail_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile("StageGatePlugin: Update of opportunity\""), xml => xml
            .Replace("  <Mode>0</Mode>\n", string.Empty)
            .Replace("  <Stage>", "  <Mode>0</Mode>\n  <Stage>"));

        Errors(repo, Rules.ElementOrder).Should().ContainSingle().Which.Message.Should().Contain("<Mode> comes after <EventHandlerTypeCode>");
    }

    [Fact]
    public void Plugin_type_children_out_of_schema_order_fail_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(WorkflowAssembly, xml => xml
            .Replace("      <FriendlyName>EvaluateIcpFit</FriendlyName>\n", string.Empty)
            .Replace("Coaching.Workflows.Activities.EvaluateIcpFit\">\n", "Coaching.Workflows.Activities.EvaluateIcpFit\">\n      <WorkflowActivityGroupName>Coaching Plugins (1.0.0.0)</WorkflowActivityGroupName>\n      <FriendlyName>EvaluateIcpFit</FriendlyName>\n")
            .Replace("      <FriendlyName>EvaluateIcpFit</FriendlyName>\n      <WorkflowActivityGroupName>Coaching Plugins (1.0.0.0)</WorkflowActivityGroupName>\n    </PluginType>", "      <FriendlyName>EvaluateIcpFit</FriendlyName>\n    </PluginType>"));

        Errors(repo, Rules.ElementOrder).Should().ContainSingle().Which.Message.Should().Contain("plugin type 'Coaching.Workflows.Activities.EvaluateIcpFit': <FriendlyName> comes after <WorkflowActivityGroupName>");
    }

    [Fact]
    public void Custom_api_children_out_of_alphabetical_order_fail_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(StartApi, xml => xml
            .Replace("  <bindingtype>1</bindingtype>\n", string.Empty)
            .Replace("  <workflowsdkstepenabled>", "  <bindingtype>1</bindingtype>\n  <workflowsdkstepenabled>"));

        Errors(repo, Rules.ElementOrder).Should().ContainSingle().Which.Message.Should().Contain("custom API 'coach_StartMicroCoaching': children are out of order");
    }

    [Fact]
    public void Header_cells_and_controls_that_reuse_the_body_ids_fail_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(SessionForm, xml =>
        {
            var header = xml.IndexOf("<header ", StringComparison.Ordinal);
            var bodyCell = xml.Substring(xml.IndexOf("<cell id=\"{fae82068", StringComparison.Ordinal) + 10, 38);
            var headerCellStart = xml.IndexOf("<cell id=\"", header, StringComparison.Ordinal) + 10;
            var withCell = xml.Substring(0, headerCellStart) + bodyCell + xml.Substring(headerCellStart + 38);
            return withCell.Replace("<control id=\"header_coach_step\"", "<control id=\"coach_step\"");
        });

        var messages = Errors(repo, Rules.FormIds).Select(f => f.Message).ToList();

        messages.Should().Contain(m => m.Contains("cell id '{fae82068-34f3-5088-bfe9-2750d4a3c690}' is used 2 times"));
        messages.Should().Contain(m => m.Contains("control id 'coach_step' is used 2 times"));
        messages.Should().Contain(m => m.Contains("Header control 'coach_step' shows coach_step; header controls are named 'header_coach_step'"));
    }

    [Fact]
    public void A_custom_api_linked_by_type_name_with_a_localized_name_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(StartApi, xml => xml
            .Replace("<plugintypeid>118c557c-b5cc-46e1-9a85-d1c0ba542f95</plugintypeid>", "<plugintypeexportkey>Coaching.Plugins.EntryPoints.StartMicroCoachingApi</plugintypeexportkey>")
            .Replace("<name>coach_StartMicroCoaching</name>", "<name default=\"coach_StartMicroCoaching\"><label description=\"coach_StartMicroCoaching\" languagecode=\"1033\" /></name>"));

        var messages = Errors(repo, Rules.CustomApiFormat).Select(f => f.Message).ToList();

        messages.Should().Contain(m => m.Contains("links its plugin by <plugintypeexportkey>"));
        messages.Should().Contain(m => m.Contains("<name> is a plain string"));
    }

    [Fact]
    public void A_custom_api_linked_to_a_plugin_type_the_assembly_does_not_declare_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(StartApi, xml => xml.Replace("118c557c-b5cc-46e1-9a85-d1c0ba542f95", "0f9b7b6e-2d55-4c1e-9a77-5d1c3e8a4b21"));

        Errors(repo, Rules.CustomApi).Should().ContainSingle().Which.Message.Should().Contain("{0f9b7b6e-2d55-4c1e-9a77-5d1c3e8a4b21}' is not registered");
    }

    [Fact]
    public void A_privilege_dataverse_does_not_have_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit("Solution/src/Roles/Sales Coach.xml", xml => xml.Replace(
            "    <RolePrivilege name=\"prvReadUser\" level=\"Local\" />",
            "    <RolePrivilege name=\"prvReadUser\" level=\"Local\" />\n    <RolePrivilege name=\"prvReadEnvironmentVariableValue\" level=\"Global\" />"));

        Errors(repo, Rules.RolePrivileges).Should().ContainSingle().Which.Message.Should().Contain("prvReadEnvironmentVariableValue is not a privilege Dataverse has");
    }

    [Fact]
    public void A_platform_table_shell_marked_unmodified_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(OpportunityTable, xml => xml.Replace("<entity Name=\"Opportunity\">", "<entity Name=\"Opportunity\" unmodified=\"1\">"));

        Errors(repo, Rules.SystemTableShell).Should().ContainSingle().Which.Message.Should().Contain("'opportunity' is marked unmodified=\"1\"");
    }

    [Fact]
    public void A_plugin_assembly_root_component_without_its_full_name_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Manifest, xml => xml.Replace(" schemaName=\"Coaching.Workflows, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0c7c2b9d90459f2c\"", string.Empty));

        Errors(repo, Rules.RootComponents).Should().ContainSingle().Which.Message.Should().Contain("carries schemaName, the assembly's full name (\"Coaching.Workflows, Version=1.0.0.0");
    }

    [Fact]
    public void Check_fix_writes_plugin_assemblies_with_their_full_name()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Manifest, xml => xml.Replace(" schemaName=\"Coaching.Workflows, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0c7c2b9d90459f2c\"", string.Empty));

        Coach.SolutionSource.RootComponentsPlanner.Apply(Coach.SolutionSource.SolutionSourceReader.Read(repo.Layout), out _);

        repo.Read(Manifest).Should().Contain("id=\"{4a6bfa70-4a04-4ee7-b165-ef09b54136df}\" schemaName=\"Coaching.Workflows, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0c7c2b9d90459f2c\"");
        Errors(repo, Rules.RootComponents).Should().BeEmpty();
    }

    [Fact]
    public void Pack_refuses_with_exit_code_2_and_the_messages_check_gives()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Session, xml => xml.Replace("<LookupTypes />", "<LookupTypes><LookupType id=\"00000000-0000-0000-0000-000000000000\">systemuser</LookupType></LookupTypes>"));
        var error = Errors(repo, Rules.Lookup).Single();

        var root = new RootCommand { PackCommand.Create() };
        using var output = new StringWriter();
        var exit = root.Parse(new[] { "pack", "--repo", repo.Root, "--out", Path.Combine(repo.Root, "out"), "-c", TestRepo.Configuration })
            .Invoke(new InvocationConfiguration { Output = output, Error = output });

        exit.Should().Be(PackCommand.Failed);
        output.ToString().Should().Contain("coach check finds 1 error").And.Contain(error.ToString());
        Directory.Exists(Path.Combine(repo.Root, "out")).Should().BeFalse("no package is written");
        var pack = () => SolutionPacker.Pack(repo.Layout, new PackOptions { Configuration = TestRepo.Configuration });
        pack.Should().Throw<PackException>().WithMessage("*" + error.Message + "*");
    }

    [Fact]
    public void A_form_using_a_control_the_solution_does_not_ship_or_describing_no_control_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(OpportunityForm, xml => xml
            .Replace("<customControl name=\"coach_Coaching.CoachingPanel\" formFactor=\"2\">", "<customControl name=\"coach_Coaching.CoachingPanl\" formFactor=\"2\">", StringComparison.Ordinal)
            .Replace("datafieldname=\"coach_icpfitscore\" disabled=\"true\" uniqueid=\"{53ffd7c8-6ba9-5351-b261-ffd3ea110428}\"", "datafieldname=\"coach_icpfitscore\" disabled=\"true\"", StringComparison.Ordinal));

        var messages = Errors(repo, Rules.FormCustomControls).Select(f => f.Message).ToList();

        messages.Should().Contain(m => m.Contains("uses the code component 'coach_Coaching.CoachingPanl', which the solution does not ship"));
        messages.Should().Contain(m => m.Contains("controlDescription forControl '{53ffd7c8-6ba9-5351-b261-ffd3ea110428}' is the uniqueid of no control in the form"));
        Check(TestRepo.Layout).For(Rules.FormCustomControls).Should().BeEmpty("the repository's own forms pass");
    }

    private static System.Collections.Generic.IReadOnlyList<Finding> Errors(TempRepo repo, string rule) =>
        Check(repo.Layout).For(rule).Where(f => f.Severity == Severity.Error).ToList();
}
