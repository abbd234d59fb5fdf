using System;
using System.Collections.Generic;
using System.Linq;

namespace Coach.SolutionSource;

/// <summary>A place in a source file: repository-relative path with forward slashes, 1-based line (0 when unknown).</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>Everything under Solution/src, read into one model. Files that are not well-formed XML are listed in <see cref="XmlProblems"/>.</summary>
public sealed class SolutionSourceTree
{
    public required RepoLayout Layout { get; init; }

    public SolutionManifest? Manifest { get; init; }

    public SourceLocation? CustomizationsFile { get; init; }

    public IReadOnlyList<TableDefinition> Tables { get; init; } = Array.Empty<TableDefinition>();

    public IReadOnlyList<FormDefinition> Forms { get; init; } = Array.Empty<FormDefinition>();

    public IReadOnlyList<ViewDefinition> Views { get; init; } = Array.Empty<ViewDefinition>();

    public IReadOnlyList<PluginAssemblyDefinition> PluginAssemblies { get; init; } = Array.Empty<PluginAssemblyDefinition>();

    public IReadOnlyList<StepDefinition> Steps { get; init; } = Array.Empty<StepDefinition>();

    public IReadOnlyList<EnvironmentVariableDefinition> EnvironmentVariables { get; init; } = Array.Empty<EnvironmentVariableDefinition>();

    public IReadOnlyList<CustomApiDefinition> CustomApis { get; init; } = Array.Empty<CustomApiDefinition>();

    public IReadOnlyList<RoleDefinition> Roles { get; init; } = Array.Empty<RoleDefinition>();

    /// <summary>Field security profiles (Other/FieldSecurityProfiles.xml).</summary>
    public IReadOnlyList<FieldSecurityProfileDefinition> FieldSecurityProfiles { get; init; } = Array.Empty<FieldSecurityProfileDefinition>();

    /// <summary>Cloud flows (workflow category 5) under Workflows/.</summary>
    public IReadOnlyList<CloudFlowDefinition> CloudFlows { get; init; } = Array.Empty<CloudFlowDefinition>();
    /// <summary>Code components (PCF controls) from Controls/&lt;name&gt;/ControlManifest.xml.data.xml.</summary>
    public IReadOnlyList<CustomControlDefinition> CustomControls { get; init; } = Array.Empty<CustomControlDefinition>();

    /// <summary>Every *.xml file under Solution/src (repository-relative).</summary>
    public IReadOnlyList<string> XmlFiles { get; init; } = Array.Empty<string>();

    public IReadOnlyList<SourceProblem> XmlProblems { get; init; } = Array.Empty<SourceProblem>();

    /// <summary>Top-level folders of Solution/src that the packer does not know how to place.</summary>
    public IReadOnlyList<SourceLocation> UnknownFolders { get; init; } = Array.Empty<SourceLocation>();

