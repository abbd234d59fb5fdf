using System;
using System.Collections.Generic;
using System.Linq;
using Coach.SolutionSource;

namespace Coach.Checks;

/// <summary>Plugin assembly registrations against the built assemblies, plugin classes without steps, custom APIs.</summary>
internal static class AssemblyRules
{
    public static IEnumerable<Finding> Run(CheckContext context)
    {
        var tree = context.Tree;
        foreach (var duplicate in tree.PluginTypes.Where(t => t.Id != null).GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            yield return new Finding(Rules.AssemblyTypes, Severity.Error, duplicate.Skip(1).First().Location, $"PluginTypeId {{{duplicate.Key:D}}} is used by {duplicate.Count()} plugin types.");
        }

        foreach (var assembly in tree.PluginAssemblies)
        {
            foreach (var finding in Identity(context, assembly)) yield return finding;
            foreach (var finding in Types(context, assembly)) yield return finding;
        }

        foreach (var finding in PluginsWithoutSteps(context)) yield return finding;
        foreach (var finding in CustomApis(context)) yield return finding;
    }

    private static IEnumerable<Finding> Identity(CheckContext context, PluginAssemblyDefinition assembly)
    {
        if (assembly.Id == null)
        {
            yield return new Finding(Rules.AssemblyIdentity, Severity.Error, assembly.Location, $"{assembly.AssemblyName}: PluginAssemblyId is missing.");
        }

        if (assembly.IsolationMode != 2)
        {
            yield return new Finding(Rules.AssemblyIdentity, Severity.Error, assembly.Location, $"{assembly.AssemblyName}: IsolationMode is {assembly.IsolationMode?.ToString() ?? "(none)"}; Dataverse online runs plug-ins in the sandbox only (2).");
        }

        if (assembly.SourceType is not (null or 0))
        {
            yield return new Finding(Rules.AssemblyIdentity, Severity.Warning, assembly.Location, $"{assembly.AssemblyName}: SourceType {assembly.SourceType}; an assembly shipped in the solution is stored in the database (0).");
        }

        var expectedFile = $"/PluginAssemblies/{assembly.Folder}/{assembly.AssemblyName}.dll";
        if (!string.Equals(assembly.FileName, expectedFile, StringComparison.OrdinalIgnoreCase))
        {
            yield return new Finding(Rules.AssemblyIdentity, Severity.Error, assembly.Location,
                $"{assembly.AssemblyName}: FileName is '{assembly.FileName ?? "(none)"}' but the assembly sits in {assembly.Folder}; coach pack puts the DLL at '{expectedFile}'.");
        }

        if (!assembly.Folder.StartsWith(assembly.AssemblyName + "-", StringComparison.OrdinalIgnoreCase))
        {
            yield return new Finding(Rules.AssemblyIdentity, Severity.Warning, assembly.Location, $"{assembly.AssemblyName}: the folder '{assembly.Folder}' is usually named '<assembly>-<PluginAssemblyId>'.");
        }

        if (string.IsNullOrEmpty(assembly.PublicKeyToken) || assembly.PublicKeyToken.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            yield return new Finding(Rules.AssemblyIdentity, Severity.Error, assembly.Location, $"{assembly.AssemblyName}: the FullName has no PublicKeyToken; Dataverse registers strong-named assemblies only.");
        }

        var built = context.BuiltFor(assembly);
        if (built == null) yield break;
        var registered = $"{assembly.AssemblyName}, Version={assembly.Version}, Culture=neutral, PublicKeyToken={assembly.PublicKeyToken}";
        if (!string.Equals(built.Name, assembly.AssemblyName, StringComparison.Ordinal)
            || !string.Equals(built.Version.ToString(), assembly.Version, StringComparison.Ordinal)
            || !string.Equals(built.PublicKeyToken ?? "null", assembly.PublicKeyToken, StringComparison.OrdinalIgnoreCase))
        {
            yield return new Finding(Rules.AssemblyIdentity, Severity.Error, assembly.Location,
                $"The registration says '{registered}' but the build ({context.Layout.Relative(built.Path)}) is '{built.FullName}'. Update FullName and every AssemblyQualifiedName, or the import rejects the assembly.");
        }
    }

