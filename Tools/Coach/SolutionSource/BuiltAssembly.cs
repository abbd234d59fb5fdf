using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Coach.SolutionSource;

/// <summary>A type defined in a built assembly, as far as registration cares.</summary>
public sealed record BuiltType(string FullName, bool IsPublic, bool IsAbstract, bool IsPlugin, bool IsWorkflowActivity);

/// <summary>
/// What a built plugin or workflow assembly holds, read from its metadata without loading it (so a net462
/// assembly can be inspected from the net10.0 tool): identity, types and the assemblies it references.
/// </summary>
public sealed class BuiltAssembly
{
    public const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";
    public const string CodeActivityBase = "System.Activities.CodeActivity";

    /// <summary>The assembly name of the SDK stand-in used by the default (Local) build.</summary>
    public const string StandInSdkAssembly = "Xrm.Sdk.Local";

    private BuiltAssembly(string path, string name, Version version, string culture, string? publicKeyToken, string runtime, string? targetFramework, IReadOnlyList<BuiltType> types, IReadOnlyList<string> references)
    {
        Path = path;
        Name = name;
        Version = version;
        Culture = culture;
        PublicKeyToken = publicKeyToken;
        MetadataVersion = runtime;
        TargetFramework = targetFramework;
        Types = types;
        References = references;
    }

    public string Path { get; }

    public string Name { get; }

    public Version Version { get; }

    public string Culture { get; }

    /// <summary>Lower-case hex, null when the assembly is not strong-named.</summary>
    public string? PublicKeyToken { get; }

    public string MetadataVersion { get; }

    /// <summary>From TargetFrameworkAttribute, e.g. ".NETFramework,Version=v4.6.2".</summary>
    public string? TargetFramework { get; }

    public IReadOnlyList<BuiltType> Types { get; }

    public IReadOnlyList<string> References { get; }

    public string FullName => $"{Name}, Version={Version}, Culture={Culture}, PublicKeyToken={PublicKeyToken ?? "null"}";

    public bool IsNetFramework => MetadataVersion.StartsWith("v4.", StringComparison.Ordinal) && (TargetFramework?.StartsWith(".NETFramework", StringComparison.Ordinal) ?? true);

    /// <summary>True when built against Platform/Xrm.Sdk.Local: fine for tests, not loadable by Dataverse.</summary>
    public bool ReferencesStandInSdk => References.Contains(StandInSdkAssembly, StringComparer.OrdinalIgnoreCase);

    public BuiltType? FindType(string fullName) => Types.FirstOrDefault(t => string.Equals(t.FullName, fullName, StringComparison.Ordinal));

