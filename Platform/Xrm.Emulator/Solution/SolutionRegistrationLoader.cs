using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Solution;

/// <summary>
/// Reads an unpacked solution (SolutionPackager layout) into the emulator: plugin steps with their images and
/// configuration, custom APIs with their parameters, environment variable definitions. Plugin types are found
/// by full name in the given assemblies and constructed once per step, as the platform caches instances.
/// </summary>
internal sealed class SolutionRegistrationLoader
{
    private static readonly Regex StepName = new(@"^(?<type>[^:]+):\s*(?<message>\S+)(\s+of\s+(?<table>.+))?$", RegexOptions.Compiled);

    private readonly string _folder;
    private readonly Assembly[] _assemblies;
    private readonly Dictionary<Guid, string> _pluginTypesById = new();
    private readonly PluginInstances? _sharedInstances;

    public SolutionRegistrationLoader(string solutionSrcFolder, Assembly[] pluginAssemblies, PluginInstances? sharedInstances = null)
    {
        _sharedInstances = sharedInstances;
        if (!Directory.Exists(solutionSrcFolder)) throw new DirectoryNotFoundException($"The solution folder '{solutionSrcFolder}' does not exist.");
        _folder = solutionSrcFolder;
        _assemblies = pluginAssemblies ?? Array.Empty<Assembly>();
    }

    public void LoadInto(XrmEmulator emulator)
    {
        SolutionTables.LoadInto(emulator.Metadata, _folder);
        ReadActivityTables(emulator);
        Security.SolutionSecurity.LoadInto(emulator.Security, _folder);
        ReadPluginAssemblies();
        foreach (var file in Files("SdkMessageProcessingSteps", "*.xml", SearchOption.TopDirectoryOnly))
        {
            var step = ReadStep(file);
            if (step != null) emulator.RegisterStep(step);
        }

        foreach (var file in Files("customapis", "customapi.xml", SearchOption.AllDirectories))
        {
            emulator.RegisterCustomApi(ReadCustomApi(file));
        }

        foreach (var file in Files("environmentvariabledefinitions", "environmentvariabledefinition.xml", SearchOption.AllDirectories))
        {
            ReadEnvironmentVariable(emulator, file);
        }
    }

    private IEnumerable<string> Files(string folder, string pattern, SearchOption option)
    {
        var path = Path.Combine(_folder, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, pattern, option).OrderBy(f => f, StringComparer.Ordinal) : Enumerable.Empty<string>();
    }

    private void ReadActivityTables(XrmEmulator emulator)
    {
        foreach (var file in Files("Entities", "Entity.xml", SearchOption.AllDirectories))
        {
            var info = Load(file).Root?.Element("EntityInfo")?.Element("entity");
            var name = (string?)info?.Attribute("Name");
            if (name != null && info!.Element("IsActivity")?.Value.Trim() == "1") emulator.AddActivityTable(name.ToLowerInvariant());
        }
    }

