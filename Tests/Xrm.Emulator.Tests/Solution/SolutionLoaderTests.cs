using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Tests.Solution;

public sealed class SolutionLoaderTests : IDisposable
{
    private const string Update = "20bebb1b-ea3e-db11-86a7-000a3a5473e8";
    private const string Create = "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8";
    private static readonly string Configured = typeof(ConfiguredPlugin).FullName!;
    private static readonly string Stamp = typeof(StampPlugin).FullName!;

    private readonly SolutionFolder _solution = new();

    public void Dispose() => _solution.Dispose();

    private XrmEmulator Load() => XrmEmulator.FromSolution(_solution.Path, typeof(SolutionLoaderTests).Assembly);

    [Fact]
    public void Steps_are_loaded_with_message_table_stage_rank_filtering_and_images()
    {
        _solution.Step($"{Stamp}: Update of account", Update, Stamp, "account", stage: 20, rank: 3, filtering: "name,revenue", images: """
            <SdkMessageProcessingStepImage Name="PreImage">
              <SdkMessageProcessingStepImageId>{7d3b0d1c-8d5e-4a53-9b52-0d1f3c4d5e6f}</SdkMessageProcessingStepImageId>
              <Attributes>name,telephone1</Attributes>
              <EntityAlias>PreImage</EntityAlias>
              <ImageType>0</ImageType>
              <MessagePropertyName>Target</MessagePropertyName>
              <IsCustomizable>1</IsCustomizable>
            </SdkMessageProcessingStepImage>
            """);

        var step = Load().Steps.All.Should().ContainSingle().Which;

        step.Message.Should().Be("Update");
        step.PrimaryEntity.Should().Be("account");
        step.Stage.Should().Be(PipelineStage.PreOperation);
        step.Rank.Should().Be(3);
        step.Mode.Should().Be(StepMode.Synchronous);
        step.FilteringAttributes.Should().BeEquivalentTo("name", "revenue");
        var image = step.Images.Should().ContainSingle().Which;
        image.Alias.Should().Be("PreImage");
        image.Type.Should().Be(ImageType.PreImage);
        image.Attributes.Should().Equal("name", "telephone1");
        step.Plugin.Should().BeOfType<StampPlugin>();
    }

    [Fact]
    public void Loaded_steps_run_in_the_pipeline()
    {
        _solution.Step($"{Stamp}: Create of account", Create, Stamp, "account", stage: 20);
        var emulator = Load();

        var id = emulator.Service().Create(new Entity("account"));

        emulator.Service().Retrieve("account", id, new ColumnSet("description"))["description"].Should().Be("stamped by Create at 20");
    }

    [Fact]
    public void Configuration_is_passed_to_the_plugin_constructor_and_secure_configuration_is_null()
    {
        _solution.Step($"{Configured}: Create of account", Create, Configured, "account", stage: 40, configuration: "{&quot;mode&quot;:&quot;strict&quot;}");
        _solution.Step("Xrm.Emulator.Tests.Solution.UnsecureOnlyPlugin: Create of account", Create, typeof(UnsecureOnlyPlugin).FullName!, "account", stage: 40,
            configuration: "plain");
        var emulator = Load();

        emulator.Service().Create(new Entity("account"));

        emulator.TraceLines(Configured).Single().Should().StartWith("unsecure={\"mode\":\"strict\"}; secure=null;");
        emulator.TraceLines(typeof(UnsecureOnlyPlugin).FullName!).Should().Equal("unsecure=plain");
    }

    [Fact]
    public void Plugins_are_constructed_once_per_step_and_reused()
    {
        _solution.Step($"{Configured}: Create of account", Create, Configured, "account", stage: 40);
        var emulator = Load();

        emulator.Service().Create(new Entity("account"));
        emulator.Service().Create(new Entity("account"));

        var instances = emulator.TraceLines(Configured).Select(line => line[(line.IndexOf("instance=", StringComparison.Ordinal) + 9)..]).ToList();
        instances.Should().HaveCount(2);
        instances.Distinct().Should().ContainSingle();
    }