    public static BuiltAssembly Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{path} is not a .NET assembly.");
        }

        var md = pe.GetMetadataReader();
        var definition = md.GetAssemblyDefinition();
        var publicKey = md.GetBlobBytes(definition.PublicKey);
        var culture = md.GetString(definition.Culture);
        var types = ReadTypes(md);
        var references = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();

        return new BuiltAssembly(
            System.IO.Path.GetFullPath(path),
            md.GetString(definition.Name),
            definition.Version,
            string.IsNullOrEmpty(culture) ? "neutral" : culture,
            publicKey.Length == 0 ? null : TokenOf(publicKey),
            md.MetadataVersion,
            TargetFrameworkOf(md),
            types,
            references);
    }

    /// <summary>The public key token: the last 8 bytes of the SHA-1 of the public key, reversed.</summary>
    private static string TokenOf(byte[] publicKey)
    {
        var hash = System.Security.Cryptography.SHA1.HashData(publicKey);
        var token = hash.Skip(hash.Length - 8).Reverse().ToArray();
        return Convert.ToHexString(token).ToLowerInvariant();
    }

    private static string? TargetFrameworkOf(MetadataReader md)
    {
        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var ctor = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (ctor.Parent.Kind != HandleKind.TypeReference) continue;
            var type = md.GetTypeReference((TypeReferenceHandle)ctor.Parent);
            if (md.GetString(type.Name) != "TargetFrameworkAttribute") continue;
            var blob = md.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) return null;
            return blob.ReadSerializedString();
        }

        return null;
    }

    private static IReadOnlyList<BuiltType> ReadTypes(MetadataReader md)
    {
        var byHandle = new Dictionary<TypeDefinitionHandle, string>();
        foreach (var handle in md.TypeDefinitions)
        {
            byHandle[handle] = FullNameOf(md, handle);
        }

        var pluginCache = new Dictionary<TypeDefinitionHandle, bool>();
        var activityCache = new Dictionary<TypeDefinitionHandle, bool>();
        var result = new List<BuiltType>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var name = byHandle[handle];
            if (name == "<Module>") continue;
            var attributes = type.Attributes;
            var visibility = attributes & System.Reflection.TypeAttributes.VisibilityMask;
            var isPublic = visibility == System.Reflection.TypeAttributes.Public || visibility == System.Reflection.TypeAttributes.NestedPublic;
            var isAbstract = (attributes & System.Reflection.TypeAttributes.Abstract) != 0;
            var isInterface = (attributes & System.Reflection.TypeAttributes.Interface) != 0;
            if (isInterface) continue;
            result.Add(new BuiltType(
                name,
                isPublic,
                isAbstract,
                Implements(md, handle, PluginInterface, pluginCache),
                DerivesFrom(md, handle, CodeActivityBase, activityCache)));
        }

        return result;
    }

    private static string FullNameOf(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var name = md.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return FullNameOf(md, declaring) + "+" + name;
        }

        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string? ReferencedName(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var reference = md.GetTypeReference((TypeReferenceHandle)handle);
                var ns = md.GetString(reference.Namespace);
                return ns.Length == 0 ? md.GetString(reference.Name) : ns + "." + md.GetString(reference.Name);
            case HandleKind.TypeDefinition:
                return FullNameOf(md, (TypeDefinitionHandle)handle);
            case HandleKind.TypeSpecification:
                return null;
            default:
                return null;
        }
    }

    private static bool Implements(MetadataReader md, TypeDefinitionHandle handle, string interfaceName, Dictionary<TypeDefinitionHandle, bool> cache)
    {
        if (cache.TryGetValue(handle, out var known)) return known;
        cache[handle] = false;
        var type = md.GetTypeDefinition(handle);
        var result = type.GetInterfaceImplementations()
            .Select(i => ReferencedName(md, md.GetInterfaceImplementation(i).Interface))
            .Any(n => n == interfaceName);
        if (!result && type.BaseType.Kind == HandleKind.TypeDefinition)
        {
            result = Implements(md, (TypeDefinitionHandle)type.BaseType, interfaceName, cache);
        }

        cache[handle] = result;
        return result;
    }

    private static bool DerivesFrom(MetadataReader md, TypeDefinitionHandle handle, string baseName, Dictionary<TypeDefinitionHandle, bool> cache)
    {
        if (cache.TryGetValue(handle, out var known)) return known;
        cache[handle] = false;
        var type = md.GetTypeDefinition(handle);
        var result = false;
        if (!type.BaseType.IsNil)
        {
            result = ReferencedName(md, type.BaseType) == baseName
                     || (type.BaseType.Kind == HandleKind.TypeDefinition && DerivesFrom(md, (TypeDefinitionHandle)type.BaseType, baseName, cache));
        }

        cache[handle] = result;
        return result;
    }
}

/// <summary>Where the build put an assembly, and which of the candidate paths were looked at.</summary>
public sealed record AssemblyLookup(string AssemblyName, string? Path, string? Configuration, string? Framework, IReadOnlyList<string> Searched)
{
    public bool Found => Path != null;
}

/// <summary>
/// Finds the built DLL for an assembly the solution registers: &lt;project&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;/&lt;name&gt;.dll,
/// with the project folder named like the assembly under Plugins/ or Workflows/ (or any top-level folder).
/// Release is preferred over Debug; net462 (the sandbox build) over net10.0 unless a framework is asked for.
/// </summary>
public static class BuiltAssemblyLocator
{
    public static readonly IReadOnlyList<string> DefaultConfigurations = new[] { "Release", "Debug" };