    public TableDefinition? Table(string logicalName) =>
        Tables.FirstOrDefault(t => string.Equals(t.LogicalName, logicalName, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<PluginTypeDefinition> PluginTypes => PluginAssemblies.SelectMany(a => a.Types);
}

/// <summary>A file that could not be read as the component it should hold.</summary>
public sealed record SourceProblem(SourceLocation Location, string Message);

public sealed record SolutionManifest(
    SourceLocation Location,
    string UniqueName,
    string Version,
    bool Managed,
    string PublisherUniqueName,
    string CustomizationPrefix,
    string OptionValuePrefix,
    IReadOnlyList<RootComponent> RootComponents);

/// <summary>A RootComponent of Solution.xml: type 1 table, 20 role, 91 plugin assembly, 92 step, 380 environment variable definition…</summary>
public sealed record RootComponent(int Type, string? SchemaName, Guid? Id, int Behavior, SourceLocation Location)
{
    public string Key => RootComponentKey(Type, SchemaName, Id);

    public static string RootComponentKey(int type, string? schemaName, Guid? id) =>
        id is { } guid ? $"{type}:{guid:D}" : $"{type}:{schemaName?.ToLowerInvariant()}";

    public override string ToString() => Id is { } guid ? $"type {Type} id {{{guid:D}}}" : $"type {Type} {SchemaName}";
}

public static class ComponentTypes
{
    public const int Table = 1;
    public const int Attribute = 2;
    public const int Role = 20;
    public const int View = 26;
    public const int Process = 29;
    public const int Form = 60;
    public const int PluginAssembly = 91;
    public const int Step = 92;
    public const int CustomControl = 66;
    public const int EnvironmentVariableDefinition = 380;
    public const int FieldSecurityProfile = 70;

    public static string Describe(int type) => type switch
    {
        Table => "table",
        Attribute => "column",
        Role => "security role",
        View => "view",
        Process => "process",
        Form => "form",
        PluginAssembly => "plugin assembly",
        Step => "plugin step",
        CustomControl => "custom control",
        EnvironmentVariableDefinition => "environment variable definition",
        FieldSecurityProfile => "field security profile",
        _ => $"component type {type}",
    };
}

public sealed record ColumnDefinition(string LogicalName, string Type, SourceLocation Location)
{
    /// <summary>Column security (IsSecured 1): only field security profiles open it.</summary>
    public bool IsSecured { get; init; }

    /// <summary>A choice's default value (AppDefaultValue; real exports write -1 for none).</summary>
    public int? DefaultValue { get; init; }

    /// <summary>
    /// Why column security cannot hide this column from readers, or null when it can ("Field security entities",
    /// Which attributes can be secured: yes/no columns only for create and update, choices for read only without a default).
    /// </summary>
    public string? WhyNotSecurableForRead => Type.ToLowerInvariant() switch
    {
        "bit" => "it is a yes/no (bit) column, and yes/no columns can be secured for create and update but never for read",
        "picklist" when DefaultValue != null => $"it is a choice with a default value ({DefaultValue}), and a choice can be secured for read only when it has no default",
        _ => null,
    };
}

/// <summary>A field security profile of Other/FieldSecurityProfiles.xml and the columns it opens.</summary>
public sealed record FieldSecurityProfileDefinition(Guid? Id, string Name, SourceLocation Location, IReadOnlyList<FieldPermissionDefinition> Permissions);

/// <summary>One FieldPermission: CanRead / CanUpdate / CanCreate are 4 (allowed) or 0.</summary>
public sealed record FieldPermissionDefinition(string Table, string Column, bool CanRead, bool CanUpdate, bool CanCreate, SourceLocation Location);

public sealed record TableDefinition(
    string LogicalName,
    string Folder,
    SourceLocation Location,
    bool IsNew,
    bool IsActivity,
    IReadOnlyDictionary<string, ColumnDefinition> Columns)
{
    public bool HasColumn(string name) => Columns.ContainsKey(name);
}

public sealed record FormField(string Name, SourceLocation Location);

public sealed record FormSubgrid(string ControlId, Guid? ViewId, string? RelationshipName, string? TargetEntity, SourceLocation Location);

public sealed record FormDefinition(
    Guid Id,
    string Table,
    string FormType,
    string Name,
    SourceLocation Location,
    IReadOnlyList<FormField> Fields,
    IReadOnlyList<FormSubgrid> Subgrids);

public sealed record ViewColumn(string Name, string Role, SourceLocation Location);

public sealed record ViewDefinition(
    Guid Id,
    string Table,
    string Name,
    int QueryType,
    bool IsDefault,
    SourceLocation Location,
    string? FetchEntity,
    IReadOnlyList<ViewColumn> FetchColumns,
    IReadOnlyList<ViewColumn> LayoutCells);

public sealed record PluginTypeDefinition(
    Guid? Id,
    string Name,
    string AssemblyQualifiedName,
    string? WorkflowActivityGroupName,
    SourceLocation Location)
{
    /// <summary>The type's full name (AssemblyQualifiedName up to the first comma; Name when that is missing).</summary>
    public string TypeName => TypeNames.FullNameOf(AssemblyQualifiedName) ?? Name;
}

public sealed record PluginAssemblyDefinition(
    Guid? Id,
    string FullName,
    string AssemblyName,
    string? Version,
    string? PublicKeyToken,
    string? FileName,
    string Folder,
    int? IsolationMode,
    int? SourceType,
    SourceLocation Location,
    IReadOnlyList<PluginTypeDefinition> Types);

public sealed record StepImageDefinition(
    string Name,
    string? EntityAlias,
    int ImageType,
    string? MessagePropertyName,
    IReadOnlyList<string> Attributes,
    SourceLocation Location);

public sealed record StepDefinition(
    Guid? Id,
    string Name,
    string? MessageFromId,
    string? MessageFromName,
    string? MessageIdText,
    string? PrimaryEntity,
    string? PluginTypeName,
    Guid? PluginTypeId,
    IReadOnlyList<string> FilteringAttributes,
    int? Stage,
    int? Mode,
    int? Rank,
    string? Configuration,
    int? SupportedDeployment,
    SourceLocation Location,
    SourceLocation FilteringAttributesLocation,
    IReadOnlyList<StepImageDefinition> Images)
{
    /// <summary>The message: from the well-known SdkMessageId when it is one, else from the step name.</summary>
    public string? Message => MessageFromId ?? MessageFromName;

    public bool IsUpdate => SdkMessages.IsUpdateLike(Message);

    public string Describe() => $"'{Name}'";
}

/// <param name="JsonFileName">The definition's path inside the solution zip, e.g. /Workflows/Name-GUID.json.</param>
public sealed record CloudFlowDefinition(Guid? Id, string? Name, string? JsonFileName, int? Category, SourceLocation Location);

public sealed record EnvironmentVariableDefinition(string SchemaName, int? Type, string? DefaultValue, SourceLocation Location, SourceLocation DefaultValueLocation);

public sealed record CustomApiField(string UniqueName, int? Type, bool IsOptional, bool DeclaresIsOptional, SourceLocation Location);

/// <summary>
/// A code component as SolutionPackager unpacks it: Controls/&lt;Name&gt;/ControlManifest.xml.data.xml holds the
/// CustomControl element of customizations.xml (Name "&lt;prefix&gt;_&lt;namespace&gt;.&lt;constructor&gt;", FileName
/// "/Controls/&lt;Name&gt;/ControlManifest.xml"); the built manifest, bundle and resources come from the control's build.
/// </summary>
public sealed record CustomControlDefinition(string Name, string Folder, string? FileName, SourceLocation Location)
{
    /// <summary>"Coaching.CoachingPanel" for "coach_Coaching.CoachingPanel": namespace and constructor of the control's manifest.</summary>
    public string ManifestName(string prefix) =>
        Name.StartsWith(prefix + "_", StringComparison.Ordinal) ? Name.Substring(prefix.Length + 1) : Name;
}

public sealed record CustomApiDefinition(
    string UniqueName,
    string Folder,
    string? PluginTypeName,
    Guid? PluginTypeId,
    int? BindingType,
    string? BoundEntity,
    SourceLocation Location,
    IReadOnlyList<CustomApiField> RequestParameters,
    IReadOnlyList<CustomApiField> ResponseProperties);

public sealed record RolePrivilege(string Name, string Level, SourceLocation Location);

public sealed record RoleDefinition(Guid? Id, string Name, SourceLocation Location, IReadOnlyList<RolePrivilege> Privileges);

public static class TypeNames
{
    /// <summary>"Ns.Type, Assembly, Version=…" → "Ns.Type"; null for null/empty.</summary>
    public static string? FullNameOf(string? assemblyQualifiedName)
    {
        if (string.IsNullOrWhiteSpace(assemblyQualifiedName))
        {
            return null;
        }

        var comma = assemblyQualifiedName.IndexOf(',');
        return (comma < 0 ? assemblyQualifiedName : assemblyQualifiedName.Substring(0, comma)).Trim();
    }
}