    private static IEnumerable<Finding> Types(CheckContext context, PluginAssemblyDefinition assembly)
    {
        var built = context.BuiltFor(assembly);
        foreach (var type in assembly.Types)
        {
            if (type.Id == null)
            {
                yield return new Finding(Rules.AssemblyTypes, Severity.Error, type.Location, $"Plugin type '{type.Name}' has no PluginTypeId.");
            }

            var assemblyPart = type.AssemblyQualifiedName.Contains(',') ? type.AssemblyQualifiedName.Substring(type.AssemblyQualifiedName.IndexOf(',') + 1).Trim() : string.Empty;
            if (!string.Equals(Normalize(assemblyPart), Normalize(assembly.FullName), StringComparison.OrdinalIgnoreCase))
            {
                yield return new Finding(Rules.AssemblyTypes, Severity.Error, type.Location,
                    $"Plugin type '{type.Name}': its AssemblyQualifiedName names '{assemblyPart}', not the assembly '{assembly.FullName}'.");
            }

            if (!string.Equals(type.Name, type.TypeName, StringComparison.Ordinal))
            {
                yield return new Finding(Rules.AssemblyTypes, Severity.Warning, type.Location, $"Plugin type Name '{type.Name}' differs from its AssemblyQualifiedName type '{type.TypeName}'.");
            }

            if (built == null) continue;
            var builtType = built.FindType(type.TypeName);
            if (builtType == null)
            {
                yield return new Finding(Rules.AssemblyTypes, Severity.Error, type.Location,
                    $"'{type.TypeName}' is registered but not in the built {built.Name} ({context.Layout.Relative(built.Path)}): the import fails on a type it cannot find.");
            }
            else if (!(builtType.IsPlugin || builtType.IsWorkflowActivity) || builtType.IsAbstract || !builtType.IsPublic)
            {
                yield return new Finding(Rules.AssemblyTypes, Severity.Error, type.Location,
                    $"'{type.TypeName}' is registered but is not a public, non-abstract IPlugin or CodeActivity class.");
            }
            else if (builtType.IsWorkflowActivity && type.WorkflowActivityGroupName == null)
            {
                yield return new Finding(Rules.AssemblyTypes, Severity.Warning, type.Location, $"Workflow activity '{type.TypeName}' has no WorkflowActivityGroupName: it will not be grouped in the process designer.");
            }
        }

        if (built == null) yield break;
        var registered = assembly.Types.Select(t => t.TypeName).ToHashSet(StringComparer.Ordinal);
        foreach (var type in built.Types.Where(t => (t.IsPlugin || t.IsWorkflowActivity) && t.IsPublic && !t.IsAbstract && !registered.Contains(t.FullName)))
        {
            yield return new Finding(Rules.AssemblyTypes, Severity.Error, assembly.Location,
                $"{(type.IsPlugin ? "IPlugin" : "CodeActivity")} class '{type.FullName}' is in the built {built.Name} but not registered in {assembly.Location.File}: add a PluginType for it.");
        }
    }

    private static string Normalize(string fullName) => string.Join(",", fullName.Split(',').Select(p => p.Trim()));

