using System;
using System.IO;
using System.Linq;
using Coach.Checks;
using Coach.SolutionSource;
using Coach.Tests.SolutionSource;
using static Coach.Tests.Checks.CheckTestSupport;

namespace Coach.Tests.Checks;

/// <summary>Each test seeds one mistake into a copy of the repository and expects the check that catches it.</summary>
public class SeededRegistrationMistakesTests
{
    private const string StageGateOnOpportunity = "StageGatePlugin: Update of opportunity\"";

    [Fact]
    public void An_update_step_without_filtering_attributes_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile(StageGateOnOpportunity), xml => xml.Replace("<FilteringAttributes>salesstage,stepname</FilteringAttributes>", "<FilteringAttributes />"));

        var report = Check(repo.Layout);

        report.HasErrors.Should().BeTrue();
        report.For(Rules.FilteringAttributes).Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
    }

    [Fact]
    public void A_second_registration_of_the_same_plugin_for_the_same_event_is_a_duplicate()
    {
        using var repo = TempRepo.Create();
        var original = repo.StepFile(StageGateOnOpportunity);
        var copyId = Guid.NewGuid();
        var xml = repo.Read(original);
        var originalId = xml.Substring(xml.IndexOf("SdkMessageProcessingStepId=\"{", StringComparison.Ordinal) + 29, 36);
        repo.Write($"Solution/src/SdkMessageProcessingSteps/{{{copyId}}}.xml", xml.Replace(originalId, copyId.ToString()));

        var report = Check(repo.Layout);

        report.For(Rules.DuplicateRegistration).Should().ContainSingle().Which.Message.Should().Contain("would run twice");
    }

    [Fact]
    public void A_single_and_a_bulk_step_for_the_same_event_count_as_a_duplicate()
    {
        using var repo = TempRepo.Create();
        var single = repo.StepFile("IcpFitPlugin: Update of opportunity");
        var copyId = Guid.NewGuid();
        var xml = repo.Read(single);
        var singleId = xml.Substring(xml.IndexOf("SdkMessageProcessingStepId=\"{", StringComparison.Ordinal) + 29, 36);
        repo.Write($"Solution/src/SdkMessageProcessingSteps/{{{copyId}}}.xml", xml
            .Replace(singleId, copyId.ToString())
            .Replace("Update of opportunity", "UpdateMultiple of opportunity")
            .Replace("<SdkMessageId>20bebb1b-ea3e-db11-86a7-000a3a5473e8</SdkMessageId>", "<SdkMessageId></SdkMessageId>")
            .Replace("<MessagePropertyName>Target</MessagePropertyName>", "<MessagePropertyName>Targets</MessagePropertyName>"));

        Check(repo.Layout).For(Rules.DuplicateRegistration).Should().ContainSingle()
            .Which.Message.Should().Contain("single and bulk messages are one event");
    }

    [Fact]
    public void A_step_for_a_plugin_type_that_does_not_exist_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile(StageGateOnOpportunity), xml => xml.Replace("<PluginTypeName>Coaching.Plugins.EntryPoints.StageGatePlugin,", "<PluginTypeName>Coaching.Plugins.EntryPoints.StageGuardPlugin,"));

        Check(repo.Layout).For(Rules.StepPluginType).Should().Contain(f => f.Message.Contains("'Coaching.Plugins.EntryPoints.StageGuardPlugin' is not registered"));
    }

    [Fact]
    public void A_registered_type_missing_from_the_built_assembly_fails_the_check()
    {
        using var repo = TempRepo.Create();
        var data = Directory.GetFiles(Path.Combine(repo.Src, "PluginAssemblies"), "Coaching.Plugins.dll.data.xml", SearchOption.AllDirectories).Single();
        var relative = Path.GetRelativePath(repo.Root, data);
        repo.Edit(relative, xml => xml.Replace("</PluginTypes>",
            "  <PluginType AssemblyQualifiedName=\"Coaching.Plugins.EntryPoints.GhostPlugin, Coaching.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0c7c2b9d90459f2c\" PluginTypeId=\"0d7c1f0a-3b2e-4c8a-9f61-2a4b7e9c0d13\" Name=\"Coaching.Plugins.EntryPoints.GhostPlugin\">\n      <FriendlyName>GhostPlugin</FriendlyName>\n    </PluginType>\n  </PluginTypes>"));

        var report = Check(repo.Layout);

        report.For(Rules.AssemblyTypes).Should().Contain(f => f.Severity == Severity.Error && f.Message.Contains("GhostPlugin") && f.Message.Contains("not in the built Coaching.Plugins"));
        report.For(Rules.PluginWithoutStep).Should().Contain(f => f.Message.Contains("GhostPlugin"));
    }

    [Fact]
    public void An_image_column_that_is_not_on_the_table_fails_the_check_at_the_image()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile(StageGateOnOpportunity), xml => xml.Replace("coach_nextinteractiongoal,coach_nextinteractiondate</Attributes>", "coach_nextinteractiongoal,coach_nextinteractiondate,coach_nextgoal</Attributes>"));

        var finding = Check(repo.Layout).For(Rules.StepColumns).Should().ContainSingle().Subject;

        finding.Message.Should().Contain("'coach_nextgoal' is not a column of opportunity");
        repo.Read(finding.Location.File).Split('\n')[finding.Location.Line - 1].Should().Contain("<SdkMessageProcessingStepImage");
    }

    [Fact]
    public void A_filtering_attribute_that_is_not_on_the_table_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile(StageGateOnOpportunity), xml => xml.Replace("<FilteringAttributes>salesstage,stepname</FilteringAttributes>", "<FilteringAttributes>salesstage,stagename</FilteringAttributes>"));

        Check(repo.Layout).For(Rules.StepColumns).Should().ContainSingle().Which.Message.Should().Contain("'stagename' is not a column of opportunity");
    }

    [Fact]
    public void A_pre_image_on_create_and_a_post_image_before_stage_40_are_refused()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile(StageGateOnOpportunity), xml => xml.Replace("<ImageType>0</ImageType>", "<ImageType>1</ImageType>"));

        Check(repo.Layout).For(Rules.StepImages).Should().Contain(f => f.Message.Contains("post-images exist only at stage 40"));
    }

    [Fact]
    public void A_missing_root_component_is_reported_and_fix_restores_it()
    {
        using var repo = TempRepo.Create();
        var manifest = "Solution/src/Other/Solution.xml";
        var stepLine = repo.Read(manifest).Split('\n').First(l => l.Contains("type=\"92\"", StringComparison.Ordinal));
        repo.Edit(manifest, xml => xml.Replace(stepLine + "\n", string.Empty));

        Check(repo.Layout).For(Rules.RootComponents).Should().ContainSingle().Which.Message.Should().Contain("is not a root component");

        RootComponentsPlanner.Apply(SolutionSourceReader.Read(repo.Layout), out var summary).Should().BeTrue();
        summary.Should().StartWith("1 added, 0 removed");
        Check(repo.Layout).For(Rules.RootComponents).Should().BeEmpty();
    }

    [Fact]
    public void A_root_component_for_a_missing_step_is_reported()
    {
        using var repo = TempRepo.Create();
        File.Delete(repo.PathOf(repo.StepFile(StageGateOnOpportunity)));

        Check(repo.Layout).For(Rules.RootComponents).Should().Contain(f => f.Message.Contains("Solution/src holds no such plugin step"));
    }

    [Fact]
    public void A_broken_xml_file_is_reported_with_its_line()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile(StageGateOnOpportunity), xml => xml.Replace("</PrimaryEntity>", "</PrimaryEntty>"));

        var finding = Check(repo.Layout).For(Rules.Xml).Should().ContainSingle().Subject;
        finding.Location.Line.Should().BeGreaterThan(1);
        finding.Message.Should().Contain("not well-formed");
    }

    [Fact]
    public void A_settings_default_that_drifts_from_Core_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit("Solution/src/environmentvariabledefinitions/coach_CoachingSettings/environmentvariabledefinition.xml", xml => xml.Replace("\"staleDays\": 60", "\"staleDays\": 45"));

        Check(repo.Layout).For(Rules.EnvironmentVariable).Should().ContainSingle().Which.Message.Should().Contain("differs from CoachingSettings.DefaultJson");
    }

    [Fact]
    public void A_custom_activity_privilege_that_does_not_exist_is_refused()
    {
        using var repo = TempRepo.Create();
        repo.Edit("Solution/src/Roles/Sales Coach.xml", xml => xml.Replace("<RolePrivilege name=\"prvReadOpportunity\"", "<RolePrivilege name=\"prvReadcoach_microcoachingsession\" level=\"Local\" />\n    <RolePrivilege name=\"prvReadOpportunity\""));

        Check(repo.Layout).For(Rules.RolePrivileges).Should().ContainSingle().Which.Message.Should().Contain("shares the Activity privileges");
    }

    [Fact]
    public void A_form_field_that_is_not_a_column_fails_the_check()
    {
        using var repo = TempRepo.Create();
        var form = Directory.GetFiles(Path.Combine(repo.Src, "Entities", "Opportunity", "FormXml", "main"), "*.xml").Single();
        repo.Edit(Path.GetRelativePath(repo.Root, form), xml => xml.Replace("datafieldname=\"coach_buyerpersona\"", "datafieldname=\"coach_buyerpersonna\""));

        Check(repo.Layout).For(Rules.FormFields).Should().ContainSingle().Which.Message.Should().Contain("'coach_buyerpersonna', which is not a column of opportunity");
    }
}
