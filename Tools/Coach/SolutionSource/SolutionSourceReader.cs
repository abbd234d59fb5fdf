using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using static Coach.SolutionSource.XmlSource;

namespace Coach.SolutionSource;

/// <summary>
/// Reads Solution/src (the SolutionPackager layout) into a <see cref="SolutionSourceTree"/>. Never throws for
/// content problems: a file that is not well-formed XML becomes an entry in <see cref="SolutionSourceTree.XmlProblems"/>,
/// missing values stay null, and the checks report them with file and line.
/// </summary>
public static class SolutionSourceReader
{
    /// <summary>The top-level folders of Solution/src that the packer knows how to place in a solution zip.</summary>
    public static readonly IReadOnlyList<string> KnownFolders = new[]
    {
        "Other", "Entities", "Roles", "PluginAssemblies", "SdkMessageProcessingSteps", "environmentvariabledefinitions", "customapis", "Workflows", "Controls",
    };

    public const string SubgridClassId = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";

    private static readonly Regex StepName = new(@"^(?<type>[^:]+):\s*(?<message>\S+)(\s+of\s+(?<table>.+))?$", RegexOptions.Compiled);

    public static SolutionSourceTree Read(RepoLayout layout)
    {
        var reader = new Reader(layout);
        return reader.Read();
    }

    private sealed class Reader
    {
        private readonly RepoLayout _layout;
        private readonly List<SourceProblem> _problems = new();

        public Reader(RepoLayout layout)
        {
            _layout = layout;
        }

        private string Src => _layout.SolutionSource;