    /// <summary>
    /// The first existing candidate in preference order (framework, then configuration), or with
    /// <paramref name="newest"/> the most recently built of them.
    /// </summary>
    public static AssemblyLookup Find(RepoLayout layout, string assemblyName, string? configuration = null, IReadOnlyList<string>? frameworks = null, bool newest = false)
    {
        if (newest)
        {
            var all = FindAll(layout, assemblyName, configuration, frameworks);
            var preferredFramework = (frameworks ?? new[] { "net462" }).FirstOrDefault(fw => all.Found.Any(f => f.Framework == fw));
            var latest = all.Found.Where(f => f.Framework == preferredFramework).OrderByDescending(f => File.GetLastWriteTimeUtc(f.Path)).FirstOrDefault();
            return latest.Path == null
                ? new AssemblyLookup(assemblyName, null, null, null, all.Searched)
                : new AssemblyLookup(assemblyName, latest.Path, latest.Configuration, latest.Framework, all.Searched);
        }

        var configurations = configuration == null ? DefaultConfigurations : new[] { configuration };
        frameworks ??= new[] { "net462" };
        var searched = new List<string>();
        foreach (var project in ProjectFolders(layout, assemblyName))
        {
            foreach (var framework in frameworks)
            {
                foreach (var config in configurations)
                {
                    var candidate = System.IO.Path.Combine(project, "bin", config, framework, assemblyName + ".dll");
                    searched.Add(candidate);
                    if (File.Exists(candidate))
                    {
                        return new AssemblyLookup(assemblyName, candidate, config, framework, searched);
                    }
                }
            }
        }

        if (searched.Count == 0)
        {
            searched.Add(System.IO.Path.Combine(layout.Root, "Plugins", assemblyName, "bin", configurations[0], frameworks[0], assemblyName + ".dll"));
        }

        return new AssemblyLookup(assemblyName, null, null, null, searched);
    }

    private static (List<(string Path, string Configuration, string Framework)> Found, List<string> Searched) FindAll(RepoLayout layout, string assemblyName, string? configuration, IReadOnlyList<string>? frameworks)
    {
        var configurations = configuration == null ? DefaultConfigurations : new[] { configuration };
        frameworks ??= new[] { "net462" };
        var found = new List<(string, string, string)>();
        var searched = new List<string>();
        foreach (var project in ProjectFolders(layout, assemblyName))
        {
            foreach (var framework in frameworks)
            {
                foreach (var config in configurations)
                {
                    var candidate = System.IO.Path.Combine(project, "bin", config, framework, assemblyName + ".dll");
                    searched.Add(candidate);
                    if (File.Exists(candidate)) found.Add((candidate, config, framework));
                }
            }
        }

        return (found, searched);
    }

    /// <summary>True when a C# file of the plugin or workflow sources is newer than the built DLL.</summary>
    public static bool IsOlderThanSources(RepoLayout layout, string dllPath)
    {
        var built = File.GetLastWriteTimeUtc(dllPath);
        foreach (var top in new[] { "Plugins", "Workflows" })
        {
            var root = System.IO.Path.Combine(layout.Root, top);
            if (!Directory.Exists(root)) continue;
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains(System.IO.Path.DirectorySeparatorChar + "obj" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || file.Contains(System.IO.Path.DirectorySeparatorChar + "bin" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
                if (File.GetLastWriteTimeUtc(file) > built) return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> ProjectFolders(RepoLayout layout, string assemblyName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var preferred in new[] { "Plugins", "Workflows" })
        {
            var candidate = System.IO.Path.Combine(layout.Root, preferred, assemblyName);
            if (Directory.Exists(candidate) && seen.Add(candidate)) yield return candidate;
        }

        foreach (var top in Directory.GetDirectories(layout.Root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(top);
            if (name.StartsWith(".", StringComparison.Ordinal) || name is "bin" or "obj" or "artifacts" or "Tests") continue;
            var candidate = System.IO.Path.Combine(top, assemblyName);
            if (Directory.Exists(candidate) && seen.Add(candidate)) yield return candidate;
        }
    }
}
