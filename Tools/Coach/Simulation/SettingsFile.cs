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

        try
        {
            return new SettingsFile(path, json, CoachingSettingsParser.Parse(json));
        }
        catch (CoachingSettingsException e)
        {
            throw new SettingsFileException($"{path}: {e.Message}", e);
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
