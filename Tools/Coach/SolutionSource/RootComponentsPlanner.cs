using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace Coach.SolutionSource;

/// <summary>A root component the source tree calls for, and where it comes from.</summary>
public sealed record ExpectedRootComponent(int Type, string? SchemaName, Guid? Id, int Behavior, SourceLocation Source)
{
    public string Key => RootComponent.RootComponentKey(Type, SchemaName, Id);

    /// <summary>As exports write it: a plugin assembly (type 91) carries its id and its full name.</summary>
    public string ToXml() => (Id, SchemaName) switch
    {
        ({ } id, { } name) => $"<RootComponent type=\"{Type}\" id=\"{{{id:D}}}\" schemaName=\"{SecurityElementEscape(name)}\" behavior=\"{Behavior}\" />",
        ({ } id, null) => $"<RootComponent type=\"{Type}\" id=\"{{{id:D}}}\" behavior=\"{Behavior}\" />",
        _ => $"<RootComponent type=\"{Type}\" schemaName=\"{SchemaName}\" behavior=\"{Behavior}\" />",
    };

    private static string SecurityElementEscape(string value) => System.Security.SecurityElement.Escape(value);
}

/// <summary>
/// Derives Solution.xml's RootComponents from what Solution/src holds, so nobody maintains the list by hand:
/// tables (type 1: a new table with all its subcomponents, behavior 0; a platform table only as a shell with the
/// columns, forms and views the solution adds, behavior 2), security roles (20), field security profiles (70), plugin assemblies (91),
/// steps (92), cloud flows (29, a process), code components (66) and environment variable definitions (380).
/// Custom APIs are deliberately not listed: their component type number is assigned per environment (above
/// 10000), a wrong number fails the import, and the import adds them to the solution from the customapis folder.
/// </summary>
public static class RootComponentsPlanner
{
    public static IReadOnlyList<ExpectedRootComponent> Expected(SolutionSourceTree tree)
    {
        var expected = new List<ExpectedRootComponent>();
        expected.AddRange(tree.Tables.OrderBy(t => t.IsNew ? 0 : 1).ThenBy(t => t.LogicalName, StringComparer.Ordinal)
            .Select(t => new ExpectedRootComponent(ComponentTypes.Table, t.LogicalName, null, t.IsNew ? 0 : 2, t.Location)));
        expected.AddRange(tree.Roles.Where(r => r.Id != null).OrderBy(r => r.Id!.Value.ToString("D"), StringComparer.Ordinal)
            .Select(r => new ExpectedRootComponent(ComponentTypes.Role, null, r.Id, 0, r.Location)));
        expected.AddRange(tree.FieldSecurityProfiles.Where(p => p.Id != null).OrderBy(p => p.Id!.Value.ToString("D"), StringComparer.Ordinal)
            .Select(p => new ExpectedRootComponent(ComponentTypes.FieldSecurityProfile, null, p.Id, 0, p.Location)));
        expected.AddRange(tree.PluginAssemblies.Where(a => a.Id != null).OrderBy(a => a.AssemblyName, StringComparer.Ordinal)
            .Select(a => new ExpectedRootComponent(ComponentTypes.PluginAssembly, a.FullName, a.Id, 0, a.Location)));
        expected.AddRange(tree.Steps.Where(s => s.Id != null).OrderBy(s => s.Id!.Value.ToString("D"), StringComparer.Ordinal)
            .Select(s => new ExpectedRootComponent(ComponentTypes.Step, null, s.Id, 0, s.Location)));
        expected.AddRange(tree.CloudFlows.Where(f => f.Id != null).OrderBy(f => f.Id!.Value.ToString("D"), StringComparer.Ordinal)
            .Select(f => new ExpectedRootComponent(ComponentTypes.Process, null, f.Id, 0, f.Location)));
        expected.AddRange(tree.CustomControls.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ExpectedRootComponent(ComponentTypes.CustomControl, c.Name, null, 0, c.Location)));
        expected.AddRange(tree.EnvironmentVariables.OrderBy(v => v.SchemaName, StringComparer.Ordinal)
            .Select(v => new ExpectedRootComponent(ComponentTypes.EnvironmentVariableDefinition, v.SchemaName, null, 0, v.Location)));
        return expected;
    }

    /// <summary>Rewrites the RootComponents element of Other/Solution.xml; returns true when the file changed.</summary>
    public static bool Apply(SolutionSourceTree tree, out string summary)
    {
        var file = Path.Combine(tree.Layout.SolutionSource, "Other", "Solution.xml");
        var text = File.ReadAllText(file);
        var start = text.IndexOf("<RootComponents", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"{tree.Layout.Relative(file)} has no <RootComponents> element to rewrite.");
        var tagEnd = text.IndexOf('>', start);
        int end;
        if (tagEnd > 0 && text[tagEnd - 1] == '/')
        {
            end = tagEnd + 1;
        }
        else
        {
            var close = text.IndexOf("</RootComponents>", start, StringComparison.Ordinal);
            if (close < 0) throw new InvalidOperationException($"{tree.Layout.Relative(file)}: <RootComponents> is not closed.");
            end = close + "</RootComponents>".Length;
        }

        var lineStart = text.LastIndexOf('\n', start) + 1;
        var indent = text.Substring(lineStart, start - lineStart);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var builder = new StringBuilder();
        builder.Append("<RootComponents>").Append(newline);
        foreach (var component in Expected(tree))
        {
            builder.Append(indent).Append("  ").Append(component.ToXml()).Append(newline);
        }

        builder.Append(indent).Append("</RootComponents>");
        var updated = text.Substring(0, start) + builder + text.Substring(end);

        var before = tree.Manifest?.RootComponents.Select(r => r.Key).ToHashSet() ?? new HashSet<string>();
        var after = Expected(tree).Select(r => r.Key).ToHashSet();
        summary = $"{after.Except(before).Count()} added, {before.Except(after).Count()} removed, {after.Count} in total";
        XDocument.Parse(updated); // never write a broken manifest
        if (updated == text) return false;
        File.WriteAllText(file, updated);
        return true;
    }
}
