using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>
/// Checks that stand-in types are a faithful subset of the real SDK listed in xrm-sdk-api/*.api.txt:
/// every public type exists there with the same kind, base type and interfaces, and every declared public
/// member exists there with the same signature. Real members the stand-in leaves out are fine (it is a subset).
/// </summary>
public static class ConformanceChecker
{
    public static IReadOnlyList<Violation> Check(IEnumerable<Type> standInTypes, ApiListing realApi) =>
        standInTypes
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => CheckType(t, realApi))
            .ToList();

    private static IEnumerable<Violation> CheckType(Type standIn, ApiListing realApi)
    {
        var name = ApiSignature.TypeName(standIn);
        // For generic definitions FullName is the metadata name (DataCollection`2), which is the listing's key.
        var real = realApi.Find(standIn.FullName ?? name);
        if (real is null)
        {
            return new[] { new Violation(name, null, $"{name}: type is not in the real SDK ({ApiListing.FolderName}/*.api.txt)") };
        }
        return HeaderViolations(standIn, name, real)
            .Concat(InterfaceListComparison.Violations(standIn, name, real, realApi))
            .Concat(MemberViolations(standIn, name, real));
    }

    private static IEnumerable<Violation> HeaderViolations(Type standIn, string name, ApiType real)
    {
        if (name != real.FullName)
        {
            yield return new Violation(name, null,
                $"{name}: name differs from the real SDK's '{real.FullName}' ({real.Source})");
        }

        var kind = ApiSignature.Kind(standIn);
        if (kind != real.Kind)
        {
            yield return new Violation(name, kind,
                $"{name}: kind '{kind}' differs from the real SDK's '{real.Kind}' ({real.Source})");
        }

        var baseType = ApiSignature.BaseTypeName(standIn) ?? "System.Object";
        var realBaseType = real.BaseType ?? "System.Object";
        if (baseType != realBaseType && !(standIn.IsValueType || standIn.IsInterface))
        {
            yield return new Violation(name, baseType,
                $"{name}: base type '{baseType}' differs from the real SDK's '{realBaseType}' ({real.Source})");
        }
    }

    private static IEnumerable<Violation> MemberViolations(Type standIn, string name, ApiType real)
    {
        var realMembers = new HashSet<string>(real.Members, StringComparer.Ordinal);
        foreach (var member in ApiSignature.MemberLines(standIn).Where(m => !realMembers.Contains(m)))
        {
            yield return new Violation(name, member,
                $"{name}: member '{member}' is not in the real SDK ({real.Source}){SameNamedRealMembers(member, real)}");
        }
    }

    /// <summary>Points at the real overloads of a mismatched member, which usually shows what to change.</summary>
    private static string SameNamedRealMembers(string member, ApiType real)
    {
        var memberName = ApiNames.MemberName(member);
        var candidates = real.Members.Where(m => ApiNames.MemberName(m) == memberName).ToList();
        return candidates.Count == 0 ? string.Empty : "; the real SDK has " + string.Join(", ", candidates.Select(c => $"'{c}'"));
    }
}
