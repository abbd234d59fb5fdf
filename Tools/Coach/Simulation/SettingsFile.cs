using System;
using System.IO;
using Coaching.Core.Settings;

namespace Coach.Simulation;

/// <summary>A settings file: the JSON an admin would put in coach_CoachingSettings, read with Core's parser.</summary>
public sealed record SettingsFile(string Path, string Json, CoachingSettings Settings)
{
    /// <exception cref="SettingsFileException">The file is missing or unreadable, or the settings are invalid (path-precise message).</exception>
    public static SettingsFile Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsFileException($"{path}: cannot read the settings file: {e.Message}", e);
        }

        if (LooksLikePacSettings(json))
        {
            throw new SettingsFileException(
                $"{path}: this is a pac deployment settings file (EnvironmentVariables / ConnectionReferences, from `pac solution create-settings`), " +
                $"not coaching settings. Pass the JSON value of {CoachingSettingsException.VariableName} itself: save that value to its own file and give that file to --settings.");
        }

        try
        {
            return new SettingsFile(path, json, CoachingSettingsParser.Parse(json));
        }
        catch (CoachingSettingsException e)
        {
            throw new SettingsFileException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>A top-level EnvironmentVariables or ConnectionReferences property: the format pac uses per environment.</summary>
    private static bool LooksLikePacSettings(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object &&
                   (document.RootElement.TryGetProperty("EnvironmentVariables", out _) || document.RootElement.TryGetProperty("ConnectionReferences", out _));
        }
        catch (System.Text.Json.JsonException)
        {
            return false; // Core's parser says what is wrong with it
        }
    }
}

/// <summary>The settings file cannot be used; the message names the file and the JSON path at fault.</summary>
public sealed class SettingsFileException : Exception
{
    public SettingsFileException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