    [Fact]
    public void Message_comes_from_the_step_name_when_the_id_is_not_a_platform_message()
    {
        _solution.Step($"{Stamp}: UpdateMultiple of account", "", Stamp, "account", stage: 20);

        Load().Steps.All.Single().Message.Should().Be("UpdateMultiple");
    }

    [Fact]
    public void Message_id_and_step_name_that_disagree_fail_naming_the_file()
    {
        _solution.Step($"{Stamp}: Create of account", Update, Stamp, "account", stage: 20);

        var act = Load;

        act.Should().Throw<InvalidOperationException>().WithMessage("*SdkMessageProcessingSteps*.xml*Update*Create*");
    }

    [Fact]
    public void A_step_whose_message_cannot_be_told_fails_naming_the_file()
    {
        _solution.Step("a step with a free-text name", "", Stamp, "account", stage: 20);

        var act = Load;

        act.Should().Throw<InvalidOperationException>().WithMessage("*SdkMessageProcessingSteps*.xml*cannot tell the message*");
    }

    [Fact]
    public void Async_step_outside_post_operation_fails_naming_the_file()
    {
        _solution.Step($"{Stamp}: Update of account", Update, Stamp, "account", stage: 20, mode: 1);

        var act = Load;

        act.Should().Throw<InvalidOperationException>().WithMessage("*SdkMessageProcessingSteps*.xml*asynchronous*stage 40*");
    }

    [Fact]
    public void Missing_plugin_type_fails_naming_it()
    {
        _solution.Step("Coaching.Plugins.Nowhere: Update of account", Update, "Coaching.Plugins.Nowhere", "account", stage: 20);

        var act = Load;

        act.Should().Throw<InvalidOperationException>().WithMessage("*'Coaching.Plugins.Nowhere' is not in the given assemblies*");
    }

