using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Coach.SolutionSource;
using Coaching.Core.Settings;

namespace Coach.Deploy;

public sealed record EnvironmentVariableSetting(string SchemaName, string Value);

public sealed record ConnectionReferenceSetting(string LogicalName, string ConnectionId, string ConnectorId);

/// <summary>
/// A deployment settings file for <c>pac solution import --settings-file</c>, shaped like the output of
/// <c>pac solution create-settings</c>: { "EnvironmentVariables": [{ "SchemaName", "Value" }], "ConnectionReferences": [{ "LogicalName", "ConnectionId", "ConnectorId" }] }.
/// Validated before anything touches the environment: variables must exist in the solution and the settings JSON must parse.
/// </summary>
public sealed record DeploymentSettings(IReadOnlyList<EnvironmentVariableSetting> EnvironmentVariables, IReadOnlyList<ConnectionReferenceSetting> ConnectionReferences)
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static DeploymentSettings Load(string path, string displayName, SolutionSourceTree tree)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(displayName, "$", "the settings file does not exist. Create it with `pac solution create-settings --solution-folder Solution/src --settings-file <file>` or copy Solution/settings/example.settings.json.");
        }

        return Parse(File.ReadAllText(path), displayName, tree);
    }

    public static DeploymentSettings Parse(string json, string displayName, SolutionSourceTree tree)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(displayName, e.Path ?? "$", $"not valid JSON (line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}): {PacConfigLoader.FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException(displayName, "$", $"expected an object with EnvironmentVariables and ConnectionReferences; found {PacConfigLoader.Describe(root)}.");
            }

            foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("EnvironmentVariables" or "ConnectionReferences")))
            {
                throw new ConfigurationException(displayName, "$." + property.Name, "unknown section; a settings file has EnvironmentVariables and ConnectionReferences.");
            }

            var known = tree.EnvironmentVariables.ToDictionary(v => v.SchemaName, StringComparer.OrdinalIgnoreCase);
            var variables = new List<EnvironmentVariableSetting>();
            foreach (var (item, path) in Items(root, "EnvironmentVariables", displayName))
            {
                var schemaName = Field(item, path, "SchemaName", displayName);
                var value = Field(item, path, "Value", displayName, allowEmpty: true);
                if (!known.TryGetValue(schemaName, out var definition))
                {
                    throw new ConfigurationException(displayName, path + ".SchemaName",
                        $"'{schemaName}' is not an environment variable of the solution; it has {string.Join(", ", known.Keys)}.");
                }

                if (!string.Equals(definition.SchemaName, schemaName, StringComparison.Ordinal))
                {
                    throw new ConfigurationException(displayName, path + ".SchemaName", $"write the schema name exactly as the solution does: '{definition.SchemaName}'.");
                }

                if (variables.Any(v => v.SchemaName == schemaName))
                {
                    throw new ConfigurationException(displayName, path + ".SchemaName", $"'{schemaName}' is set twice.");
                }

                if (schemaName == CoachingSettingsException.VariableName && value.Length > 0)
                {
                    try
                    {
                        CoachingSettingsParser.Parse(value);
                    }
                    catch (CoachingSettingsException e)
                    {
                        throw new ConfigurationException(displayName, path + ".Value", e.Message);
                    }
                }

                variables.Add(new EnvironmentVariableSetting(schemaName, value));
            }

            var references = new List<ConnectionReferenceSetting>();
            foreach (var (item, path) in Items(root, "ConnectionReferences", displayName))
            {
                references.Add(new ConnectionReferenceSetting(
                    Field(item, path, "LogicalName", displayName),
                    Field(item, path, "ConnectionId", displayName, allowEmpty: true),
                    Field(item, path, "ConnectorId", displayName)));
            }

            return new DeploymentSettings(variables, references);
        }
    }

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement root, string name, string file)
    {
        if (!root.TryGetProperty(name, out var array))
        {
            throw new ConfigurationException(file, "$." + name, "missing; pac expects the section, even when empty ([]).");
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigurationException(file, "$." + name, $"expected an array; found {PacConfigLoader.Describe(array)}.");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"$.{name}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException(file, path, $"expected an object; found {PacConfigLoader.Describe(item)}.");
            }

            yield return (item, path);
        }
    }

    private static string Field(JsonElement item, string path, string name, string file, bool allowEmpty = false)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            throw new ConfigurationException(file, path + "." + name, "missing.");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ConfigurationException(file, path + "." + name,
                name == "Value" && value.ValueKind == JsonValueKind.Object
                    ? "expected the JSON settings as a string (escaped JSON text), as pac expects; found an object."
                    : $"expected a string; found {PacConfigLoader.Describe(value)}.");
        }

        var text = value.GetString()!;
        if (!allowEmpty && text.Trim().Length == 0)
        {
            throw new ConfigurationException(file, path + "." + name, "must not be empty.");
        }

        return text;
    }
}