        public SolutionSourceTree Read()
        {
            if (!Directory.Exists(Src))
            {
                return new SolutionSourceTree
                {
                    Layout = _layout,
                    XmlProblems = new[] { new SourceProblem(new SourceLocation(_layout.Relative(Src), 0), "Solution/src does not exist.") },
                };
            }

            var xmlFiles = Directory.GetFiles(Src, "*.xml", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

            var tables = new List<TableDefinition>();
            var forms = new List<FormDefinition>();
            var views = new List<ViewDefinition>();
            foreach (var folder in SubFolders("Entities"))
            {
                ReadEntity(folder, tables, forms, views);
            }

            var customizations = Path.Combine(Src, "Other", "Customizations.xml");
            if (File.Exists(customizations))
            {
                TryLoad(customizations);
            }

            var manifest = ReadManifest();
            var assemblies = Files("PluginAssemblies", "*.dll.data.xml", SearchOption.AllDirectories).Select(ReadAssembly).OfType<PluginAssemblyDefinition>().ToList();
            var steps = Files("SdkMessageProcessingSteps", "*.xml", SearchOption.TopDirectoryOnly).Select(ReadStep).OfType<StepDefinition>().ToList();
            var variables = Files("environmentvariabledefinitions", "environmentvariabledefinition.xml", SearchOption.AllDirectories).Select(ReadEnvironmentVariable).OfType<EnvironmentVariableDefinition>().ToList();
            var typeNamesById = assemblies.SelectMany(a => a.Types).Where(t => t.Id != null).GroupBy(t => t.Id!.Value).ToDictionary(g => g.Key, g => g.First().TypeName);
            var apis = Files("customapis", "customapi.xml", SearchOption.AllDirectories).Select(f => ReadCustomApi(f, typeNamesById)).OfType<CustomApiDefinition>().ToList();
            var roles = Files("Roles", "*.xml", SearchOption.TopDirectoryOnly).Select(ReadRole).OfType<RoleDefinition>().ToList();
            var profiles = ReadFieldSecurityProfiles(Path.Combine(Src, "Other", "FieldSecurityProfiles.xml"));
            var flows = Files("Workflows", "*.json.data.xml", SearchOption.TopDirectoryOnly).Select(ReadCloudFlow).OfType<CloudFlowDefinition>().ToList();
            var controls = Files("Controls", "ControlManifest.xml.data.xml", SearchOption.AllDirectories).Select(ReadCustomControl).OfType<CustomControlDefinition>().ToList();

            // Files no reader looked at still have to be well-formed.
            foreach (var file in xmlFiles.Where(f => !_loaded.Contains(f)))
            {
                TryLoad(file);
            }

            return new SolutionSourceTree
            {
                Layout = _layout,
                Manifest = manifest,
                CustomizationsFile = File.Exists(customizations) ? Loc(customizations, 0) : null,
                Tables = tables,
                Forms = forms,
                Views = views,
                PluginAssemblies = assemblies,
                Steps = steps,
                EnvironmentVariables = variables,
                CustomApis = apis,
                Roles = roles,
                FieldSecurityProfiles = profiles,
                CloudFlows = flows,
                CustomControls = controls,
                XmlFiles = xmlFiles.Select(_layout.Relative).ToList(),
                XmlProblems = _problems.ToList(),
                UnknownFolders = Directory.GetDirectories(Src)
                    .Where(d => !KnownFolders.Contains(Path.GetFileName(d), StringComparer.Ordinal) && !Path.GetFileName(d).StartsWith(".", StringComparison.Ordinal))
                    .OrderBy(d => d, StringComparer.Ordinal)
                    .Select(d => Loc(d, 0))
                    .ToList(),
            };
        }

        private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

        private IEnumerable<string> SubFolders(string name)
        {
            var path = Path.Combine(Src, name);
            return Directory.Exists(path) ? Directory.GetDirectories(path).OrderBy(d => d, StringComparer.Ordinal) : Enumerable.Empty<string>();
        }

        private IEnumerable<string> Files(string folder, string pattern, SearchOption option)
        {
            var path = Path.Combine(Src, folder);
            return Directory.Exists(path)
                ? Directory.GetFiles(path, pattern, option).OrderBy(f => f, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        }

        private SourceLocation Loc(string file, int line) => new(_layout.Relative(file), line);

        private SourceLocation Loc(string file, XObject? node) => new(_layout.Relative(file), Line(node));

        private XDocument? TryLoad(string file)
        {
            _loaded.Add(file);
            try
            {
                return Load(file);
            }
            catch (XmlException e)
            {
                _problems.Add(new SourceProblem(Loc(file, e.LineNumber), $"not well-formed XML: {e.Message}"));
                return null;
            }
        }

        private XElement? Root(string file, string expected)
        {
            var doc = TryLoad(file);
            if (doc?.Root == null) return null;
            if (!string.Equals(doc.Root.Name.LocalName, expected, StringComparison.Ordinal))
            {
                _problems.Add(new SourceProblem(Loc(file, doc.Root), $"expected a <{expected}> root element, found <{doc.Root.Name.LocalName}>."));
                return null;
            }

            return doc.Root;
        }

        private SolutionManifest? ReadManifest()
        {
            var file = Path.Combine(Src, "Other", "Solution.xml");
            if (!File.Exists(file)) return null;
            var root = Root(file, "ImportExportXml");
            var manifest = Child(root, "SolutionManifest");
            if (manifest == null)
            {
                if (root != null) _problems.Add(new SourceProblem(Loc(file, root), "Solution.xml has no <SolutionManifest>."));
                return null;
            }

            var publisher = Child(manifest, "Publisher");
            var roots = Child(manifest, "RootComponents")?.Elements().Where(e => e.Name.LocalName == "RootComponent")
                .Select(e => new RootComponent(
                    Int(Attr(e, "type")) ?? 0,
                    Attr(e, "schemaName"),
                    XmlSource.Guid(Attr(e, "id")),
                    Int(Attr(e, "behavior")) ?? 0,
                    Loc(file, e)))
                .ToList() ?? new List<RootComponent>();

            return new SolutionManifest(
                Loc(file, manifest),
                Text(manifest, "UniqueName") ?? string.Empty,
                Text(manifest, "Version") ?? string.Empty,
                Bool(Text(manifest, "Managed")),
                Text(publisher, "UniqueName") ?? string.Empty,
                Text(publisher, "CustomizationPrefix") ?? string.Empty,
                Text(publisher, "CustomizationOptionValuePrefix") ?? string.Empty,
                roots);
        }

        private void ReadEntity(string folder, List<TableDefinition> tables, List<FormDefinition> forms, List<ViewDefinition> views)
        {
            var file = Path.Combine(folder, "Entity.xml");
            var folderName = Path.GetFileName(folder);
            string logicalName = folderName.ToLowerInvariant();
            if (!File.Exists(file))
            {
                _problems.Add(new SourceProblem(Loc(folder, 0), "the table folder has no Entity.xml."));
            }
            else
            {
                var root = Root(file, "Entity");
                if (root != null)
                {
                    var nameElement = Child(root, "Name");
                    logicalName = (nameElement?.Value.Trim() is { Length: > 0 } n ? n : folderName).ToLowerInvariant();
                    var entity = Child(Child(root, "EntityInfo"), "entity");
                    var columns = new Dictionary<string, ColumnDefinition>(StringComparer.OrdinalIgnoreCase);
                    foreach (var attribute in Child(entity, "attributes")?.Elements().Where(e => e.Name.LocalName == "attribute") ?? Enumerable.Empty<XElement>())
                    {
                        var name = (Text(attribute, "LogicalName") ?? Attr(attribute, "PhysicalName") ?? string.Empty).ToLowerInvariant();
                        if (name.Length == 0) continue;
                        if (columns.ContainsKey(name))
                        {
                            _problems.Add(new SourceProblem(Loc(file, attribute), $"column '{name}' is defined twice."));
                            continue;
                        }

                        columns[name] = new ColumnDefinition(name, Text(attribute, "Type") ?? string.Empty, Loc(file, attribute)) 
                        {
                            IsSecured = Bool(Text(attribute, "IsSecured")),
                            DefaultValue = XmlSource.Int(Text(attribute, "AppDefaultValue")) is { } appDefault && appDefault != -1 ? appDefault : null,
                        };
                    }

                    var isNew = Child(entity, "OwnershipTypeMask") != null && !Bool(Attr(entity, "unmodified"));
                    var isActivity = Bool(Text(entity, "IsActivity")) || StandardColumns.IsStandardActivity(logicalName);
                    tables.Add(new TableDefinition(logicalName, folderName, Loc(file, nameElement ?? root), isNew, isActivity, columns));
                }
            }

            var formRoot = Path.Combine(folder, "FormXml");
            if (Directory.Exists(formRoot))
            {
                foreach (var formFile in Directory.GetFiles(formRoot, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    forms.AddRange(ReadForms(formFile, logicalName));
                }
            }

            var viewRoot = Path.Combine(folder, "SavedQueries");
            if (Directory.Exists(viewRoot))
            {
                foreach (var viewFile in Directory.GetFiles(viewRoot, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
                {
                    views.AddRange(ReadViews(viewFile, logicalName));
                }
            }
        }

        private IEnumerable<FormDefinition> ReadForms(string file, string table)
        {
            var root = Root(file, "forms");
            if (root == null) yield break;
            var formType = XmlSource.FolderName(file);
            foreach (var systemForm in root.Elements().Where(e => e.Name.LocalName == "systemform"))
            {
                var form = Child(systemForm, "form");
                var controls = form?.Descendants().Where(e => e.Name.LocalName == "control").ToList() ?? new List<XElement>();
                var fields = controls
                    .Where(c => Attr(c, "datafieldname") != null)
                    .Select(c => new FormField(Attr(c, "datafieldname")!.ToLowerInvariant(), Loc(file, c)))
                    .ToList();
                var subgrids = controls
                    .Where(c => string.Equals(Attr(c, "classid"), SubgridClassId, StringComparison.OrdinalIgnoreCase) || Bool(Attr(c, "indicationOfSubgrid")))
                    .Select(c =>
                    {
                        var parameters = Child(c, "parameters");
                        return new FormSubgrid(Attr(c, "id") ?? string.Empty, XmlSource.Guid(Text(parameters, "ViewId")), Text(parameters, "RelationshipName"), Text(parameters, "TargetEntityType")?.ToLowerInvariant(), Loc(file, c));
                    })
                    .ToList();
                var name = Child(systemForm, "LocalizedNames")?.Elements().Select(e => Attr(e, "description")).FirstOrDefault(d => d != null) ?? "(unnamed form)";
                yield return new FormDefinition(
                    XmlSource.Guid(Text(systemForm, "formid")) ?? System.Guid.Empty,
                    table,
                    formType,
                    name,
                    Loc(file, systemForm),
                    fields,
                    subgrids);
            }
        }

        private IEnumerable<ViewDefinition> ReadViews(string file, string table)
        {
            var root = Root(file, "savedqueries");
            if (root == null) yield break;
            foreach (var query in root.Elements().Where(e => e.Name.LocalName == "savedquery"))
            {
                var fetchEntity = Child(Child(Child(query, "fetchxml"), "fetch"), "entity");
                var fetchColumns = new List<ViewColumn>();
                if (fetchEntity != null)
                {
                    foreach (var element in MainEntityElements(fetchEntity))
                    {
                        switch (element.Name.LocalName)
                        {
                            case "attribute" when Attr(element, "name") is { } a:
                                fetchColumns.Add(new ViewColumn(a.ToLowerInvariant(), "attribute", Loc(file, element)));
                                break;
                            case "order" when Attr(element, "attribute") is { } o:
                                fetchColumns.Add(new ViewColumn(o.ToLowerInvariant(), "order", Loc(file, element)));
                                break;
                            case "condition" when Attr(element, "attribute") is { } c:
                                fetchColumns.Add(new ViewColumn(c.ToLowerInvariant(), "condition", Loc(file, element)));
                                break;
                        }
                    }
                }

                var cells = Child(query, "layoutxml")?.Descendants().Where(e => e.Name.LocalName == "cell" && Attr(e, "name") != null)
                    .Select(e => new ViewColumn(Attr(e, "name")!.ToLowerInvariant(), "layout", Loc(file, e)))
                    .ToList() ?? new List<ViewColumn>();
                var name = Child(query, "LocalizedNames")?.Elements().Select(e => Attr(e, "description")).FirstOrDefault(d => d != null) ?? "(unnamed view)";
                yield return new ViewDefinition(
                    XmlSource.Guid(Text(query, "savedqueryid")) ?? System.Guid.Empty,
                    table,
                    name,
                    Int(Text(query, "querytype")) ?? 0,
                    Bool(Text(query, "isdefault")),
                    Loc(file, query),
                    Attr(fetchEntity, "name")?.ToLowerInvariant(),
                    fetchColumns,
                    cells);
            }
        }

        /// <summary>Descendants of the fetch entity that belong to it, not to a link-entity.</summary>
        private static IEnumerable<XElement> MainEntityElements(XElement entity)
        {
            foreach (var child in entity.Elements())
            {
                if (child.Name.LocalName == "link-entity") continue;
                yield return child;
                if (child.Name.LocalName == "filter")
                {
                    foreach (var nested in MainEntityElements(child)) yield return nested;
                }
            }
        }

        private PluginAssemblyDefinition? ReadAssembly(string file)
        {
            var root = Root(file, "PluginAssembly");
            if (root == null) return null;
            var fullName = Attr(root, "FullName") ?? string.Empty;
            var parts = fullName.Split(',').Select(p => p.Trim()).ToList();
            string? Part(string key) => parts.Skip(1).Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2 && kv[0].Trim().Equals(key, StringComparison.OrdinalIgnoreCase)).Select(kv => kv[1].Trim()).FirstOrDefault();

            var types = Child(root, "PluginTypes")?.Elements().Where(e => e.Name.LocalName == "PluginType")
                .Select(t => new PluginTypeDefinition(
                    XmlSource.Guid(Attr(t, "PluginTypeId")),
                    Attr(t, "Name") ?? TypeNames.FullNameOf(Attr(t, "AssemblyQualifiedName")) ?? string.Empty,
                    Attr(t, "AssemblyQualifiedName") ?? string.Empty,
                    Text(t, "WorkflowActivityGroupName"),
                    Loc(file, t)))
                .ToList() ?? new List<PluginTypeDefinition>();

            return new PluginAssemblyDefinition(
                XmlSource.Guid(Attr(root, "PluginAssemblyId")),
                fullName,
                parts.FirstOrDefault() ?? string.Empty,
                Part("Version"),
                Part("PublicKeyToken"),
                Text(root, "FileName"),
                XmlSource.FolderName(file),
                Int(Text(root, "IsolationMode")),
                Int(Text(root, "SourceType")),
                Loc(file, root),
                types);
        }

        private StepDefinition? ReadStep(string file)
        {
            var root = Root(file, "SdkMessageProcessingStep");
            if (root == null) return null;
            var name = Attr(root, "Name") ?? string.Empty;
            var messageIdText = Text(root, "SdkMessageId");
            var byId = XmlSource.Guid(messageIdText) is { } messageId ? SdkMessages.NameOf(messageId) : null;
            var match = StepName.Match(name);
            var filtering = Child(root, "FilteringAttributes");
            var images = Child(root, "SdkMessageProcessingStepImages")?.Elements().Where(e => e.Name.LocalName == "SdkMessageProcessingStepImage")
                .Select(i => new StepImageDefinition(
                    Attr(i, "Name") ?? Text(i, "EntityAlias") ?? string.Empty,
                    Text(i, "EntityAlias"),
                    Int(Text(i, "ImageType")) ?? -1,
                    Text(i, "MessagePropertyName"),
                    SplitList(Text(i, "Attributes")).Select(a => a.ToLowerInvariant()).ToList(),
                    Loc(file, i)))
                .ToList() ?? new List<StepImageDefinition>();

            return new StepDefinition(
                XmlSource.Guid(Attr(root, "SdkMessageProcessingStepId")),
                name,
                byId,
                match.Success ? match.Groups["message"].Value : null,
                messageIdText,
                Text(root, "PrimaryEntity")?.ToLowerInvariant(),
                TypeNames.FullNameOf(Text(root, "PluginTypeName")),
                XmlSource.Guid(Text(root, "PluginTypeId")),
                SplitList(filtering?.Value).Select(a => a.ToLowerInvariant()).ToList(),
                Int(Text(root, "Stage")),
                Int(Text(root, "Mode")),
                Int(Text(root, "Rank")),
                Child(root, "Configuration")?.Value,
                Int(Text(root, "SupportedDeployment")),
                Loc(file, root),
                Loc(file, (XObject?)filtering ?? root),
                images);
        }

        private EnvironmentVariableDefinition? ReadEnvironmentVariable(string file)
        {
            var root = Root(file, "environmentvariabledefinition");
            if (root == null) return null;
            var defaultValue = Child(root, "defaultvalue");
            return new EnvironmentVariableDefinition(
                Attr(root, "schemaname") ?? XmlSource.FolderName(file),
                Int(Text(root, "type")),
                defaultValue?.Value,
                Loc(file, root),
                Loc(file, (XObject?)defaultValue ?? root));
        }

        /// <summary>A cloud flow as SolutionPackager unpacks it: Workflows/&lt;name&gt;-&lt;id&gt;.json.data.xml next to its .json definition.</summary>
        private CloudFlowDefinition? ReadCloudFlow(string file)
        {
            var root = Root(file, "Workflow");
            if (root == null) return null;
            return new CloudFlowDefinition(XmlSource.Guid(Attr(root, "WorkflowId")), Attr(root, "Name"), Text(root, "JsonFileName"), Int(Text(root, "Category")), Loc(file, root));
        }

        /// <summary>
        /// Exports link the plugin as &lt;plugintypeid&gt;&lt;plugintypeid&gt;GUID&lt;/plugintypeid&gt;&lt;/plugintypeid&gt;; its type name comes from
        /// the assembly's data.xml. The older &lt;plugintypeexportkey&gt; (a type name) is still read, and coach check reports it.
        /// </summary>
        private CustomControlDefinition? ReadCustomControl(string file)
        {
            var root = Root(file, "CustomControl");
            if (root == null) return null;
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            return new CustomControlDefinition(Text(root, "Name") ?? folder, folder, Text(root, "FileName"), Loc(file, root));
        }

        private CustomApiDefinition? ReadCustomApi(string file, IReadOnlyDictionary<Guid, string> typeNamesById)
        {
            var root = Root(file, "customapi");
            if (root == null) return null;
            var folder = Path.GetDirectoryName(file)!;
            var pluginType = Child(root, "plugintypeid");
            var typeId = XmlSource.Guid(Text(pluginType, "plugintypeid")) ?? (pluginType != null && !pluginType.HasElements ? XmlSource.Guid(pluginType.Value) : null);
            var exportKey = Text(pluginType, "plugintypeexportkey") ?? (typeId is { } id && typeNamesById.TryGetValue(id, out var byId) ? byId : null);

            return new CustomApiDefinition(
                Attr(root, "uniquename") ?? Text(root, "uniquename") ?? Path.GetFileName(folder),
                Path.GetFileName(folder),
                exportKey,
                typeId,
                Int(Text(root, "bindingtype")),
                Text(root, "boundentitylogicalname")?.ToLowerInvariant(),
                Loc(file, root),
                Fields(folder, "customapirequestparameters", "customapirequestparameter"),
                Fields(folder, "customapiresponseproperties", "customapiresponseproperty"));
        }

        private IReadOnlyList<CustomApiField> Fields(string apiFolder, string subfolder, string rootName)
        {
            var path = Path.Combine(apiFolder, subfolder);
            if (!Directory.Exists(path)) return Array.Empty<CustomApiField>();
            return Directory.GetFiles(path, rootName + ".xml", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (File: f, Root: Root(f, rootName)))
                .Where(x => x.Root != null)
                .Select(x => new CustomApiField(
                    Attr(x.Root, "uniquename") ?? Text(x.Root, "uniquename") ?? XmlSource.FolderName(x.File),
                    Int(Text(x.Root, "type")),
                    Bool(Text(x.Root, "isoptional")),
                    Child(x.Root, "isoptional") != null,
                    Loc(x.File, x.Root)))
                .ToList();
        }

        private List<FieldSecurityProfileDefinition> ReadFieldSecurityProfiles(string file)
        {
            var root = File.Exists(file) ? Root(file, "FieldSecurityProfiles") : null;
            if (root == null) return new List<FieldSecurityProfileDefinition>();
            return root.Elements().Where(e => e.Name.LocalName == "FieldSecurityProfile")
                .Select(profile => new FieldSecurityProfileDefinition(
                    XmlSource.Guid(Attr(profile, "fieldsecurityprofileid")),
                    Attr(profile, "name") ?? string.Empty,
                    Loc(file, profile),
                    (Child(profile, "FieldPermissions")?.Elements().Where(e => e.Name.LocalName == "FieldPermission") ?? Enumerable.Empty<XElement>())
                        .Select(p => new FieldPermissionDefinition(
                            (Text(p, "EntityName") ?? string.Empty).ToLowerInvariant(),
                            (Text(p, "AttributeName") ?? string.Empty).ToLowerInvariant(),
                            Text(p, "CanRead") == "4", Text(p, "CanUpdate") == "4", Text(p, "CanCreate") == "4",
                            Loc(file, p)))
                        .ToList()))
                .ToList();
        }

        private RoleDefinition? ReadRole(string file)
        {
            var root = Root(file, "Role");
            if (root == null) return null;
            var privileges = Child(root, "RolePrivileges")?.Elements().Where(e => e.Name.LocalName == "RolePrivilege")
                .Select(p => new RolePrivilege(Attr(p, "name") ?? string.Empty, Attr(p, "level") ?? string.Empty, Loc(file, p)))
                .ToList() ?? new List<RolePrivilege>();
            return new RoleDefinition(XmlSource.Guid(Attr(root, "id")), Attr(root, "name") ?? Path.GetFileNameWithoutExtension(file), Loc(file, root), privileges);
        }
    }
}
