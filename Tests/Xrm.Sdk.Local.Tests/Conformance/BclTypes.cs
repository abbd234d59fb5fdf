using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>The base class library of the runtime the tests run on (the shared framework folder).</summary>
public static class BclTypes
{
    private static readonly string FrameworkDirectory =
        Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;

    public static bool Contains(Type type) =>
        !type.Assembly.IsDynamic
        && string.Equals(Path.GetDirectoryName(type.Assembly.Location), FrameworkDirectory, StringComparison.Ordinal);

    /// <summary>
    /// Finds a BCL type by reflection name (<c>System.Collections.Generic.IEnumerable`1</c>), or null when this
    /// runtime has no such type: e.g. net10.0 dropped System.Runtime.InteropServices._Exception and _Attribute.
    /// </summary>
    public static Type? TryResolve(string metadataName)
    {
        // CoreLib first, then netstandard.dll, whose type forwarders reach the rest of the BCL,
        // then whatever framework assemblies are already loaded.
        return new Func<Type?>[]
            {
                () => Type.GetType(metadataName, throwOnError: false),
                () => Type.GetType(metadataName + ", netstandard", throwOnError: false),
                () => AppDomain.CurrentDomain.GetAssemblies()
                    .Where(a => !a.IsDynamic)
                    .Select(a => a.GetType(metadataName, throwOnError: false))
                    .FirstOrDefault(t => t is not null),
            }
            .Select(TryOrNull)
            .FirstOrDefault(t => t is not null && Contains(t));
    }

    private static Type? TryOrNull(Func<Type?> lookup)
    {
        try
        {
            return lookup();
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or ArgumentException)
        {
            return null;
        }
    }
}
