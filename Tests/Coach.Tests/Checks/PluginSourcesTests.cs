using System.Linq;
using Coach.Checks;
using Coach.Tests.SolutionSource;

namespace Coach.Tests.Checks;

public class PluginSourcesTests
{
    private static readonly PluginSources Sources = PluginSources.Load(TestRepo.Layout);

    [Fact]
    public void The_plugin_sources_compile_against_the_sdk_stand_in_so_every_rule_can_bind_them()
    {
        Sources.CompileErrors().Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void Plugin_and_workflow_classes_are_found_by_what_they_implement()
    {
        var classes = Sources.PluginClasses();

        classes.Should().Contain(c => c.FullName == "Coaching.Plugins.EntryPoints.IcpFitPlugin" && c.IsPluginEntry && !c.IsAbstract);
        classes.Should().Contain(c => c.FullName.StartsWith("Coaching.Workflows.") && c.IsPluginEntry, "workflow activities derive from CodeActivity");
        classes.Should().Contain(c => c.IsAbstract && c.IsPluginEntry, "the plugin base class implements IPlugin");
        classes.Single(c => c.FullName == "Coaching.Plugins.EntryPoints.IcpFitPlugin").Location.File.Should().Be("Plugins/Coaching.Plugins/EntryPoints/IcpFitPlugin.cs");
    }
}
