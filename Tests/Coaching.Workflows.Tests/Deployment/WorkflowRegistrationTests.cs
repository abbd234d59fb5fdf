using System;
using System.Activities;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Coaching.Workflows.Activities;

namespace Coaching.Workflows.Tests.Deployment;

/// <summary>The solution registers exactly the workflow assembly and activities the build produces.</summary>
public class WorkflowRegistrationTests
{
    private static readonly Assembly Built = typeof(ScheduleMicroCoaching).Assembly;

    private static XElement DataXml()
    {
        var root = typeof(WorkflowRegistrationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var files = Directory.GetFiles(Path.Combine(root, "Solution", "src", "PluginAssemblies"), "Coaching.Workflows.dll.data.xml", SearchOption.AllDirectories);
        files.Should().ContainSingle();
        return XDocument.Load(files[0]).Root!;
    }

    [Fact]
    public void The_registered_assembly_is_the_signed_one_the_build_produces()
    {
        DataXml().Attribute("FullName")!.Value.Should().Be(Built.FullName);
        Built.GetName().GetPublicKeyToken().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Every_activity_is_registered_in_the_coaching_group_and_every_registration_is_an_activity()
    {
        var registered = DataXml().Descendants("PluginType").ToList();
        var activities = Built.GetExportedTypes().Where(t => typeof(CodeActivity).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName).ToList();

        registered.Select(t => t.Attribute("Name")!.Value).Should().BeEquivalentTo(activities);
        registered.Should().OnlyContain(t => t.Element("WorkflowActivityGroupName")!.Value == "Coaching Plugins (1.0.0.0)");
        registered.Should().OnlyContain(t => t.Attribute("AssemblyQualifiedName")!.Value == t.Attribute("Name")!.Value + ", " + Built.FullName);
        registered.Select(t => Guid.Parse(t.Attribute("PluginTypeId")!.Value)).Should().OnlyHaveUniqueItems();
    }
}
