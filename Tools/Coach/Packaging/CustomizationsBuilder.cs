using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Coach.SolutionSource;

namespace Coach.Packaging;

/// <summary>
/// Builds the customizations.xml of a solution zip: the Other/Customizations.xml shell with the components the
/// SolutionPackager layout keeps in their own folders merged back in (tables with their forms and views, security
/// roles, field security profiles from Other/FieldSecurityProfiles.xml, relationships from Other/Relationships, code components from Controls, plugin assemblies, steps), every top-level element in the order of the CustomizationsSolution.xsd sequence.
/// Environment variable definitions and custom APIs are not merged: the zip keeps them as folders.
/// </summary>
public static class CustomizationsBuilder
{
    /// <summary>ImportExportXml children in schema order (CustomizationsSolution.xsd, plus connectionreferences which newer exports place after EntityDataProviders).</summary>
    public static readonly IReadOnlyList<string> SchemaOrder = new[]
    {
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "RibbonDiffXml", "IsvConfig", "RelationshipRoles",
        "ConnectionRoles", "SiteMap", "EntityMaps", "EntityRelationships", "OrganizationSettings", "optionsets", "Reports",
        "RoutingRules", "ChannelPropertyGroups", "ConvertRules", "MobileOfflineProfiles", "Slas", "ChannelAccessProfiles",
        "ChannelAccessProfileRules", "Dashboards", "InteractionCentricDashboards", "Dialogs", "WebResources", "CustomControls",
        "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "ServiceEndpoints", "AppModuleSiteMaps", "AppModules",
        "EntityDataProviders", "EntityDataSources", "connectionreferences", "Languages", "GlobalSearchConfigurations", "StoredProcedures",
    };

    public static XDocument Build(RepoLayout layout)
    {
        var src = layout.SolutionSource;
        var shellPath = Path.Combine(src, "Other", "Customizations.xml");
        if (!File.Exists(shellPath)) throw new PackException($"{layout.Relative(shellPath)} is missing: it is the shell the components are merged into.");
        var document = XDocument.Load(shellPath);
        var root = document.Root ?? throw new PackException($"{layout.Relative(shellPath)} is empty.");
        if (root.Name.LocalName != "ImportExportXml") throw new PackException($"{layout.Relative(shellPath)}: the root element must be <ImportExportXml>, found <{root.Name.LocalName}>.");

        Merge(root, "Entities", Entities(layout));
        Merge(root, "Workflows", Files(src, "Workflows", "*.json.data.xml", SearchOption.TopDirectoryOnly).Select(f => Component(layout, f, "Workflow")));
        Merge(root, "Roles", Files(src, "Roles", "*.xml", SearchOption.TopDirectoryOnly).Select(f => Component(layout, f, "Role")));
        Merge(root, "FieldSecurityProfiles", Files(src, "Other", "FieldSecurityProfiles.xml", SearchOption.TopDirectoryOnly)
            .SelectMany(f => Component(layout, f, "FieldSecurityProfiles").Elements().Where(e => e.Name.LocalName == "FieldSecurityProfile"))
            .Select(e => new XElement(e)));
        Merge(root, "EntityRelationships", Files(src, Path.Combine("Other", "Relationships"), "*.xml", SearchOption.TopDirectoryOnly)
            .SelectMany(f => Component(layout, f, "EntityRelationships").Elements().Where(e => e.Name.LocalName == "EntityRelationship"))
            .Select(e => new XElement(e)));
        Merge(root, "CustomControls", Files(src, "Controls", "ControlManifest.xml.data.xml", SearchOption.AllDirectories).Select(f => Component(layout, f, "CustomControl")));
        Merge(root, "SolutionPluginAssemblies", Files(src, "PluginAssemblies", "*.dll.data.xml", SearchOption.AllDirectories).Select(f => Component(layout, f, "PluginAssembly")));
        Merge(root, "SdkMessageProcessingSteps", Files(src, "SdkMessageProcessingSteps", "*.xml", SearchOption.TopDirectoryOnly).Select(f => Component(layout, f, "SdkMessageProcessingStep")));

        var unknown = root.Elements().Where(e => !SchemaOrder.Contains(e.Name.LocalName)).Select(e => e.Name.LocalName).ToList();
        if (unknown.Count > 0)
        {
            throw new PackException($"{layout.Relative(shellPath)}: <{string.Join(">, <", unknown)}> is not an element of the customizations schema.");
        }

        var ordered = root.Elements().OrderBy(e => SchemaOrderIndex(e.Name.LocalName)).ToList();
        root.RemoveNodes();
        root.Add(ordered);
        RemoveComments(document);
        return document;
    }

    public static int SchemaOrderIndex(string name)
    {
        for (var i = 0; i < SchemaOrder.Count; i++)
        {
            if (SchemaOrder[i] == name) return i;
        }

        return int.MaxValue;
    }

