using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Coach.SolutionSource;

namespace Coach.Checks;

/// <summary>Well-formed XML, known folders, the solution manifest and its root components.</summary>
internal static class StructureRules
{
    private static readonly HashSet<int> KnownRootTypes = new()
    {
        ComponentTypes.Table, ComponentTypes.Attribute, ComponentTypes.Role, ComponentTypes.View, ComponentTypes.Process, ComponentTypes.Form,
        ComponentTypes.PluginAssembly, ComponentTypes.Step, ComponentTypes.CustomControl, ComponentTypes.EnvironmentVariableDefinition, ComponentTypes.FieldSecurityProfile,
    };

    public static IEnumerable<Finding> Run(CheckContext context)
    {
        var tree = context.Tree;
        foreach (var problem in tree.XmlProblems)
        {
            yield return new Finding(Rules.Xml, Severity.Error, problem.Location, problem.Message);
        }

        foreach (var folder in tree.UnknownFolders)
        {
            yield return new Finding(Rules.SourceLayout, Severity.Error, folder,
                $"'{folder.File}' is not a folder the solution zip knows ({string.Join(", ", SolutionSourceReader.KnownFolders)}); coach pack would leave it out.");
        }

        var manifest = tree.Manifest;
        if (manifest == null)
        {
            yield return new Finding(Rules.Manifest, Severity.Error, new SourceLocation("Solution/src/Other/Solution.xml", 0), "Solution/src/Other/Solution.xml is missing or has no SolutionManifest.");
            yield break;
        }

        if (tree.CustomizationsFile == null)
        {
            yield return new Finding(Rules.Manifest, Severity.Error, manifest.Location, "Solution/src/Other/Customizations.xml is missing: it is the shell the packer merges the components into.");
        }

        if (!Regex.IsMatch(manifest.UniqueName, "^[A-Za-z][A-Za-z0-9_]*$"))
        {
            yield return new Finding(Rules.Manifest, Severity.Error, manifest.Location, $"UniqueName '{manifest.UniqueName}' must start with a letter and hold only letters, digits and underscores.");
        }

        if (!Regex.IsMatch(manifest.Version, @"^\d+\.\d+(\.\d+){0,2}$"))
        {
            yield return new Finding(Rules.Manifest, Severity.Error, manifest.Location, $"Version '{manifest.Version}' is not a version number such as 1.0.0.0.");
        }

        if (!Regex.IsMatch(manifest.CustomizationPrefix, "^[a-z][a-z0-9]{1,7}$"))
        {
            yield return new Finding(Rules.Manifest, Severity.Error, manifest.Location, $"CustomizationPrefix '{manifest.CustomizationPrefix}' must be 2–8 lower-case letters or digits, starting with a letter.");
        }

        if (!int.TryParse(manifest.OptionValuePrefix, out var optionPrefix) || optionPrefix < 10000 || optionPrefix > 99999)
        {
            yield return new Finding(Rules.Manifest, Severity.Error, manifest.Location, $"CustomizationOptionValuePrefix '{manifest.OptionValuePrefix}' must be a number from 10000 to 99999.");
        }

        if (manifest.Managed)
        {
            yield return new Finding(Rules.Manifest, Severity.Warning, manifest.Location, "Managed is 1 in the source: keep the source unmanaged and let coach pack --managed build a managed package.");
        }

        foreach (var table in tree.Tables.Where(t => t.IsNew && !t.LogicalName.StartsWith(manifest.CustomizationPrefix + "_", StringComparison.Ordinal)))
        {
            yield return new Finding(Rules.Manifest, Severity.Error, table.Location, $"New table '{table.LogicalName}' does not carry the publisher prefix '{manifest.CustomizationPrefix}_'.");
        }

        foreach (var finding in RootComponentFindings(tree, manifest))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Finding> RootComponentFindings(SolutionSourceTree tree, SolutionManifest manifest)
    {
        var expected = RootComponentsPlanner.Expected(tree);
        var expectedByKey = expected.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First());
        var listed = manifest.RootComponents;
        var fix = tree.XmlProblems.Count > 0
            ? " Fix the unreadable XML first; then `coach check --fix` regenerates the list from Solution/src."
            : " Run `coach check --fix` to regenerate the list from Solution/src.";

        foreach (var duplicate in listed.GroupBy(r => r.Key).Where(g => g.Count() > 1))
        {
            yield return new Finding(Rules.RootComponents, Severity.Error, duplicate.Skip(1).First().Location, $"{duplicate.First()} is listed {duplicate.Count()} times.");
        }

        var listedKeys = listed.Select(r => r.Key).ToHashSet();
        foreach (var missing in expected.Where(e => !listedKeys.Contains(e.Key)))
        {
            yield return new Finding(Rules.RootComponents, Severity.Error, manifest.Location,
                $"The {ComponentTypes.Describe(missing.Type)} {missing.SchemaName ?? "{" + missing.Id?.ToString("D") + "}"} ({missing.Source.File}) is not a root component: the import would not add it to the solution.{fix}");
        }

        var formIds = tree.Forms.Select(f => f.Id).ToHashSet();
        var viewIds = tree.Views.Select(v => v.Id).ToHashSet();
        foreach (var component in listed.DistinctBy(r => r.Key))
        {
            if (!KnownRootTypes.Contains(component.Type))
            {
                yield return new Finding(Rules.RootComponents, Severity.Error, component.Location,
                    $"{component}: component types other than the platform's fixed ones are numbered per environment (custom APIs above 10000, for example), so this entry fails the import elsewhere. Custom APIs need no root component: the customapis folder adds them.");
                continue;
            }

            if (component.Type == ComponentTypes.Form && component.Id is { } formId)
            {
                if (!formIds.Contains(formId)) yield return new Finding(Rules.RootComponents, Severity.Error, component.Location, $"{component}: no form with this id in Solution/src.");
                continue;
            }

            if (component.Type == ComponentTypes.View && component.Id is { } viewId)
            {
                if (!viewIds.Contains(viewId)) yield return new Finding(Rules.RootComponents, Severity.Error, component.Location, $"{component}: no view with this id in Solution/src.");
                continue;
            }

            if (!expectedByKey.TryGetValue(component.Key, out var match))
            {
                if (component.Type is ComponentTypes.Attribute or ComponentTypes.Process) continue;
                yield return new Finding(Rules.RootComponents, Severity.Error, component.Location,
                    $"{component} is listed but Solution/src holds no such {ComponentTypes.Describe(component.Type)}: the import fails on a root component it cannot find.{fix}");
                continue;
            }

            if (component.Type == ComponentTypes.Table && component.Behavior != match.Behavior)
            {
                var table = tree.Table(component.SchemaName ?? string.Empty);
                yield return new Finding(Rules.RootComponents, table?.IsNew == true ? Severity.Error : Severity.Warning, component.Location,
                    table?.IsNew == true
                        ? $"New table '{component.SchemaName}' must be included with its metadata and subcomponents (behavior 0), found behavior {component.Behavior}."
                        : $"Platform table '{component.SchemaName}' should be a shell (behavior 2) that carries only the columns, forms and views Solution/src adds; found behavior {component.Behavior}.");
            }
        }
    }
}
