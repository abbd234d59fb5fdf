using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>
/// A type as written in a listing, before we know whether its first supertype is a base class or an interface
/// (the listing omits System.Object, so <c>class A : X</c> may mean either).
/// </summary>
public sealed record RawApiType(
    string Kind,
    string FullName,
    IReadOnlyList<string> Supertypes,
    IReadOnlyList<string> Members,
    string SourceFile);

/// <summary>Reads the line format of the *.api.txt files (xrm-sdk-api).</summary>
public static class ApiListingParser
{
    /// <summary>Type kinds, longest first so "sealed class" is not read as "class".</summary>
    public static readonly IReadOnlyList<string> Kinds =
        new[] { "abstract class", "sealed class", "static class", "interface", "struct", "class", "enum" };

    private const string MemberIndent = "  ";

    public static IReadOnlyList<RawApiType> ParseRaw(string text, string sourceFile)
    {
        var types = new List<RawApiType>();
        string? header = null;
        var members = new List<string>();
        var lineNumber = 0;

        void Flush()
        {
            if (header is not null) types.Add(ParseHeader(header, members.ToList(), sourceFile));
            members.Clear();
        }

        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith(MemberIndent))
            {
                if (header is null)
                {
                    throw new FormatException($"{sourceFile}:{lineNumber}: member line before any type line: '{line}'");
                }
                members.Add(line[MemberIndent.Length..]);
                continue;
            }
            Flush();
            header = line;
        }
        Flush();
        return types;
    }

    private static RawApiType ParseHeader(string header, IReadOnlyList<string> members, string sourceFile)
    {
        var kind = Kinds.FirstOrDefault(k => header.StartsWith(k + " "))
            ?? throw new FormatException($"{sourceFile}: unknown type kind in '{header}'");
        var rest = header[(kind.Length + 1)..];
        var colon = rest.IndexOf(" : ", StringComparison.Ordinal);
        var fullName = colon >= 0 ? rest[..colon] : rest;
        var supertypes = colon >= 0 ? ApiNames.SplitTopLevel(rest[(colon + 3)..]) : Array.Empty<string>();
        return new RawApiType(kind, fullName, supertypes, members, sourceFile);
    }
}
