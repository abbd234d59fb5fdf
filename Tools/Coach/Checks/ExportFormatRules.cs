using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Coach.SolutionSource;

namespace Coach.Checks;

/// <summary>
/// Solution/src in the exact shape real Dataverse exports have, so the import's schema validation and the
/// importer accept it: GUIDs where GUIDs belong, lookups backed by relationships, new tables with their primary key,
/// primary name and state columns, children in the order the schema's sequences fix, unique ids within a form,
/// custom APIs linked to their plugin type by id, platform table shells without unmodified, assemblies named in
/// the manifest. Compared with public exports and Microsoft's CustomizationsSolution.xsd 9.0.0.2090.
/// </summary>
internal static class ExportFormatRules
{
    /// <summary>CustomizationsSolution.xsd GuidType.</summary>
    private static readonly Regex GuidPattern = new(@"^\{?[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}\}?$", RegexOptions.Compiled);

    /// <summary>
    /// sdkmessageprocessingsteptype, a sequence. Real 2025-26 exports write SdkMessageId first; the importer takes
    /// that too, so it may stand first or at its schema place.
    /// </summary>
    private static readonly string[] StepOrder =
    {
        "PluginTypeName", "PluginTypeId", "PrimaryEntity", "SecondaryEntity", "AsyncAutoDelete", "Configuration", "Description",
        "FilteringAttributes", "ImpersonatingUserIdName", "InvocationSource", "Mode", "Rank", "SdkMessageId", "EventHandler",
        "EventHandlerTypeCode", "Stage", "IsCustomizable", "IsHidden", "SupportedDeployment", "IntroducedVersion", "SdkMessageProcessingStepImages",
    };

    private static readonly string[] StepImageOrder =
    {
        "Description", "SdkMessageProcessingStepImageId", "Attributes", "EntityAlias", "ImageType", "MessagePropertyName",
        "RelatedAttributeName", "IsCustomizable", "IntroducedVersion",
    };

    private static readonly string[] PluginAssemblyOrder =
    {
        "Description", "IsolationMode", "SourceType", "Path", "Url", "UserName", "IntroducedVersion", "IsCustomizable", "AuthType", "FileName", "PluginTypes", "IsHidden",
    };

    private static readonly string[] PluginTypeOrder = { "Description", "FriendlyName", "WorkflowActivityGroupName" };

    private static readonly string[] OptionSetOrder =
    {
        "OptionSetType", "IsGlobal", "IntroducedVersion", "IsCustomizable", "ExternalTypeName", "displaynames", "Descriptions", "options", "statuses", "states",
    };

    private static readonly string[] ActivityStates = { "Open", "Completed", "Canceled" };

    public static IEnumerable<Finding> Run(CheckContext context)
    {
        var reader = new Files(context.Layout);
        foreach (var finding in Steps(reader)) yield return finding;
        foreach (var finding in Assemblies(reader)) yield return finding;
        foreach (var finding in Tables(context, reader)) yield return finding;
        foreach (var finding in Forms(context, reader)) yield return finding;
        foreach (var finding in Views(reader)) yield return finding;
        foreach (var finding in CustomApis(reader)) yield return finding;
        foreach (var (file, role) in reader.Roots("Roles", "*.xml", "Role"))
        {
            foreach (var finding in Guid(reader, file, role, "id", attribute: true)) yield return finding;
        }

        foreach (var finding in Manifest(context, reader)) yield return finding;
    }

