using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>
/// The real SDK's public API as listed in ../shared/xrm-sdk-api/*.api.txt, indexed by metadata name.
/// </summary>
public sealed class ApiListing
{
    /// <summary>The listing folder's name, also used in violation messages so a reader can grep for it.</summary>
    public const string FolderName = "xrm-sdk-api";

    private readonly Dictionary<string, ApiType> typesByMetadataName;

    private ApiListing(IEnumerable<ApiType> types)
    {
        typesByMetadataName = new Dictionary<string, ApiType>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            // A type listed twice would make the check ambiguous; the first listing wins, as in the files' order.
            typesByMetadataName.TryAdd(type.MetadataName, type);
        }
    }

    public IReadOnlyCollection<ApiType> Types => typesByMetadataName.Values;

    /// <summary>Looks a type up by reflection name, e.g. <c>Microsoft.Xrm.Sdk.DataCollection`2</c>.</summary>
    public ApiType? Find(string metadataName) =>
        typesByMetadataName.TryGetValue(metadataName, out var type) ? type : null;

    /// <summary>Loads every *.api.txt in <paramref name="folder"/>.</summary>
    public static ApiListing Load(string folder)
    {
        var files = Directory.GetFiles(folder, "*.api.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No *.api.txt files in {folder} ({FolderName}).");
        }
        return Parse(files.Select(f => (Path.GetFileName(f), File.ReadAllText(f))));
    }

    /// <summary>Parses listings given as (file name, text) pairs; tests use this for small in-memory listings.</summary>
    public static ApiListing Parse(IEnumerable<(string SourceFile, string Text)> listings)
    {
        var rawTypes = listings.SelectMany(l => ApiListingParser.ParseRaw(l.Text, l.SourceFile)).ToList();
        var listedKinds = rawTypes
            .GroupBy(t => ApiNames.ToMetadataName(t.FullName))
            .ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        var classifier = new SupertypeClassifier(listedKinds);
        return new ApiListing(rawTypes.Select(classifier.Resolve));
    }

    public static ApiListing Parse(string text, string sourceFile = "fixture.api.txt") =>
        Parse(new[] { (sourceFile, text) });
}
