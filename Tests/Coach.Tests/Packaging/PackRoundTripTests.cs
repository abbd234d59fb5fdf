using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Coach.Packaging;
using Coach.SolutionSource;
using Coach.Tests.SolutionSource;

namespace Coach.Tests.Packaging;

/// <summary>Packs the repository's solution and reads the zip back the way an import would.</summary>
public sealed class PackRoundTripTests : IDisposable
{
    private static readonly SolutionSourceTree Tree = SolutionSourceReader.Read(TestRepo.Layout);
    private readonly string _out = Path.Combine(Path.GetTempPath(), "coach-pack-" + Guid.NewGuid().ToString("N"));
    private readonly PackResult _result;
    private readonly ZipArchive _zip;

    public PackRoundTripTests()
    {
        var options = new PackOptions { OutputDirectory = _out, Configuration = TestRepo.Configuration };
        options.ControlPaths[TestRepo.PanelControl] = TestRepo.WriteStandInBuiltPanel(Path.Combine(_out, "built-panel"));
        _result = SolutionPacker.Pack(TestRepo.Layout, options);
        _zip = ZipFile.OpenRead(_result.ZipPath);
    }

    public void Dispose()
    {
        _zip.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    private XElement Read(string entry)
    {
        using var stream = _zip.GetEntry(entry)!.Open();
        return XDocument.Load(stream).Root!;
    }

    private XElement Customizations => Read("customizations.xml");

    [Fact]
    public void The_zip_has_the_layout_an_import_accepts()
    {
        Path.GetFileName(_result.ZipPath).Should().Be("CoachingPlugins_1_0_0_0.zip");
        var names = _zip.Entries.Select(e => e.FullName).ToList();
        names.Take(3).Should().Equal("[Content_Types].xml", "solution.xml", "customizations.xml");
        names.Should().OnlyContain(n => !n.Contains('\\'), "zip entries use forward slashes");
        names.Should().Contain("environmentvariabledefinitions/coach_CoachingSettings/environmentvariabledefinition.xml");
        foreach (var api in Tree.CustomApis)
        {
            names.Should().Contain($"customapis/{api.Folder}/customapi.xml");
        }

        names.Should().NotContain(n => n.EndsWith(".data.xml", StringComparison.Ordinal) || n.StartsWith("Other/", StringComparison.Ordinal) || n.StartsWith("Entities/", StringComparison.Ordinal));

        foreach (var flow in Tree.CloudFlows)
        {
            names.Should().Contain(flow.JsonFileName!.TrimStart('/'), "a cloud flow's definition travels as its own file");
        }

        Read("customizations.xml").Element("Workflows")!.Elements("Workflow").Select(w => (string?)w.Element("JsonFileName"))
            .Should().BeEquivalentTo(Tree.CloudFlows.Select(f => f.JsonFileName));

        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        Read("[Content_Types].xml").Elements(ns + "Default").Select(d => d.Attribute("Extension")!.Value).Should().BeEquivalentTo("xml", "dll", "json", "js", "css");
    }

    [Fact]
    public void The_solution_manifest_is_the_source_one_unmanaged()
    {
        var manifest = Read("solution.xml").Element("SolutionManifest")!;
        manifest.Element("UniqueName")!.Value.Should().Be("CoachingPlugins");
        manifest.Element("Managed")!.Value.Should().Be("0");
        manifest.Element("RootComponents")!.Elements().Should().HaveCount(Tree.Manifest!.RootComponents.Count);
    }

    [Fact]
    public void Customizations_keep_the_schema_order()
    {
        var order = Customizations.Elements().Select(e => CustomizationsBuilder.SchemaOrderIndex(e.Name.LocalName)).ToList();
        order.Should().NotContain(int.MaxValue);
        order.Should().BeInAscendingOrder();
        Customizations.Elements().Select(e => e.Name.LocalName).Should().ContainInOrder("Entities", "Roles", "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "Languages");
        Customizations.DescendantNodes().OfType<XComment>().Should().BeEmpty();
    }

    [Fact]
    public void Every_table_comes_back_with_its_forms_and_views()
    {
        var entities = Customizations.Element("Entities")!.Elements("Entity").ToList();
        entities.Select(e => e.Element("Name")!.Value.ToLowerInvariant()).Should().BeEquivalentTo(Tree.Tables.Select(t => t.LogicalName));

        var formIds = entities.SelectMany(e => e.Element("FormXml")!.Elements("forms").Elements("systemform")).Select(f => Guid.Parse(f.Element("formid")!.Value));
        formIds.Should().BeEquivalentTo(Tree.Forms.Select(f => f.Id));
        entities.SelectMany(e => e.Element("FormXml")!.Elements("forms")).Should().OnlyContain(f => f.Attribute("type")!.Value == "main");

        var viewIds = entities.SelectMany(e => e.Element("SavedQueries")?.Element("savedqueries")?.Elements("savedquery") ?? Enumerable.Empty<XElement>())
            .Select(q => Guid.Parse(q.Element("savedqueryid")!.Value));
        viewIds.Should().BeEquivalentTo(Tree.Views.Select(v => v.Id));

        var session = entities.Single(e => e.Element("Name")!.Value == "coach_microcoachingsession");
        session.Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute").Select(a => a.Element("LogicalName")!.Value)
            .Should().Contain(new[] { "coach_step", "coach_actionitems", "coach_executionconcern" });
    }

    [Fact]
    public void Every_role_assembly_and_step_comes_back()
    {
        Customizations.Element("Roles")!.Elements("Role").Select(r => r.Attribute("name")!.Value).Should().BeEquivalentTo("Sales Coach", "Sales Rep – Coaching");

        var assemblies = Customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly").ToList();
        assemblies.Select(a => a.Attribute("FullName")!.Value).Should().BeEquivalentTo(Tree.PluginAssemblies.Select(a => a.FullName));
        assemblies.SelectMany(a => a.Element("PluginTypes")!.Elements("PluginType")).Select(t => t.Attribute("Name")!.Value)
            .Should().BeEquivalentTo(Tree.PluginTypes.Select(t => t.Name));

        var steps = Customizations.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();
        steps.Select(s => Guid.Parse(s.Attribute("SdkMessageProcessingStepId")!.Value)).Should().BeEquivalentTo(Tree.Steps.Select(s => s.Id!.Value));
        steps.Should().OnlyContain(s => s.Element("PluginTypeName") != null && s.Element("Stage") != null && s.Element("PrimaryEntity") != null);
    }

    [Fact]
    public void Every_registered_assembly_ships_as_the_dll_its_FileName_names()
    {
        foreach (var assembly in Tree.PluginAssemblies)
        {
            var entry = _zip.GetEntry(assembly.FileName!.TrimStart('/'));
            entry.Should().NotBeNull(assembly.FileName);
            using var stream = entry!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.ToArray().Should().Equal(File.ReadAllBytes(TestRepo.BuiltAssembly(assembly.AssemblyName)));
        }

        _result.Assemblies.Should().OnlyContain(a => a.Configuration == TestRepo.Configuration && a.Framework == "net462");
    }

    [Fact]
    public void Custom_apis_and_the_settings_variable_ship_unchanged()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestRepo.Layout.SolutionSource, "customapis"), "*", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Path.Combine(TestRepo.Layout.SolutionSource, "environmentvariabledefinitions"), "*", SearchOption.AllDirectories)))
        {
            var name = Path.GetRelativePath(TestRepo.Layout.SolutionSource, file).Replace('\\', '/');
            using var stream = _zip.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.ToArray().Should().Equal(File.ReadAllBytes(file), name);
        }
    }

    [Fact]
    public void The_same_source_packs_to_the_same_bytes()
    {
        var options = new PackOptions { OutputDirectory = Path.Combine(_out, "again"), Configuration = TestRepo.Configuration };
        options.ControlPaths[TestRepo.PanelControl] = Path.Combine(_out, "built-panel");
        var again = SolutionPacker.Pack(TestRepo.Layout, options);
        File.ReadAllBytes(again.ZipPath).Should().Equal(File.ReadAllBytes(_result.ZipPath));
    }

    [Fact]
    public void The_coaching_panel_ships_as_exports_carry_a_code_component()
    {
        var folder = $"Controls/{TestRepo.PanelControl}/";
        _zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith(folder, StringComparison.Ordinal))
            .Should().BeEquivalentTo(folder + "ControlManifest.xml", folder + "bundle.js", folder + "css/CoachingPanel.css");
        var control = Read(folder + "ControlManifest.xml").Element("control")!;
        control.Attribute("namespace")!.Value.Should().Be("Coaching");
        control.Attribute("constructor")!.Value.Should().Be("CoachingPanel");

        var customControl = Customizations.Element("CustomControls")!.Elements("CustomControl").Should().ContainSingle().Subject;
        customControl.Element("Name")!.Value.Should().Be(TestRepo.PanelControl);
        customControl.Element("FileName")!.Value.Should().Be($"/Controls/{TestRepo.PanelControl}/ControlManifest.xml");

        Read("solution.xml").Element("SolutionManifest")!.Element("RootComponents")!.Elements()
            .Should().ContainSingle(r => r.Attribute("type")!.Value == "66" && r.Attribute("schemaName")!.Value == TestRepo.PanelControl && r.Attribute("behavior")!.Value == "0");
    }

    [Fact]
    public void The_coaching_form_shows_the_panel_on_its_bound_column_for_every_client()
    {
        var form = Customizations.Descendants("systemform").Single(f => f.Descendants("LocalizedName").Any(n => n.Attribute("description")!.Value == "Opportunity – Micro-coaching"));
        var control = form.Descendants("control").Single(c => (string?)c.Attribute("id") == "coach_icpfitscore");
        var description = form.Element("form")!.Element("controlDescriptions")!.Elements("controlDescription")
            .Single(d => d.Attribute("forControl")!.Value == control.Attribute("uniqueid")!.Value);
        description.Elements("customControl").Where(c => (string?)c.Attribute("name") == TestRepo.PanelControl)
            .Select(c => (c.Attribute("formFactor")!.Value, c.Element("parameters")!.Element("icpFitScore")!.Value))
            .Should().BeEquivalentTo(new[] { ("0", "coach_icpfitscore"), ("1", "coach_icpfitscore"), ("2", "coach_icpfitscore") });
    }
}