    private static IEnumerable<Finding> PluginsWithoutSteps(CheckContext context)
    {
        var tree = context.Tree;
        foreach (var assembly in tree.PluginAssemblies)
        {
            var built = context.BuiltFor(assembly);
            foreach (var type in assembly.Types)
            {
                var builtType = built?.FindType(type.TypeName);
                var isPlugin = builtType?.IsPlugin ?? type.WorkflowActivityGroupName == null;
                if (!isPlugin) continue;
                var hasStep = tree.Steps.Any(s => (type.Id != null && s.PluginTypeId == type.Id) || string.Equals(s.PluginTypeName, type.TypeName, StringComparison.Ordinal));
                var isApi = tree.CustomApis.Any(a => (type.Id != null && a.PluginTypeId == type.Id) || string.Equals(a.PluginTypeName, type.TypeName, StringComparison.Ordinal));
                if (!hasStep && !isApi)
                {
                    yield return new Finding(Rules.PluginWithoutStep, Severity.Error, type.Location,
                        $"Plugin '{type.TypeName}' has no step in SdkMessageProcessingSteps/ and implements no custom API: it would never run. Register it or remove it.");
                }
            }
        }

        // Plugin classes in the sources that no assembly registers (covers a missing build too).
        var registeredNames = tree.PluginTypes.Select(t => t.TypeName).ToHashSet(StringComparer.Ordinal);
        var builtTypes = context.Assemblies.Values.Where(a => a != null).SelectMany(a => a!.Types).Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var plugin in context.Sources.PluginClasses().Where(p => !p.IsAbstract && p.IsPluginEntry))
        {
            if (registeredNames.Contains(plugin.FullName) || builtTypes.Contains(plugin.FullName)) continue;
            yield return new Finding(Rules.PluginWithoutStep, Severity.Error, plugin.Location,
                $"'{plugin.FullName}' is a plugin class, but no PluginAssemblies/*/*.dll.data.xml registers it, so it has no step.");
        }
    }

    private static IEnumerable<Finding> CustomApis(CheckContext context)
    {
        var tree = context.Tree;
        var prefix = context.Prefix;
        var types = tree.PluginAssemblies.SelectMany(a => a.Types.Select(t => (Assembly: a, Type: t))).ToList();
        foreach (var duplicate in tree.CustomApis.GroupBy(a => a.UniqueName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return new Finding(Rules.CustomApi, Severity.Error, duplicate.Skip(1).First().Location, $"Custom API '{duplicate.Key}' is defined {duplicate.Count()} times.");
        }

        foreach (var api in tree.CustomApis)
        {
            if (!api.UniqueName.StartsWith(prefix + "_", StringComparison.Ordinal))
            {
                yield return new Finding(Rules.CustomApi, Severity.Error, api.Location, $"Custom API '{api.UniqueName}' does not carry the publisher prefix '{prefix}_'.");
            }

            if (!string.Equals(api.Folder, api.UniqueName, StringComparison.Ordinal))
            {
                yield return new Finding(Rules.CustomApi, Severity.Warning, api.Location, $"Custom API '{api.UniqueName}' sits in folder '{api.Folder}'; the solution format names the folder after the unique name.");
            }

            if (api.BindingType is 1 or 2 && api.BoundEntity == null)
            {
                yield return new Finding(Rules.CustomApi, Severity.Error, api.Location, $"Custom API '{api.UniqueName}' is bound (bindingtype {api.BindingType}) but names no boundentitylogicalname.");
            }

            if (api.PluginTypeName == null && api.PluginTypeId == null)
            {
                yield return new Finding(Rules.CustomApi, Severity.Warning, api.Location, $"Custom API '{api.UniqueName}' names no plugin type: calling it does nothing but fire its event.");
            }
            else
            {
                var match = types.FirstOrDefault(t => (api.PluginTypeId != null && t.Type.Id == api.PluginTypeId) || string.Equals(t.Type.TypeName, api.PluginTypeName, StringComparison.Ordinal));
                if (match.Type == null)
                {
                    yield return new Finding(Rules.CustomApi, Severity.Error, api.Location,
                        $"Custom API '{api.UniqueName}': plugin type '{api.PluginTypeName ?? api.PluginTypeId?.ToString("B")}' is not registered in any PluginAssemblies/*/*.dll.data.xml.");
                }
                else if (context.BuiltFor(match.Assembly) is { } built && built.FindType(match.Type.TypeName) is not { IsPlugin: true })
                {
                    yield return new Finding(Rules.CustomApi, Severity.Error, api.Location,
                        $"Custom API '{api.UniqueName}': '{match.Type.TypeName}' is not an IPlugin class in the built {built.Name}.");
                }
            }

            foreach (var property in api.ResponseProperties.Where(p => p.DeclaresIsOptional))
            {
                yield return new Finding(Rules.CustomApi, Severity.Error, property.Location,
                    $"Response property '{property.UniqueName}' of '{api.UniqueName}' declares isoptional: response properties are never optional and the element fails the import.");
            }

            foreach (var field in api.RequestParameters.Concat(api.ResponseProperties).Where(f => f.Type is null or < 0 or > 12))
            {
                yield return new Finding(Rules.CustomApi, Severity.Error, field.Location, $"'{field.UniqueName}' of '{api.UniqueName}' has type {field.Type?.ToString() ?? "(none)"}; use 0–12.");
            }
        }
    }
}
