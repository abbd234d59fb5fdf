using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Coach.Deploy;

/// <summary>pac-config.json: what <c>coach deploy</c> hands to pac.</summary>
public sealed record PacConfig(
    string EnvironmentUrl,
    string SolutionName,
    string? PublisherPrefix,
    bool Managed,
    string? SettingsFile,
    string? OutputDirectory)
{
    public const string FileName = "pac-config.json";

    public static readonly IReadOnlyList<string> Properties = new[]
    {
        "environmentUrl", "solutionName", "publisherPrefix", "managed", "settingsFile", "outputDirectory",
    };

    /// <summary>The host of the example configuration, which must be replaced before a real deployment.</summary>
    public bool IsPlaceholderEnvironment => Uri.TryCreate(EnvironmentUrl, UriKind.Absolute, out var uri) && uri.Host.StartsWith("yourorg.", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A configuration or settings file is wrong: the file, the JSON path at fault and what to change.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string file, string jsonPath, string problem)
        : base($"{file}: {jsonPath}: {problem}")
    {
        File = file;
        JsonPath = jsonPath;
        Problem = problem;
    }

    public string File { get; }

    public string JsonPath { get; }

    public string Problem { get; }
}

public static class PacConfigLoader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads and validates pac-config.json; <paramref name="displayName"/> is how messages name the file.</summary>
    public static PacConfig Load(string path, string displayName)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(displayName, "$", $"the file does not exist. Create it at the repository root (see README, \"Deploy to an environment\").");
        }

        return Parse(File.ReadAllText(path), displayName);
    }

    public static PacConfig Parse(string json, string displayName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(displayName, e.Path ?? "$", $"not valid JSON (line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}): {FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException(displayName, "$", $"expected an object with {string.Join(", ", PacConfig.Properties)}; found {Describe(root)}.");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name.StartsWith("$", StringComparison.Ordinal)) continue; // "$comment" and the like.
                if (!PacConfig.Properties.Contains(property.Name, StringComparer.Ordinal))
                {
                    var near = PacConfig.Properties.FirstOrDefault(p => string.Equals(p, property.Name, StringComparison.OrdinalIgnoreCase));
                    throw new ConfigurationException(displayName, "$." + property.Name,
                        near != null ? $"unknown setting; did you mean \"{near}\"?" : $"unknown setting; expected one of {string.Join(", ", PacConfig.Properties)}.");
                }
            }

            var url = RequiredString(root, "environmentUrl", displayName, "the environment URL, such as \"https://yourorg.crm.dynamics.com\"");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host) || (uri.AbsolutePath != "/" && uri.AbsolutePath.Length > 0))
            {
                throw new ConfigurationException(displayName, "$.environmentUrl", $"expected the https URL of the environment, such as \"https://yourorg.crm.dynamics.com\"; found \"{url}\".");
            }

            var solution = RequiredString(root, "solutionName", displayName, "the solution's unique name, \"CoachingPlugins\"");
            return new PacConfig(
                url.TrimEnd('/'),
                solution,
                OptionalString(root, "publisherPrefix", displayName),
                OptionalBool(root, "managed", displayName) ?? false,
                OptionalString(root, "settingsFile", displayName),
                OptionalString(root, "outputDirectory", displayName));
        }
    }

    private static string RequiredString(JsonElement root, string name, string file, string what)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new ConfigurationException(file, "$." + name, $"missing; set it to {what}.");
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new ConfigurationException(file, "$." + name, $"expected a string, {what}; found {Describe(value)}.");
        }

        return value.GetString()!.Trim();
    }

    private static string? OptionalString(JsonElement root, string name, string file)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ConfigurationException(file, "$." + name, $"expected a string or null; found {Describe(value)}.");
        }

        var text = value.GetString()!.Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool? OptionalBool(JsonElement root, string name, string file)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ConfigurationException(file, "$." + name, $"expected true or false; found {Describe(value)}."),
        };
    }

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }
}