    /// <summary>
    /// Maps PluginTypeId to type name, and checks that every type registered for a given assembly exists in it
    /// (a renamed class would otherwise only fail on import).
    /// </summary>
    private void ReadPluginAssemblies()
    {
        foreach (var file in Files("PluginAssemblies", "*.dll.data.xml", SearchOption.AllDirectories))
        {
            var root = Load(file).Root!;
            var assemblyName = TypeNameOf((string?)root.Attribute("FullName"));
            var assembly = _assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, assemblyName, StringComparison.OrdinalIgnoreCase));
            foreach (var type in root.Descendants("PluginType"))
            {
                var id = ParseGuid((string?)type.Attribute("PluginTypeId"));
                var name = TypeNameOf((string?)type.Attribute("AssemblyQualifiedName")) ?? (string?)type.Attribute("Name");
                if (id != null && name != null) _pluginTypesById[id.Value] = name;
                if (assembly != null && name != null && assembly.GetType(name, throwOnError: false) == null)
                {
                    throw new InvalidOperationException($"{file}: the plugin type '{name}' is not in {assembly.GetName().Name}.");
                }
            }
        }
    }

    private StepRegistration? ReadStep(string file)
    {
        var root = Load(file).Root!;
        var name = (string?)root.Attribute("Name") ?? "";
        if (Text(root, "StateCode") == "1") return null; // a disabled step

        var message = MessageOf(root, name, file);
        var typeName = TypeNameOf(Text(root, "PluginTypeName"))
                       ?? (ParseGuid(Text(root, "PluginTypeId")) is { } typeId && _pluginTypesById.TryGetValue(typeId, out var byId) ? byId : null)
                       ?? throw new InvalidOperationException($"{file}: the step names no PluginTypeName or known PluginTypeId.");
        var configuration = Text(root, "Configuration");
        var mode = (StepMode)Int(root, "Mode", file, 0);
        var stage = (PipelineStage)Int(root, "Stage", file, null);
        if (mode == StepMode.Asynchronous && stage != PipelineStage.PostOperation)
        {
            throw new InvalidOperationException($"{file}: step '{name}' is asynchronous (Mode 1) at stage {(int)stage}; asynchronous steps must be at stage 40.");
        }

        var images = root.Descendants("SdkMessageProcessingStepImage").Select(image => new ImageRegistration(
            Text(image, "EntityAlias") ?? (string?)image.Attribute("Name") ?? throw new InvalidOperationException($"{file}: an image has no EntityAlias."),
            (ImageType)Int(image, "ImageType", file, null),
            Split(Text(image, "Attributes")))).ToList();

        var primaryEntity = Text(root, "PrimaryEntity");
        return new StepRegistration(message, primaryEntity == "none" ? null : primaryEntity, stage, CreatePlugin(typeName, configuration, file))
        {
            Id = ParseGuid((string?)root.Attribute("SdkMessageProcessingStepId")) ?? Guid.NewGuid(),
            Name = name,
            Mode = mode,
            Rank = Int(root, "Rank", file, 1),
            FilteringAttributes = Split(Text(root, "FilteringAttributes")),
            Images = images,
            Configuration = configuration,
            PluginTypeName = typeName,
            Source = file,
        };
    }

    /// <summary>The message from the well-known SdkMessageId, else from the step name "type: Message of table"; both must agree.</summary>
    private static string MessageOf(XElement root, string stepName, string file)
    {
        var byId = ParseGuid(Text(root, "SdkMessageId")) is { } id ? SdkMessageIds.NameOf(id) : null;
        var match = StepName.Match(stepName);
        var byName = match.Success ? match.Groups["message"].Value : null;
        if (byId != null && byName != null && !string.Equals(byId, byName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{file}: SdkMessageId means {byId} but the step name '{stepName}' says {byName}.");
        }

        return byId ?? byName ?? throw new InvalidOperationException(
            $"{file}: cannot tell the message: SdkMessageId is not a known platform message and the name '{stepName}' is not '<type>: <Message> of <table>'.");
    }

    private CustomApiRegistration ReadCustomApi(string file)
    {
        var root = Load(file).Root!;
        var folder = Path.GetDirectoryName(file)!;
        var uniqueName = (string?)root.Attribute("uniquename") ?? Text(root, "uniquename") ?? Path.GetFileName(folder);
        var typeName = CustomApiPluginType(root.Element("plugintypeid"), file);
        var plugin = string.IsNullOrEmpty(typeName) ? null : CreatePlugin(typeName, null, file);

        return new CustomApiRegistration(uniqueName, plugin)
        {
            PluginTypeName = string.IsNullOrEmpty(typeName) ? null : typeName,
            Binding = (CustomApiBinding)Int(root, "bindingtype", file, 0),
            BoundEntityLogicalName = Text(root, "boundentitylogicalname"),
            IsFunction = Bool(Text(root, "isfunction")),
            RequestParameters = Fields(folder, "customapirequestparameters", "customapirequestparameter.xml", optionalAllowed: true),
            ResponseProperties = Fields(folder, "customapiresponseproperties", "customapiresponseproperty.xml", optionalAllowed: false),
            Source = file,
        };
    }

    /// <summary>
    /// The plugin type a custom API names: exports link it as &lt;plugintypeid&gt;&lt;plugintypeid&gt;GUID&lt;/plugintypeid&gt;&lt;/plugintypeid&gt;,
    /// the PluginTypeId of an assembly's data.xml. The older &lt;plugintypeexportkey&gt; (a type name) is still read.
    /// </summary>
    private string? CustomApiPluginType(XElement? link, string file)
    {
        if (link == null) return null;
        var idText = link.Element("plugintypeid")?.Value.Trim();
        if (!string.IsNullOrEmpty(idText))
        {
            if (ParseGuid(idText) is { } id && _pluginTypesById.TryGetValue(id, out var name)) return name;
            throw new InvalidOperationException($"{file}: plugintypeid {idText} is not a PluginTypeId of any PluginAssemblies/*/*.dll.data.xml.");
        }

        var exportKey = link.Element("plugintypeexportkey")?.Value.Trim();
        return string.IsNullOrEmpty(exportKey) ? null : exportKey;
    }

    private static IReadOnlyList<CustomApiField> Fields(string apiFolder, string subfolder, string fileName, bool optionalAllowed)
    {
        var path = Path.Combine(apiFolder, subfolder);
        if (!Directory.Exists(path)) return Array.Empty<CustomApiField>();
        return Directory.GetFiles(path, fileName, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).Select(file =>
        {
            var root = Load(file).Root!;
            var name = (string?)root.Attribute("uniquename") ?? Text(root, "uniquename") ?? Path.GetFileName(Path.GetDirectoryName(file))!;
            return new CustomApiField(name, (CustomApiFieldType)Int(root, "type", file, null),
                optionalAllowed && Bool(Text(root, "isoptional")), Text(root, "logicalentityname"));
        }).ToList();
    }

    private static void ReadEnvironmentVariable(XrmEmulator emulator, string file)
    {
        var root = Load(file).Root!;
        var schemaName = (string?)root.Attribute("schemaname") ?? Text(root, "schemaname") ?? Path.GetFileName(Path.GetDirectoryName(file))!;
        var type = Text(root, "type") is { } t && int.TryParse(t, out var parsed) ? parsed : EnvironmentVariables.StringType;
        emulator.SetEnvironmentVariable(schemaName, Text(root, "defaultvalue"), null, type);
    }

    /// <summary>A new instance per step, or the shared one when the emulator was given <see cref="PluginInstances"/>.</summary>
    private IPlugin CreatePlugin(string typeName, string? configuration, string file) =>
        _sharedInstances == null
            ? ConstructPlugin(typeName, configuration, file)
            : _sharedInstances.GetOrCreate(typeName, configuration, () => ConstructPlugin(typeName, configuration, file));

    /// <summary>Constructs the plugin with (unsecure, secure), else (unsecure), else no arguments; secure config is always null.</summary>
    private IPlugin ConstructPlugin(string typeName, string? configuration, string file)
    {
        var type = _assemblies.Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t != null)
                   ?? throw new InvalidOperationException(
                       $"{file}: the plugin type '{typeName}' is not in the given assemblies ({string.Join(", ", _assemblies.Select(a => a.GetName().Name))}).");
        if (!typeof(IPlugin).IsAssignableFrom(type)) throw new InvalidOperationException($"{file}: '{typeName}' does not implement IPlugin.");

        try
        {
            if (type.GetConstructor(new[] { typeof(string), typeof(string) }) is { } both) return (IPlugin)both.Invoke(new object?[] { configuration, null });
            if (type.GetConstructor(new[] { typeof(string) }) is { } unsecure) return (IPlugin)unsecure.Invoke(new object?[] { configuration });
            if (type.GetConstructor(Type.EmptyTypes) is { } none) return (IPlugin)none.Invoke(null);
        }
        catch (TargetInvocationException error) when (error.InnerException != null)
        {
            throw new InvalidOperationException($"{file}: constructing '{typeName}' failed: {error.InnerException.Message}", error.InnerException);
        }

        throw new InvalidOperationException($"{file}: '{typeName}' has no public constructor taking (string, string), (string) or nothing.");
    }

    private static XDocument Load(string file)
    {
        try
        {
            return XDocument.Load(file);
        }
        catch (System.Xml.XmlException error)
        {
            throw new InvalidOperationException($"{file}: not well-formed XML: {error.Message}", error);
        }
    }

    private static string? TypeNameOf(string? assemblyQualifiedName) =>
        string.IsNullOrWhiteSpace(assemblyQualifiedName) ? null : assemblyQualifiedName.Split(',')[0].Trim();

    private static string? Text(XElement parent, string element)
    {
        var value = parent.Element(element)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static int Int(XElement parent, string element, string file, int? defaultValue)
    {
        var text = Text(parent, element);
        if (text == null) return defaultValue ?? throw new InvalidOperationException($"{file}: <{element}> is missing.");
        return int.TryParse(text, out var value) ? value : throw new InvalidOperationException($"{file}: <{element}> is not a number: '{text}'.");
    }

    private static bool Bool(string? text) => text is "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);

    private static Guid? ParseGuid(string? text) => Guid.TryParse(text?.Trim('{', '}', ' '), out var id) ? id : null;

    private static string[] Split(string? list) =>
        list == null ? Array.Empty<string>() : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