    [Fact]
    public void Plugin_types_named_only_by_PluginTypeId_are_found_through_the_assembly_file()
    {
        var typeId = Guid.NewGuid();
        _solution.Write("PluginAssemblies/Tests-1/Xrm.Emulator.Tests.dll.data.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <PluginAssembly FullName="Xrm.Emulator.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null">
              <PluginTypes>
                <PluginType AssemblyQualifiedName="{Stamp}, Xrm.Emulator.Tests, Version=1.0.0.0" PluginTypeId="{typeId}" Name="{Stamp}" />
              </PluginTypes>
            </PluginAssembly>
            """);
        _solution.Write("SdkMessageProcessingSteps/{00000000-0000-0000-0000-000000000001}.xml", $$"""
            <SdkMessageProcessingStep Name="stamp on create" SdkMessageProcessingStepId="{{Guid.NewGuid()}}">
              <SdkMessageId>{{Create}}</SdkMessageId>
              <PluginTypeId>{{{typeId}}}</PluginTypeId>
              <PrimaryEntity>account</PrimaryEntity>
              <Mode>0</Mode><Rank>1</Rank><Stage>20</Stage>
            </SdkMessageProcessingStep>
            """);

        Load().Steps.All.Single().Plugin.Should().BeOfType<StampPlugin>();
    }

    [Fact]
    public void A_plugin_type_listed_for_a_given_assembly_but_missing_from_it_fails_naming_it()
    {
        _solution.Write("PluginAssemblies/Tests-1/Xrm.Emulator.Tests.dll.data.xml", $"""
            <PluginAssembly FullName="Xrm.Emulator.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null">
              <PluginTypes>
                <PluginType AssemblyQualifiedName="Xrm.Emulator.Tests.Solution.RenamedPlugin, Xrm.Emulator.Tests" PluginTypeId="{Guid.NewGuid()}" Name="Xrm.Emulator.Tests.Solution.RenamedPlugin" />
              </PluginTypes>
            </PluginAssembly>
            """);

        var act = Load;

        act.Should().Throw<InvalidOperationException>().WithMessage("*dll.data.xml*'Xrm.Emulator.Tests.Solution.RenamedPlugin' is not in Xrm.Emulator.Tests*");
    }

    [Fact]
    public void Custom_apis_are_loaded_with_their_plugin_parameters_and_response_properties()
    {
        var typeId = Guid.NewGuid();
        _solution.Write("PluginAssemblies/Tests-1/Xrm.Emulator.Tests.dll.data.xml", $"""
            <PluginAssembly FullName="Xrm.Emulator.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null">
              <PluginTypes>
                <PluginType AssemblyQualifiedName="{typeof(EchoApi).FullName}, Xrm.Emulator.Tests" PluginTypeId="{typeId}" Name="{typeof(EchoApi).FullName}" />
              </PluginTypes>
            </PluginAssembly>
            """);
        _solution.Write("customapis/coach_Echo/customapi.xml", $"""
            <customapi uniquename="coach_Echo">
              <bindingtype>0</bindingtype>
              <boundentitylogicalname />
              <description default="Echoes its input." />
              <displayname default="Echo" />
              <isfunction>0</isfunction>
              <name>coach_Echo</name>
              <plugintypeid><plugintypeid>{typeId}</plugintypeid></plugintypeid>
            </customapi>
            """);
        _solution.Write("customapis/coach_Echo/customapirequestparameters/Text/customapirequestparameter.xml", """
            <customapirequestparameter uniquename="Text"><type>10</type><isoptional>0</isoptional></customapirequestparameter>
            """);
        _solution.Write("customapis/coach_Echo/customapiresponseproperties/Echo/customapiresponseproperty.xml", """
            <customapiresponseproperty uniquename="Echo"><type>10</type></customapiresponseproperty>
            """);
        var emulator = Load();

        var response = emulator.Service().Execute(new OrganizationRequest("coach_Echo") { ["Text"] = "hello" });
        var missing = () => emulator.Service().Execute(new OrganizationRequest("coach_Echo"));

        response.Results["Echo"].Should().Be("hello");
        missing.Should().Throw<Exception>().WithMessage("*required parameter 'Text'*");
    }

    [Fact]
    public void A_custom_api_linked_to_a_plugin_type_id_no_assembly_declares_fails_naming_the_id()
    {
        _solution.Write("customapis/coach_Echo/customapi.xml", """
            <customapi uniquename="coach_Echo">
              <bindingtype>0</bindingtype>
              <plugintypeid><plugintypeid>5b0f4d0e-2a8c-4c61-9a52-3d4c1f0a9e11</plugintypeid></plugintypeid>
            </customapi>
            """);

        var act = Load;

        act.Should().Throw<InvalidOperationException>().WithMessage("*customapi.xml*5b0f4d0e-2a8c-4c61-9a52-3d4c1f0a9e11*not a PluginTypeId*");
    }

    [Fact]
    public void Environment_variable_definitions_are_loaded_with_their_default_value()
    {
        _solution.Write("environmentvariabledefinitions/coach_CoachingSettings/environmentvariabledefinition.xml", """
            <environmentvariabledefinition schemaname="coach_CoachingSettings">
              <defaultvalue>{"cadence":{"sessionsPerWeek":3}}</defaultvalue>
              <type>100000003</type>
            </environmentvariabledefinition>
            """);

        var definition = Load().Store.Scan("environmentvariabledefinition").Single();

        definition["schemaname"].Should().Be("coach_CoachingSettings");
        definition["defaultvalue"].Should().Be("{\"cadence\":{\"sessionsPerWeek\":3}}");
        definition.GetAttributeValue<OptionSetValue>("type").Value.Should().Be(100000003);
    }

    [Fact]
    public void Custom_activity_tables_are_read_from_Entity_xml()
    {
        _solution.Write("Entities/coach_microcoachingsession/Entity.xml", """
            <Entity>
              <Name>coach_microcoachingsession</Name>
              <EntityInfo><entity Name="coach_microcoachingsession"><IsActivity>1</IsActivity></entity></EntityInfo>
            </Entity>
            """);
        var emulator = Load();

        var id = emulator.Service().Create(new Entity("coach_microcoachingsession") { ["subject"] = "Coach the Contoso deal" });

        emulator.PrimaryKeyOf("coach_microcoachingsession").Should().Be("activityid");
        emulator.Store.Find("coach_microcoachingsession", id)!["activityid"].Should().Be(id);
    }
}