    private static IEnumerable<Finding> Steps(Files files)
    {
        foreach (var (file, root) in files.Roots("SdkMessageProcessingSteps", "*.xml", "SdkMessageProcessingStep"))
        {
            foreach (var finding in Guid(files, file, root, "SdkMessageProcessingStepId", attribute: true)) yield return finding;
            foreach (var finding in Guid(files, file, XmlSource.Child(root, "PluginTypeId"), "PluginTypeId")) yield return finding;
            var order = XmlSource.Child(root, "SdkMessageId") == root.Elements().FirstOrDefault() ? StepOrder.Where(n => n != "SdkMessageId").Prepend("SdkMessageId").ToArray() : StepOrder;
            foreach (var finding in Order(files, file, root, order, "step")) yield return finding;
            foreach (var image in root.Descendants().Where(e => e.Name.LocalName == "SdkMessageProcessingStepImage"))
            {
                foreach (var finding in Guid(files, file, XmlSource.Child(image, "SdkMessageProcessingStepImageId"), "SdkMessageProcessingStepImageId")) yield return finding;
                foreach (var finding in Order(files, file, image, StepImageOrder, "step image")) yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> Assemblies(Files files)
    {
        foreach (var (file, root) in files.Roots("PluginAssemblies", "*.dll.data.xml", "PluginAssembly", SearchOption.AllDirectories))
        {
            foreach (var finding in Guid(files, file, root, "PluginAssemblyId", attribute: true)) yield return finding;
            foreach (var finding in Order(files, file, root, PluginAssemblyOrder, "plugin assembly")) yield return finding;
            foreach (var type in root.Descendants().Where(e => e.Name.LocalName == "PluginType"))
            {
                foreach (var finding in Guid(files, file, type, "PluginTypeId", attribute: true)) yield return finding;
                foreach (var finding in Order(files, file, type, PluginTypeOrder, $"plugin type '{XmlSource.Attr(type, "Name")}'")) yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> Tables(CheckContext context, Files files)
    {
        var relationships = Relationships(files).ToList();
        foreach (var folder in files.Folders("Entities"))
        {
            var file = Path.Combine(folder, "Entity.xml");
            var root = files.Root(file, "Entity");
            var entity = XmlSource.Child(XmlSource.Child(root, "EntityInfo"), "entity");
            if (root == null || entity == null) continue;
            var tableName = (XmlSource.Text(root, "Name") ?? Path.GetFileName(folder)).ToLowerInvariant();
            var table = context.Tree.Table(tableName);
            var attributes = XmlSource.Child(entity, "attributes")?.Elements().Where(e => e.Name.LocalName == "attribute").ToList() ?? new List<XElement>();

            if (table is { IsNew: false } && XmlSource.Bool(XmlSource.Attr(entity, "unmodified")))
            {
                var carries = attributes.Count > 0 || Directory.Exists(Path.Combine(folder, "FormXml")) || Directory.Exists(Path.Combine(folder, "SavedQueries"));
                if (carries)
                {
                    yield return files.Finding(Rules.SystemTableShell, file, entity,
                        $"Platform table '{tableName}' is marked unmodified=\"1\" but Solution/src adds columns, forms or views to it; real exports of such a shell leave unmodified off <entity>.");
                }
            }

            if (table?.IsNew == true)
            {
                foreach (var finding in NewTable(files, file, tableName, table.IsActivity, entity, attributes)) yield return finding;
            }

            foreach (var attribute in attributes)
            {
                foreach (var optionSet in attribute.Elements().Where(e => e.Name.LocalName == "optionset"))
                {
                    foreach (var finding in Order(files, file, optionSet, OptionSetOrder, $"option set '{XmlSource.Attr(optionSet, "Name")}'")) yield return finding;
                }

                if (!string.Equals(XmlSource.Text(attribute, "Type"), "lookup", StringComparison.OrdinalIgnoreCase)) continue;
                var column = (XmlSource.Text(attribute, "LogicalName") ?? XmlSource.Attr(attribute, "PhysicalName") ?? string.Empty).ToLowerInvariant();
                foreach (var type in XmlSource.Child(attribute, "LookupTypes")?.Elements().Where(e => e.Name.LocalName == "LookupType") ?? Enumerable.Empty<XElement>())
                {
                    if (!int.TryParse(type.Value.Trim(), out _))
                    {
                        yield return files.Finding(Rules.Lookup, file, type,
                            $"Lookup '{tableName}.{column}': LookupType '{type.Value.Trim()}' is not an integer object type code; write <LookupTypes /> and let the relationship name the target table.");
                    }

                    foreach (var finding in Guid(files, file, type, "id", attribute: true)) yield return finding;
                }

                var isCustomColumn = XmlSource.Bool(XmlSource.Text(attribute, "IsCustomField"));
                if (isCustomColumn && !relationships.Any(r => r.Matches(tableName, column)))
                {
                    yield return files.Finding(Rules.Lookup, file, attribute,
                        $"Lookup '{tableName}.{column}' has no relationship behind it: add a OneToMany EntityRelationship with ReferencingEntityName {tableName} and ReferencingAttributeName {column} to Solution/src/Other/Relationships/<ReferencedTable>.xml.");
                }
            }
        }

        // Real exports list every relationship of Other/Relationships/ in the Other/Relationships.xml index, and only those.
        var indexFile = Path.Combine(context.Layout.SolutionSource, "Other", "Relationships.xml");
        if (files.Root(indexFile, "EntityRelationships") is { } index)
        {
            var listed = index.Elements().Where(e => e.Name.LocalName == "EntityRelationship").ToList();
            var listedNames = listed.Select(e => XmlSource.Attr(e, "Name")).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var missing in relationships.Where(r => !listedNames.Contains(r.Name)))
            {
                yield return new Finding(Rules.Lookup, Severity.Error, missing.Location,
                    $"Relationship '{missing.Name}' is not listed in Solution/src/Other/Relationships.xml; exports list every relationship there.");
            }

            foreach (var stray in listed.Where(e => !relationships.Any(r => string.Equals(r.Name, XmlSource.Attr(e, "Name"), StringComparison.OrdinalIgnoreCase))))
            {
                yield return files.Finding(Rules.Lookup, indexFile, stray,
                    $"Other/Relationships.xml lists '{XmlSource.Attr(stray, "Name")}', which no file in Other/Relationships/ defines.");
            }
        }

        foreach (var relationship in relationships)
        {
            if (relationship.Type != "OneToMany") continue;
            if (relationship.ReferencingEntity == null || relationship.ReferencingAttribute == null || relationship.ReferencedEntity == null)
            {
                yield return new Finding(Rules.Lookup, Severity.Error, relationship.Location,
                    $"Relationship '{relationship.Name}' needs ReferencingEntityName, ReferencingAttributeName and ReferencedEntityName.");
                continue;
            }

            if (context.Tree.Table(relationship.ReferencingEntity) is { } referencing && !referencing.HasColumn(relationship.ReferencingAttribute))
            {
                yield return new Finding(Rules.Lookup, Severity.Error, relationship.Location,
                    $"Relationship '{relationship.Name}' names {relationship.ReferencingEntity}.{relationship.ReferencingAttribute}, which Solution/src does not define.");
            }
        }
    }

    private static IEnumerable<Finding> NewTable(Files files, string file, string tableName, bool isActivity, XElement entity, IReadOnlyList<XElement> attributes)
    {
        if (XmlSource.Child(entity, "PrimaryNameAttribute") is { } invented)
        {
            yield return files.Finding(Rules.TablePrimary, file, invented,
                $"New table '{tableName}': <PrimaryNameAttribute> is not an element of an entity; the primary column is the attribute whose DisplayMask includes PrimaryName.");
        }

        string? Logical(XElement a) => XmlSource.Text(a, "LogicalName")?.ToLowerInvariant();
        var keys = attributes.Where(a => string.Equals(XmlSource.Text(a, "Type"), "primarykey", StringComparison.OrdinalIgnoreCase)).ToList();
        var expectedKey = isActivity ? "activityid" : tableName + "id";
        if (keys.Count != 1 || Logical(keys[0]) != expectedKey)
        {
            yield return files.Finding(Rules.TablePrimary, file, entity,
                $"New table '{tableName}' needs exactly one primarykey attribute, '{expectedKey}'{(isActivity ? " (an activity's key)" : string.Empty)}; found {(keys.Count == 0 ? "none" : string.Join(", ", keys.Select(Logical)))}.");
        }

        var primaryNames = attributes.Where(a => (XmlSource.Text(a, "DisplayMask") ?? string.Empty).Split('|').Contains("PrimaryName")).ToList();
        if (primaryNames.Count != 1)
        {
            yield return files.Finding(Rules.TablePrimary, file, entity,
                $"New table '{tableName}' needs exactly one attribute whose DisplayMask includes PrimaryName{(isActivity ? " (an activity: subject)" : string.Empty)}; found {primaryNames.Count}.");
        }
        else if (isActivity && (Logical(primaryNames[0]) != "subject" || XmlSource.Attr(primaryNames[0], "PhysicalName") != "Subject"))
        {
            yield return files.Finding(Rules.TablePrimary, file, primaryNames[0],
                $"Activity table '{tableName}': the primary name is 'subject' with PhysicalName \"Subject\", found '{Logical(primaryNames[0])}' (PhysicalName \"{XmlSource.Attr(primaryNames[0], "PhysicalName")}\").");
        }

        var state = attributes.FirstOrDefault(a => Logical(a) == "statecode" && XmlSource.Text(a, "Type") == "state");
        var status = attributes.FirstOrDefault(a => Logical(a) == "statuscode" && XmlSource.Text(a, "Type") == "status");
        var states = state?.Descendants().Where(e => e.Name.LocalName == "state").ToList() ?? new List<XElement>();
        var statuses = status?.Descendants().Where(e => e.Name.LocalName == "status").ToList() ?? new List<XElement>();
        if (state == null || status == null || states.Count == 0 || statuses.Count == 0)
        {
            yield return files.Finding(Rules.TablePrimary, file, entity,
                $"New table '{tableName}' needs a statecode attribute (Type state) with its states and a statuscode attribute (Type status) with its statuses.");
            yield break;
        }

        var stateValues = states.Select(s => XmlSource.Int(XmlSource.Attr(s, "value"))).ToHashSet();
        foreach (var orphan in statuses.Where(s => !stateValues.Contains(XmlSource.Int(XmlSource.Attr(s, "state")))))
        {
            yield return files.Finding(Rules.TablePrimary, file, orphan, $"Table '{tableName}': status {XmlSource.Attr(orphan, "value")} belongs to state {XmlSource.Attr(orphan, "state")}, which statecode does not define.");
        }

        if (isActivity && !ActivityStates.Select((name, value) => states.Any(s => XmlSource.Int(XmlSource.Attr(s, "value")) == value && XmlSource.Attr(s, "invariantname") == name)).All(found => found))
        {
            yield return files.Finding(Rules.TablePrimary, file, state,
                $"Activity table '{tableName}': statecode needs the activity states 0 Open, 1 Completed, 2 Canceled (invariantname as written).");
        }
    }

    private static IEnumerable<Finding> Forms(CheckContext context, Files files)
    {
        var shippedControls = context.Tree.CustomControls.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in files.Folders("Entities"))
        {
            var formsFolder = Path.Combine(folder, "FormXml");
            if (!Directory.Exists(formsFolder)) continue;
            foreach (var file in Directory.GetFiles(formsFolder, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var root = files.Root(file, "forms");
                foreach (var systemForm in root?.Elements().Where(e => e.Name.LocalName == "systemform") ?? Enumerable.Empty<XElement>())
                {
                    foreach (var finding in Guid(files, file, XmlSource.Child(systemForm, "formid"), "formid")) yield return finding;
                    var form = XmlSource.Child(systemForm, "form");
                    if (form == null) continue;
                    foreach (var element in form.Descendants().Where(e => e.Name.LocalName is "tab" or "section" or "cell" or "header" or "footer"))
                    {
                        if (XmlSource.Attr(element, "id") != null) foreach (var finding in Guid(files, file, element, "id", attribute: true)) yield return finding;
                    }

                    foreach (var viewId in form.Descendants().Where(e => e.Name.LocalName == "ViewId" && e.Parent?.Name.LocalName == "parameters"))
                    {
                        foreach (var finding in Guid(files, file, viewId, "ViewId")) yield return finding;
                    }

                    foreach (var (kind, elements) in new[] { ("cell", "cell"), ("control", "control") })
                    {
                        foreach (var duplicate in form.Descendants().Where(e => e.Name.LocalName == elements && XmlSource.Attr(e, "id") != null)
                                     .GroupBy(e => XmlSource.Attr(e, "id")!.Trim('{', '}').ToLowerInvariant()).Where(g => g.Count() > 1))
                        {
                            yield return files.Finding(Rules.FormIds, file, duplicate.Skip(1).First(),
                                $"Form {XmlSource.Text(systemForm, "formid")}: {kind} id '{XmlSource.Attr(duplicate.First(), "id")}' is used {duplicate.Count()} times; every {kind} id in a form is unique (header cells get their own GUIDs).");
                        }
                    }

                    foreach (var finding in CustomControlsOf(files, file, systemForm, form, shippedControls)) yield return finding;

                    foreach (var control in XmlSource.Child(form, "header")?.Descendants().Where(e => e.Name.LocalName == "control") ?? Enumerable.Empty<XElement>())
                    {
                        var field = XmlSource.Attr(control, "datafieldname");
                        if (field != null && !string.Equals(XmlSource.Attr(control, "id"), "header_" + field, StringComparison.Ordinal))
                        {
                            yield return files.Finding(Rules.FormIds, file, control,
                                $"Header control '{XmlSource.Attr(control, "id")}' shows {field}; header controls are named 'header_{field}', as the form designer writes them.");
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// controlDescriptions bind custom controls to the form's controls by uniqueid; a code component the solution
    /// does not ship is a missing dependency the import refuses. Platform controls are named MscrmControls.*; the
    /// default control entry has an id and no name.
    /// </summary>
    private static IEnumerable<Finding> CustomControlsOf(Files files, string file, XElement systemForm, XElement form, IReadOnlySet<string> shipped)
    {
        var formId = XmlSource.Text(systemForm, "formid");
        var uniqueIds = form.Descendants().Where(e => e.Name.LocalName == "control")
            .Select(c => XmlSource.Attr(c, "uniqueid")?.Trim('{', '}').ToLowerInvariant())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var description in XmlSource.Child(form, "controlDescriptions")?.Elements().Where(e => e.Name.LocalName == "controlDescription") ?? Enumerable.Empty<XElement>())
        {
            var forControl = XmlSource.Attr(description, "forControl");
            if (forControl == null || !uniqueIds.Contains(forControl.Trim('{', '}').ToLowerInvariant()))
            {
                yield return files.Finding(Rules.FormCustomControls, file, description,
                    $"Form {formId}: controlDescription forControl '{forControl}' is the uniqueid of no control in the form, so its custom control never shows; give the control uniqueid=\"{forControl}\".");
            }

            foreach (var customControl in description.Elements().Where(e => e.Name.LocalName == "customControl"))
            {
                var name = XmlSource.Attr(customControl, "name");
                if (name == null || name.StartsWith("MscrmControls.", StringComparison.Ordinal) || shipped.Contains(name)) continue;
                yield return files.Finding(Rules.FormCustomControls, file, customControl,
                    $"Form {formId} uses the code component '{name}', which the solution does not ship (no Solution/src/Controls/{name}/ControlManifest.xml.data.xml); the import fails on the missing dependency.");
            }
        }
    }

    private static IEnumerable<Finding> Views(Files files)
    {
        foreach (var folder in files.Folders("Entities"))
        {
            var viewsFolder = Path.Combine(folder, "SavedQueries");
            if (!Directory.Exists(viewsFolder)) continue;
            foreach (var file in Directory.GetFiles(viewsFolder, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
            {
                foreach (var query in files.Root(file, "savedqueries")?.Elements().Where(e => e.Name.LocalName == "savedquery") ?? Enumerable.Empty<XElement>())
                {
                    foreach (var finding in Guid(files, file, XmlSource.Child(query, "savedqueryid"), "savedqueryid")) yield return finding;
                }
            }
        }
    }

    private static IEnumerable<Finding> CustomApis(Files files)
    {
        foreach (var folder in files.Folders("customapis"))
        {
            var apiFile = Path.Combine(folder, "customapi.xml");
            var api = files.Root(apiFile, "customapi");
            if (api == null) continue;
            foreach (var finding in CustomApiComponent(files, apiFile, api, "custom API")) yield return finding;

            var link = XmlSource.Child(api, "plugintypeid");
            if (link != null)
            {
                if (XmlSource.Child(link, "plugintypeexportkey") is { } exportKey)
                {
                    yield return files.Finding(Rules.CustomApiFormat, apiFile, exportKey,
                        $"Custom API '{XmlSource.Attr(api, "uniquename")}' links its plugin by <plugintypeexportkey> (a type name); exports link it as <plugintypeid><plugintypeid>GUID</plugintypeid></plugintypeid>, the PluginTypeId of the assembly's data.xml.");
                }
                else
                {
                    foreach (var finding in Guid(files, apiFile, XmlSource.Child(link, "plugintypeid"), "plugintypeid")) yield return finding;
                }
            }

            foreach (var (sub, rootName) in new[] { ("customapirequestparameters", "customapirequestparameter"), ("customapiresponseproperties", "customapiresponseproperty") })
            {
                var path = Path.Combine(folder, sub);
                if (!Directory.Exists(path)) continue;
                foreach (var file in Directory.GetFiles(path, rootName + ".xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (files.Root(file, rootName) is { } field)
                    {
                        foreach (var finding in CustomApiComponent(files, file, field, rootName == "customapirequestparameter" ? "request parameter" : "response property")) yield return finding;
                    }
                }
            }
        }
    }

    /// <summary>What every custom API file shares: a plain-string name and children in alphabetical order, as exports write them.</summary>
    private static IEnumerable<Finding> CustomApiComponent(Files files, string file, XElement root, string kind)
    {
        var label = $"{kind} '{XmlSource.Attr(root, "uniquename")}'";
        if (XmlSource.Child(root, "name") is { } name && name.HasElements)
        {
            yield return files.Finding(Rules.CustomApiFormat, file, name, $"The {label}: <name> is a plain string in exports (<name>{XmlSource.Attr(root, "uniquename")}</name>), not a localized label.");
        }

        var children = root.Elements().Select(e => e.Name.LocalName).ToList();
        var sorted = children.OrderBy(c => c, StringComparer.Ordinal).ToList();
        if (!children.SequenceEqual(sorted))
        {
            var first = children.Where((c, i) => c != sorted[i]).First();
            yield return files.Finding(Rules.ElementOrder, file, root.Elements().First(e => e.Name.LocalName == first),
                $"The {label}: children are out of order at <{first}>; exports write them in alphabetical order ({string.Join(", ", sorted)}).");
        }
    }

    private static IEnumerable<Finding> Manifest(CheckContext context, Files files)
    {
        var manifest = context.Tree.Manifest;
        if (manifest == null) yield break;
        foreach (var component in manifest.RootComponents.Where(c => c.Type == ComponentTypes.PluginAssembly))
        {
            var assembly = context.Tree.PluginAssemblies.FirstOrDefault(a => a.Id == component.Id);
            if (component.SchemaName == null)
            {
                yield return new Finding(Rules.RootComponents, Severity.Error, component.Location,
                    $"{component}: a plugin assembly root component carries schemaName, the assembly's full name{(assembly != null ? $" (\"{assembly.FullName}\")" : string.Empty)}.{RootFix}");
            }
            else if (assembly != null && !string.Equals(component.SchemaName, assembly.FullName, StringComparison.Ordinal))
            {
                yield return new Finding(Rules.RootComponents, Severity.Error, component.Location,
                    $"{component}: schemaName '{component.SchemaName}' differs from the assembly's FullName '{assembly.FullName}'.{RootFix}");
            }
        }

        var file = Path.Combine(context.Layout.SolutionSource, "Other", "Solution.xml");
        foreach (var root in files.Root(file, "ImportExportXml")?.Descendants().Where(e => e.Name.LocalName == "RootComponent") ?? Enumerable.Empty<XElement>())
        {
            if (XmlSource.Attr(root, "id") != null) foreach (var finding in Guid(files, file, root, "id", attribute: true)) yield return finding;
        }
    }

    private const string RootFix = " Run `coach check --fix` to rewrite the list.";

    private static IEnumerable<Finding> Guid(Files files, string file, XElement? element, string name, bool attribute = false)
    {
        if (element == null) yield break;
        var raw = attribute ? element.Attributes().FirstOrDefault(a => a.Name.LocalName == name)?.Value : element.Value;
        if (raw == null && attribute) yield break;
        var value = raw?.Trim() ?? string.Empty;
        if (!GuidPattern.IsMatch(value))
        {
            var where = attribute ? $"<{element.Name.LocalName} {name}>" : $"<{name}>";
            yield return files.Finding(Rules.Guid, file, element,
                $"{where} holds {(value.Length == 0 ? "nothing" : $"'{value}'")}, not a GUID; the import validates it against the schema's GUID pattern.");
        }
    }

    /// <summary>Children present must follow the schema sequence; an element the sequence does not know is reported too.</summary>
    private static IEnumerable<Finding> Order(Files files, string file, XElement parent, IReadOnlyList<string> sequence, string what)
    {
        var last = -1;
        foreach (var child in parent.Elements())
        {
            var index = IndexOf(sequence, child.Name.LocalName);
            if (index < 0)
            {
                yield return files.Finding(Rules.ElementOrder, file, child, $"The {what}: <{child.Name.LocalName}> is not an element the schema allows here ({string.Join(", ", sequence)}).");
                continue;
            }

            if (index < last)
            {
                yield return files.Finding(Rules.ElementOrder, file, child,
                    $"The {what}: <{child.Name.LocalName}> comes after <{sequence[last]}>; the schema fixes the order {string.Join(", ", sequence)}.");
                yield break;
            }

            last = index;
        }
    }

    private static int IndexOf(IReadOnlyList<string> sequence, string name)
    {
        for (var i = 0; i < sequence.Count; i++)
        {
            if (sequence[i] == name) return i;
        }

        return -1;
    }

    private static IEnumerable<RelationshipDefinition> Relationships(Files files)
    {
        foreach (var (file, root) in files.Roots(Path.Combine("Other", "Relationships"), "*.xml", "EntityRelationships"))
        {
            foreach (var relationship in root.Elements().Where(e => e.Name.LocalName == "EntityRelationship"))
            {
                yield return new RelationshipDefinition(
                    XmlSource.Attr(relationship, "Name") ?? string.Empty,
                    XmlSource.Text(relationship, "EntityRelationshipType"),
                    XmlSource.Text(relationship, "ReferencingEntityName")?.ToLowerInvariant(),
                    XmlSource.Text(relationship, "ReferencingAttributeName")?.ToLowerInvariant(),
                    XmlSource.Text(relationship, "ReferencedEntityName")?.ToLowerInvariant(),
                    files.Location(file, relationship));
            }
        }
    }

    private sealed record RelationshipDefinition(string Name, string? Type, string? ReferencingEntity, string? ReferencingAttribute, string? ReferencedEntity, SourceLocation Location)
    {
        public bool Matches(string table, string column) =>
            Type == "OneToMany" && ReferencingEntity == table && ReferencingAttribute == column && ReferencedEntity != null;
    }

    /// <summary>Solution/src files with line numbers; files that do not parse are left to the coach-xml rule.</summary>
    private sealed class Files
    {
        private readonly RepoLayout _layout;

        public Files(RepoLayout layout)
        {
            _layout = layout;
        }

        public IEnumerable<string> Folders(string folder)
        {
            var path = Path.Combine(_layout.SolutionSource, folder);
            return Directory.Exists(path) ? Directory.GetDirectories(path).OrderBy(d => d, StringComparer.Ordinal) : Enumerable.Empty<string>();
        }

        public IEnumerable<(string File, XElement Root)> Roots(string folder, string pattern, string rootName, SearchOption option = SearchOption.TopDirectoryOnly)
        {
            var path = Path.Combine(_layout.SolutionSource, folder);
            if (!Directory.Exists(path)) yield break;
            foreach (var file in Directory.GetFiles(path, pattern, option).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (Root(file, rootName) is { } root) yield return (file, root);
            }
        }

        public XElement? Root(string file, string rootName)
        {
            if (!File.Exists(file)) return null;
            try
            {
                var root = XmlSource.Load(file).Root;
                return root != null && root.Name.LocalName == rootName ? root : null;
            }
            catch (XmlException)
            {
                return null;
            }
        }

        public SourceLocation Location(string file, XObject node) => new(_layout.Relative(file), XmlSource.Line(node));

        public Finding Finding(string rule, string file, XObject node, string message) => new(rule, Severity.Error, Location(file, node), message);
    }
}
