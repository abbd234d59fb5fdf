using System.IO;
using System.Reflection;
using System.Xml.Linq;
using Coaching.Core.Settings;
using Coaching.Plugins.EntryPoints;
using Coaching.Plugins.Tests.Support;

namespace Coaching.Plugins.Tests.Deployment;

public class DeployableAssemblyTests
{
    [Fact]
    public void The_sandbox_build_targets_net462_and_is_strong_name_signed()
    {
        var path = RepoPaths.SandboxPluginAssembly;
        File.Exists(path).Should().BeTrue($"the net462 build is the one the Dataverse sandbox loads ({path})");

        var name = AssemblyName.GetAssemblyName(path);
        name.GetPublicKeyToken().Should().NotBeNullOrEmpty("Dataverse only registers strong-named plug-in assemblies");
        ImageRuntimeOf(path).Should().StartWith("v4.0", "net462 assemblies run on the .NET Framework 4 runtime");
    }

    [Fact]
    public void The_registered_assembly_name_matches_the_built_one()
    {
        var built = typeof(IcpFitPlugin).Assembly.GetName();
        var dataXml = Directory.GetFiles(Path.Combine(RepoPaths.SolutionSource, "PluginAssemblies"), "Coaching.Plugins.dll.data.xml", SearchOption.AllDirectories);
        dataXml.Should().ContainSingle();

        var fullName = XDocument.Load(dataXml[0]).Root!.Attribute("FullName")!.Value;
        fullName.Should().Be(built.FullName, "the solution registers exactly the assembly the build produces");
    }

    [Fact]
    public void The_settings_default_shipped_in_the_solution_is_Cores_default()
    {
        var definition = XDocument.Load(Path.Combine(RepoPaths.SolutionSource, "environmentvariabledefinitions", CoachingSettingsException.VariableName, "environmentvariabledefinition.xml"));
        var shipped = definition.Root!.Element("defaultvalue")!.Value;

        shipped.Should().Be(CoachingSettings.DefaultJson);
        shipped.Length.Should().BeLessThan(2000, "an environment variable default value holds at most 2,000 characters");
    }

    private static string ImageRuntimeOf(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        return System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader).MetadataVersion;
    }
}
