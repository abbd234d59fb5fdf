using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Xrm.Emulator.Metadata;

/// <summary>
/// The tables and columns an unpacked solution defines (Entities/*/Entity.xml): a new table gets the standard
/// columns every table of its kind has; a system table (Opportunity, Task) gains the columns its file lists.
/// </summary>
internal static class SolutionTables
{
    public static void LoadInto(MetadataCatalog catalog, string solutionSrcFolder)
    {
        var folder = Path.Combine(solutionSrcFolder, "Entities");
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, "Entity.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var entity = XDocument.Load(file).Root?.Element("EntityInfo")?.Element("entity");
            var name = ((string?)entity?.Attribute("Name"))?.ToLowerInvariant();
            if (entity == null || name == null) continue;

            var columns = entity.Element("attributes")?.Elements("attribute").Select(a => Column(a, file)).Where(c => c != null).Select(c => c!).ToList()
                          ?? new List<ColumnMetadata>();
            var isActivity = entity.Element("IsActivity")?.Value.Trim() == "1";
            var existing = catalog.Find(name);
            if (existing != null)
            {
                catalog.Add(existing.With(columns));
                continue;
            }

            catalog.AddCustomTable(name, isActivity, userOwned: entity.Element("OwnershipTypeMask")?.Value.Trim() != "OrgOwned", columns);
        }

        ReadRelationships(catalog, solutionSrcFolder);
    }

    // Exports may name a lookup's target by object type code; these are the fixed codes of the tables a lookup here can target.
    private static readonly Dictionary<int, string> ObjectTypeCodes = new()
    {
        [1] = "account", [2] = "contact", [3] = "opportunity", [4] = "lead", [8] = "systemuser", [9] = "team", [10] = "businessunit",
        [4201] = "appointment", [4210] = "phonecall", [4212] = "task", [4200] = "activitypointer",
    };

    private static string TargetName(string text)
    {
        var trimmed = text.Trim();
        return int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? ObjectTypeCodes.TryGetValue(code, out var table) ? table : string.Empty
            : trimmed.ToLowerInvariant();
    }

    /// <summary>Other/Relationships/*.xml: a one-to-many relationship makes its referenced table a target of the referencing lookup.</summary>
    private static void ReadRelationships(MetadataCatalog catalog, string solutionSrcFolder)
    {
        var folder = Path.Combine(solutionSrcFolder, "Other", "Relationships");
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (var relationship in XDocument.Load(file).Descendants("EntityRelationship"))
            {
                var referencing = relationship.Element("ReferencingEntityName")?.Value.Trim().ToLowerInvariant();
                var referenced = relationship.Element("ReferencedEntityName")?.Value.Trim().ToLowerInvariant();
                var attribute = relationship.Element("ReferencingAttributeName")?.Value.Trim().ToLowerInvariant();
                if (referencing == null || referenced == null || attribute == null) continue;
                var table = catalog.Find(referencing);
                var column = table?.Column(attribute);
                if (table == null || column == null || !column.IsLookup || column.TargetsTable(referenced)) continue;
                catalog.Add(table.With(new[] { column.WithTarget(referenced) })); // keeps IsSecured and the rest
            }
        }
    }

    private static ColumnMetadata? Column(XElement attribute, string file)
    {
        var name = (attribute.Element("LogicalName")?.Value ?? attribute.Element("Name")?.Value)?.Trim().ToLowerInvariant();
        var type = attribute.Element("Type")?.Value.Trim();
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(type)) return null;

        int? Int(string element) => int.TryParse(attribute.Element(element)?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        decimal? Number(string element) => decimal.TryParse(attribute.Element(element)?.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

        // Choices list <options><option>; a table's own statecode lists <states><state>, its statuscode <statuses><status state=…>.
        var optionSet = attribute.Element("optionset");
        var optionElements = optionSet?.Element("options")?.Elements("option")
                             ?? optionSet?.Element("states")?.Elements("state")
                             ?? optionSet?.Element("statuses")?.Elements("status");
        var options = optionElements?.ToDictionary(
            o => int.Parse((string)o.Attribute("value")!, CultureInfo.InvariantCulture),
            o => (string?)o.Descendants("label").FirstOrDefault()?.Attribute("description") ?? string.Empty);
        var stateOfStatus = optionSet?.Element("statuses")?.Elements("status").ToDictionary(
            s => int.Parse((string)s.Attribute("value")!, CultureInfo.InvariantCulture),
            s => int.Parse((string)s.Attribute("state")!, CultureInfo.InvariantCulture));

        var column = type switch
        {
            "nvarchar" => new ColumnMetadata(name, ColumnType.String) { MaxLength = Int("MaxLength") ?? 100 },
            "ntext" => new ColumnMetadata(name, ColumnType.Memo) { MaxLength = Int("MaxLength") ?? 2000 },
            "int" => new ColumnMetadata(name, ColumnType.Integer) { MinValue = Number("MinValue") ?? int.MinValue, MaxValue = Number("MaxValue") ?? int.MaxValue },
            "bigint" => new ColumnMetadata(name, ColumnType.BigInt),
            "money" => new ColumnMetadata(name, ColumnType.Money)
            {
                MinValue = Number("MinValue") ?? ColumnDefaults.MoneyMin, MaxValue = Number("MaxValue") ?? ColumnDefaults.MoneyMax, Precision = Int("Accuracy") ?? 2,
            },
            "decimal" => new ColumnMetadata(name, ColumnType.Decimal) { MinValue = Number("MinValue"), MaxValue = Number("MaxValue"), Precision = Int("Accuracy") ?? 2 },
            "float" => new ColumnMetadata(name, ColumnType.Double) { MinValue = Number("MinValue"), MaxValue = Number("MaxValue") },
            "datetime" => new ColumnMetadata(name, ColumnType.DateTime)
            {
                DateOnly = attribute.Element("Behavior")?.Value.Trim() == "2" || attribute.Element("Format")?.Value.Trim() == "date",
            },
            "bit" => new ColumnMetadata(name, ColumnType.Boolean) { Options = options ?? new Dictionary<int, string>(ColumnDefaults.YesNo) },
            "picklist" => new ColumnMetadata(name, ColumnType.Picklist) { Options = options ?? new Dictionary<int, string>(), DefaultValue = Int("AppDefaultValue") is { } d && d != -1 ? d : null },
            "state" => new ColumnMetadata(name, ColumnType.State) { Options = options ?? new Dictionary<int, string>() },
            "status" => new ColumnMetadata(name, ColumnType.Status) { Options = options ?? new Dictionary<int, string>(), StateOfStatus = stateOfStatus },
            "lookup" => new ColumnMetadata(name, ColumnType.Lookup)
            {
                Targets = attribute.Element("LookupTypes")?.Elements("LookupType").Select(t => TargetName(t.Value)).Where(t => t.Length > 0).ToArray()
                          ?? Array.Empty<string>(),
            },
            "customer" => new ColumnMetadata(name, ColumnType.Customer) { Targets = new[] { "account", "contact" } },
            "owner" => new ColumnMetadata(name, ColumnType.Owner) { Targets = new[] { "systemuser", "team" } },
            "primarykey" or "uniqueidentifier" => new ColumnMetadata(name, ColumnType.Uniqueidentifier),
            "partylist" => new ColumnMetadata(name, ColumnType.PartyList),
            _ => throw new InvalidDataException($"{file}: the attribute '{name}' has a type the emulator does not know: '{type}'."),
        };
        return attribute.Element("IsSecured")?.Value.Trim() == "1" ? column.AsSecured() : column;
    }
}
