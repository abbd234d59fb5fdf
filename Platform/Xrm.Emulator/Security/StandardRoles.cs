using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Xrm.Emulator.Security;

/// <summary>The standard roles of standard-roles.json (embedded), read once per process; each call returns a fresh copy.</summary>
internal static class StandardRoles
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, PrivilegeDepth>>> Roles = new(Load);

    public static SecurityRole Create(string name)
    {
        if (!Roles.Value.TryGetValue(name, out var privileges))
        {
            throw new ArgumentException($"No standard role '{name}'. Known: {string.Join(", ", Roles.Value.Keys)}.", nameof(name));
        }

        var role = new SecurityRole(name);
        foreach (var pair in privileges) role.Grant(pair.Key, pair.Value);
        return role;
    }

    private static Dictionary<string, Dictionary<string, PrivilegeDepth>> Load()
    {
        var assembly = typeof(StandardRoles).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("standard-roles.json", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        using var document = JsonDocument.Parse(reader.ReadToEnd(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.EnumerateObject().ToDictionary(
            role => role.Name,
            role => role.Value.EnumerateObject().ToDictionary(p => p.Name, p => Enum.Parse<PrivilegeDepth>(p.Value.GetString()!), StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }
}
