using System.Collections.Generic;
using System.Linq;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>One exported type of a *.api.txt listing (xrm-sdk-api), with its declared public member lines.</summary>
/// <param name="Kind">class, sealed class, abstract class, static class, interface, enum or struct.</param>
/// <param name="FullName">As written in the listing, e.g. <c>Microsoft.Xrm.Sdk.DataCollection&lt;TKey,TValue&gt;</c>.</param>
/// <param name="BaseType">Null when the listing omits it (System.Object, and always for structs, enums and interfaces).</param>
/// <param name="Interfaces">All implemented interfaces, flattened, as listed.</param>
/// <param name="Members">Member lines without their two-space indent.</param>
/// <param name="SourceFile">File name the type came from, e.g. <c>Microsoft.Xrm.Sdk.api.txt</c>.</param>
public sealed record ApiType(
    string Kind,
    string FullName,
    string? BaseType,
    IReadOnlyList<string> Interfaces,
    IReadOnlyList<string> Members,
    string SourceFile)
{
    /// <summary>Reflection-style name (<c>DataCollection`2</c>), the key that ties a listed type to a System.Type.</summary>
    public string MetadataName => ApiNames.ToMetadataName(FullName);

    /// <summary>How a violation message points at the listing, e.g. <c>xrm-sdk-api/Microsoft.Xrm.Sdk.api.txt</c>.</summary>
    public string Source => ApiListing.FolderName + "/" + SourceFile;

    /// <summary>The type line rebuilt in listing format (round-trips the parsed line).</summary>
    public string HeaderLine
    {
        get
        {
            var supertypes = new[] { BaseType }.OfType<string>().Concat(Interfaces).ToList();
            var head = Kind + " " + FullName;
            return supertypes.Count == 0 ? head : head + " : " + string.Join(", ", supertypes);
        }
    }
}
