using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Xrm.Emulator.Metadata;

/// <summary>
/// The standard tables of standard-tables.json (embedded in this assembly), parsed once per process: the tables are
/// immutable, so every emulator shares them.
/// </summary>
internal static class StandardTables
{
    private static readonly Lazy<StandardTableSet> Parsed = new(() => Parse(ReadResource()));

    public static StandardTableSet All => Parsed.Value;

    private static string ReadResource()
    {
        var assembly = typeof(StandardTables).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("standard-tables.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static StandardTableSet Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var templates = new Dictionary<string, IReadOnlyList<ColumnMetadata>>(StringComparer.Ordinal);
        foreach (var template in root.GetProperty("templates").EnumerateObject())
        {
            templates[template.Name] = Columns(template.Value, template.Name);
        }

        var tables = new Dictionary<string, TableMetadata>(StringComparer.Ordinal);
        foreach (var table in root.GetProperty("tables").EnumerateObject())
        {
            var definition = table.Value;
            var isActivity = definition.TryGetProperty("activity", out var activity) && activity.GetBoolean();
            var ownership = definition.GetProperty("ownership").GetString();
            var columns = new List<ColumnMetadata>(templates["@all"]);
            if (ownership == "user") columns.AddRange(templates["@userowned"]);
            if (isActivity) columns.AddRange(templates["@activity"]);
            columns.AddRange(Columns(definition.GetProperty("columns"), table.Name));
            var primaryName = definition.GetProperty("primaryName").ValueKind == JsonValueKind.Null ? null : definition.GetProperty("primaryName").GetString();
            var schemaName = definition.TryGetProperty("schemaName", out var schema) ? schema.GetString() : null;
            tables[table.Name] = new TableMetadata(table.Name, definition.GetProperty("primaryId").GetString()!, primaryName, isActivity, columns, schemaName);
        }

        return new StandardTableSet(tables, templates);
    }

    private static List<ColumnMetadata> Columns(JsonElement columns, string owner)
    {
        var result = new List<ColumnMetadata>();
        foreach (var property in columns.EnumerateObject())
        {
            var spec = property.Value;
            var typeName = spec.GetProperty("type").GetString();
            if (!Enum.TryParse<ColumnType>(typeName, ignoreCase: false, out var type))
            {
                throw new InvalidDataException($"standard-tables.json: {owner}.{property.Name} has an unknown type '{typeName}'.");
            }

            result.Add(new ColumnMetadata(property.Name, type)
            {
                MaxLength = spec.TryGetProperty("maxLength", out var maxLength) ? maxLength.GetInt32() : null,
                MinValue = spec.TryGetProperty("min", out var min) ? min.GetDecimal() : null,
                MaxValue = spec.TryGetProperty("max", out var max) ? max.GetDecimal() : null,
                Precision = spec.TryGetProperty("precision", out var precision) ? precision.GetInt32() : type == ColumnType.Money ? 2 : null,
                DateOnly = spec.TryGetProperty("behavior", out var behavior) && behavior.GetString() == "DateOnly",
                Options = spec.TryGetProperty("options", out var options)
                    ? options.EnumerateObject().ToDictionary(o => int.Parse(o.Name, CultureInfo.InvariantCulture), o => o.Value.GetString()!)
                    : type == ColumnType.Boolean ? ColumnDefaults.YesNo : null,
                StateOfStatus = spec.TryGetProperty("states", out var states)
                    ? states.EnumerateObject().ToDictionary(o => int.Parse(o.Name, CultureInfo.InvariantCulture), o => o.Value.GetInt32())
                    : null,
                Targets = spec.TryGetProperty("targets", out var targets) ? targets.EnumerateArray().Select(t => t.GetString()!).ToArray() : Array.Empty<string>(),
            });
        }

        return result;
    }
}

/// <summary>The parsed standard tables and the column templates custom tables reuse (@all, @userowned, @activity).</summary>
internal sealed record StandardTableSet(IReadOnlyDictionary<string, TableMetadata> Tables, IReadOnlyDictionary<string, IReadOnlyList<ColumnMetadata>> Templates);

internal static class ColumnDefaults
{
    public static readonly IReadOnlyDictionary<int, string> YesNo = new Dictionary<int, string> { [0] = "No", [1] = "Yes" };

    /// <summary>Money's range when the column names none.</summary>
    public const decimal MoneyMin = -922337203685477m;

    public const decimal MoneyMax = 922337203685477m;
}
