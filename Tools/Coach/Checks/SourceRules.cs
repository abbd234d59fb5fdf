using System.Collections.Generic;
using System.Linq;

namespace Coach.Checks;

/// <summary>
/// The rules over plugin and workflow sources (il-specify-column, il-avoid-batch-plugin,
/// il-avoid-specialized-update-ops, il-avoid-parallel-plugin, il-avoid-lock-plugin, coach-plugin-stateless):
/// the analyzers of Tools/Coaching.Analyzers, the same that fail the plugin build, run over the sources.
/// </summary>
internal static class SourceRules
{
    public static IEnumerable<Finding> Run(CheckContext context, List<string> notes)
    {
        var sources = context.Sources;
        notes.Add($"{sources.PluginClasses().Count(p => p.IsPluginEntry)} plugin classes found in the sources");
        var compileErrors = sources.CompileErrors();
        if (compileErrors.Count > 0)
        {
            notes.Add($"{compileErrors.Count} compiler errors in the plugin sources, so the source rules may miss code they cannot bind; first: {compileErrors[0]}");
        }

        return sources.Findings();
    }
}