    public static void RemoveComments(XContainer container)
    {
        foreach (var comment in container.DescendantNodes().OfType<XComment>().ToList())
        {
            comment.Remove();
        }
    }

    private static void Merge(XElement root, string section, IEnumerable<XElement> components)
    {
        var items = components.ToList();
        if (items.Count == 0) return;
        var existing = root.Elements().FirstOrDefault(e => e.Name.LocalName == section);
        if (existing != null && existing.HasElements)
        {
            throw new PackException($"Solution/src/Other/Customizations.xml already holds <{section}> content, and Solution/src also has them in their own folder; keep them in one place.");
        }

        var merged = new XElement(section, items);
        if (existing != null) existing.ReplaceWith(merged);
        else root.Add(merged);
    }

    private static IEnumerable<string> Files(string src, string folder, string pattern, SearchOption option)
    {
        var path = Path.Combine(src, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, pattern, option).OrderBy(f => f, StringComparer.Ordinal) : Enumerable.Empty<string>();
    }

    private static XElement Load(RepoLayout layout, string file)
    {
        try
        {
            var root = XDocument.Load(file).Root ?? throw new PackException($"{layout.Relative(file)} is empty.");
            return root;
        }
        catch (System.Xml.XmlException e)
        {
            throw new PackException($"{layout.Relative(file)}:{e.LineNumber}: not well-formed XML: {e.Message}");
        }
    }

    /// <summary>A component file's root element, detached and without its own namespace declarations.</summary>
    private static XElement Component(RepoLayout layout, string file, string expected)
    {
        var root = Load(layout, file);
        if (root.Name.LocalName != expected) throw new PackException($"{layout.Relative(file)}: expected <{expected}>, found <{root.Name.LocalName}>.");
        var copy = new XElement(root);
        copy.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        return copy;
    }

    private static IEnumerable<XElement> Entities(RepoLayout layout)
    {
        var entitiesFolder = Path.Combine(layout.SolutionSource, "Entities");
        if (!Directory.Exists(entitiesFolder)) yield break;
        foreach (var folder in Directory.GetDirectories(entitiesFolder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var entityFile = Path.Combine(folder, "Entity.xml");
            if (!File.Exists(entityFile)) throw new PackException($"{layout.Relative(folder)} has no Entity.xml.");
            var entity = Component(layout, entityFile, "Entity");

            var formsFolder = Path.Combine(folder, "FormXml");
            if (Directory.Exists(formsFolder))
            {
                var formXml = new XElement("FormXml");
                foreach (var typeFolder in Directory.GetDirectories(formsFolder).OrderBy(d => d, StringComparer.Ordinal))
                {
                    var systemForms = Directory.GetFiles(typeFolder, "*.xml").OrderBy(f => f, StringComparer.Ordinal)
                        .SelectMany(f => Component(layout, f, "forms").Elements().Where(e => e.Name.LocalName == "systemform"))
                        .Select(e => new XElement(e))
                        .ToList();
                    if (systemForms.Count > 0) formXml.Add(new XElement("forms", new XAttribute("type", Path.GetFileName(typeFolder)), systemForms));
                }

                Replace(entity, formXml, afterNames: new[] { "EntityInfo", "ObjectTypeCode", "Name" });
            }

            var viewsFolder = Path.Combine(folder, "SavedQueries");
            if (Directory.Exists(viewsFolder))
            {
                var queries = Directory.GetFiles(viewsFolder, "*.xml").OrderBy(f => f, StringComparer.Ordinal)
                    .SelectMany(f => Component(layout, f, "savedqueries").Elements().Where(e => e.Name.LocalName == "savedquery"))
                    .Select(e => new XElement(e))
                    .ToList();
                if (queries.Count > 0) Replace(entity, new XElement("SavedQueries", new XElement("savedqueries", queries)), afterNames: new[] { "FormXml", "EntityInfo", "Name" });
            }

            var ribbon = Path.Combine(folder, "RibbonDiff.xml");
            if (File.Exists(ribbon))
            {
                Replace(entity, Component(layout, ribbon, "RibbonDiffXml"), afterNames: new[] { "SavedQueries", "FormXml", "EntityInfo", "Name" });
            }

            yield return entity;
        }
    }

    private static void Replace(XElement entity, XElement replacement, IReadOnlyList<string> afterNames)
    {
        var existing = entity.Elements().FirstOrDefault(e => e.Name.LocalName == replacement.Name.LocalName);
        if (existing != null)
        {
            existing.ReplaceWith(replacement);
            return;
        }

        foreach (var name in afterNames)
        {
            var anchor = entity.Elements().LastOrDefault(e => e.Name.LocalName == name);
            if (anchor != null)
            {
                anchor.AddAfterSelf(replacement);
                return;
            }
        }

        entity.Add(replacement);
    }
}

/// <summary>The solution cannot be packed; the message says what to fix.</summary>
public sealed class PackException : Exception
{
    public PackException(string message)
        : base(message)
    {
    }
}
