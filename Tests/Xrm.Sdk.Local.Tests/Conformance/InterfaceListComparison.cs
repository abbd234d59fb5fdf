using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>
/// Compares a stand-in type's flattened interface list with the real one, allowing only for differences
/// between .NET Framework (where the listing was taken) and the runtime the tests run on.
/// </summary>
public static class InterfaceListComparison
{
    public static IEnumerable<Violation> Violations(Type standIn, string name, ApiType real, ApiListing realApi)
    {
        var actual = ApiSignature.Interfaces(standIn);
        var addedByRuntimeBase = InterfacesOfNearestBclBase(standIn);

        foreach (var missing in real.Interfaces.Except(actual, StringComparer.Ordinal))
        {
            if (IsMissingFromRuntime(missing, realApi)) continue;
            yield return new Violation(name, missing,
                $"{name}: interface '{missing}' of the real SDK is missing ({real.Source})");
        }

        foreach (var extra in actual.Except(real.Interfaces, StringComparer.Ordinal))
        {
            if (addedByRuntimeBase.Contains(extra)) continue;
            yield return new Violation(name, extra,
                $"{name}: interface '{extra}' is not in the real SDK's interface list ({real.Source})");
        }
    }

    /// <summary>
    /// A real interface the stand-in cannot implement on this runtime: not an SDK type (those the stand-in can and
    /// must define) and not resolvable in the running BCL. net10.0 has no System.Runtime.InteropServices._Exception
    /// or _Attribute, which .NET Framework's Exception and Attribute implement; likewise WPF/WF-only interfaces.
    /// </summary>
    private static bool IsMissingFromRuntime(string interfaceName, ApiListing realApi)
    {
        var metadataName = ApiNames.ToMetadataName(interfaceName);
        return realApi.Find(metadataName) is null && BclTypes.TryResolve(metadataName) is null;
    }

    /// <summary>
    /// Interfaces that a BCL base class brings on this runtime: net10.0's System.Enum adds ISpanFormattable,
    /// which .NET Framework's did not have, so every enum shows it. The stand-in did not choose these.
    /// </summary>
    private static HashSet<string> InterfacesOfNearestBclBase(Type standIn)
    {
        var ancestor = standIn.BaseType;
        while (ancestor is not null && !BclTypes.Contains(ancestor)) ancestor = ancestor.BaseType;
        return ancestor is null || ancestor == typeof(object)
            ? new HashSet<string>(StringComparer.Ordinal)
            : new HashSet<string>(ApiSignature.Interfaces(ancestor), StringComparer.Ordinal);
    }
}
