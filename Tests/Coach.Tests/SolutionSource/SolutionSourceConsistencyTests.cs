using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using Coach.Checks;
using Coach.SolutionSource;
using Coaching.Core.Settings;
using Coaching.Plugins.EntryPoints;
using Microsoft.Xrm.Sdk;

namespace Coach.Tests.SolutionSource;

public class SolutionSourceConsistencyTests
{
    private static readonly SolutionSourceTree Tree = SolutionSourceReader.Read(TestRepo.Layout);

    [Fact]
    public void Every_xml_file_in_the_solution_source_is_well_formed()
    {
        var files = Directory.GetFiles(TestRepo.Layout.SolutionSource, "*.xml", SearchOption.AllDirectories);
        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var load = () => XDocument.Load(file);
            load.Should().NotThrow<XmlException>(file);
        }

        Tree.XmlProblems.Should().BeEmpty();
        Tree.UnknownFolders.Should().BeEmpty("the packer places every folder of Solution/src");
    }

    [Fact]
    public void The_manifest_names_the_solution_and_the_coach_publisher()
    {
        var manifest = Tree.Manifest!;
        manifest.UniqueName.Should().Be("CoachingPlugins");
        manifest.CustomizationPrefix.Should().Be("coach");
        manifest.OptionValuePrefix.Should().Be("73105");
        manifest.Managed.Should().BeFalse("the source is unmanaged; coach pack --managed builds the managed package");
    }

    [Fact]
    public void The_root_components_list_every_component_present_and_nothing_else()
    {
        var listed = Tree.Manifest!.RootComponents.Select(r => r.Key).ToList();
        var expected = RootComponentsPlanner.Expected(Tree).Select(e => e.Key).ToList();

        listed.Should().OnlyHaveUniqueItems();
        listed.Should().BeEquivalentTo(expected, "Solution.xml must list each table, role, assembly, step and environment variable of Solution/src");
        Tree.Manifest.RootComponents.Should().Contain(r => r.Type == ComponentTypes.Table && r.SchemaName == "coach_microcoachingsession" && r.Behavior == 0);
        Tree.Manifest.RootComponents.Should().Contain(r => r.Type == ComponentTypes.Table && r.SchemaName == "opportunity" && r.Behavior == 2);
        Tree.Manifest.RootComponents.Should().NotContain(r => r.Type > 10000, "custom API component types differ per environment; the customapis folder adds them");
    }

    [Fact]
    public void Registered_plugin_types_are_the_IPlugin_classes_of_the_built_plugin_assembly()
    {
        var assembly = typeof(IcpFitPlugin).Assembly;
        var registration = Tree.PluginAssemblies.Single(a => a.AssemblyName == assembly.GetName().Name);
        registration.FullName.Should().Be(assembly.FullName);

        foreach (var type in registration.Types)
        {
            var built = assembly.GetType(type.Name);
            built.Should().NotBeNull($"{type.Name} is registered in {registration.Location.File}");
            typeof(IPlugin).IsAssignableFrom(built).Should().BeTrue($"{type.Name} must implement IPlugin");
            type.AssemblyQualifiedName.Should().Be(built!.AssemblyQualifiedName);
        }

        var pluginClasses = assembly.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsPublic: true }).Select(t => t.FullName);
        registration.Types.Select(t => t.Name).Should().BeEquivalentTo(pluginClasses, "every IPlugin class is registered");
    }

    [Fact]
    public void Registered_workflow_activities_are_in_the_built_workflow_assembly()
    {
        foreach (var registration in Tree.PluginAssemblies.Where(a => a.Types.Any(t => t.WorkflowActivityGroupName != null)))
        {
            var built = BuiltAssembly.Load(TestRepo.BuiltAssembly(registration.AssemblyName));
            built.FullName.Should().Be(registration.FullName);
            foreach (var type in registration.Types)
            {
                built.FindType(type.Name).Should().Match<BuiltType>(t => t.IsWorkflowActivity || t.IsPlugin, type.Name);
            }
        }
    }

    [Fact]
    public void Every_step_points_at_a_registered_plugin_type_by_id_and_name()
    {
        var types = Tree.PluginTypes.ToList();
        Tree.Steps.Should().NotBeEmpty();
        Tree.Steps.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        foreach (var step in Tree.Steps)
        {
            var type = types.SingleOrDefault(t => t.Id == step.PluginTypeId);
            type.Should().NotBeNull($"{step.Location.File} names PluginTypeId {step.PluginTypeId}");
            type!.TypeName.Should().Be(step.PluginTypeName, step.Location.File);
            step.Message.Should().NotBeNull(step.Location.File);
        }
    }

    [Fact]
    public void Filtering_attributes_and_image_columns_exist_on_the_step_tables()
    {
        var columns = new ColumnCatalog(Tree);
        foreach (var step in Tree.Steps)
        {
            columns.KnowsTable(step.PrimaryEntity!).Should().BeTrue($"{step.Location.File} is on {step.PrimaryEntity}");
            foreach (var attribute in step.FilteringAttributes.Concat(step.Images.SelectMany(i => i.Attributes)))
            {
                columns.Has(step.PrimaryEntity!, attribute).Should().BeTrue($"{step.Location.File} uses {step.PrimaryEntity}.{attribute}");
            }
        }
    }

    [Fact]
    public void Update_steps_name_their_filtering_attributes()
    {
        Tree.Steps.Where(s => s.IsUpdate).Should().OnlyContain(s => s.FilteringAttributes.Count > 0);
    }

    [Fact]
    public void Custom_apis_are_implemented_by_registered_plugin_classes()
    {
        var assembly = typeof(IcpFitPlugin).Assembly;
        var registered = Tree.PluginTypes.Select(t => t.TypeName).ToHashSet();
        foreach (var api in Tree.CustomApis)
        {
            api.PluginTypeName.Should().NotBeNull(api.Location.File);
            registered.Should().Contain(api.PluginTypeName!, api.Location.File);
            typeof(IPlugin).IsAssignableFrom(assembly.GetType(api.PluginTypeName!)).Should().BeTrue(api.PluginTypeName);
            api.ResponseProperties.Should().OnlyContain(p => !p.DeclaresIsOptional, "response properties are never optional");
        }
    }

    [Fact]
    public void The_settings_variable_ships_Cores_default_json_exactly()
    {
        var variable = Tree.EnvironmentVariables.Single(v => v.SchemaName == CoachingSettingsException.VariableName);
        variable.DefaultValue.Should().Be(CoachingSettings.DefaultJson);
        variable.Type.Should().Be(100000003, "JSON");
        variable.DefaultValue!.Length.Should().BeLessThan(2000);
    }

    [Fact]
    public void The_forms_and_views_show_only_columns_that_exist()
    {
        var columns = new ColumnCatalog(Tree);
        foreach (var form in Tree.Forms)
        {
            form.Fields.Should().OnlyContain(f => columns.Has(form.Table, f.Name), form.Location.File);
        }

        foreach (var view in Tree.Views)
        {
            view.FetchEntity.Should().Be(view.Table, view.Location.File);
            view.FetchColumns.Concat(view.LayoutCells).Should().OnlyContain(c => columns.Has(view.Table, c.Name), view.Location.File);
        }

        var viewIds = Tree.Views.Select(v => v.Id).ToHashSet();
        Tree.Forms.SelectMany(f => f.Subgrids).Should().OnlyContain(g => g.ViewId != null && viewIds.Contains(g.ViewId.Value), "sub-grids use views the solution ships");
    }
}
