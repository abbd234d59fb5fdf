using System.Collections.Generic;
using System.Linq;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>
/// Splits a listed class's supertypes into base type and interfaces. The listing omits System.Object, so in
/// <c>sealed class AliasedValue : System.Runtime.Serialization.IExtensibleDataObject</c> the first entry is an
/// interface, while in <c>class X : System.Exception, ...</c> it is the base class.
/// </summary>
public sealed class SupertypeClassifier(IReadOnlyDictionary<string, string> listedKindsByMetadataName)
{
    public ApiType Resolve(RawApiType raw)
    {
        var supertypes = raw.Supertypes;
        var hasBaseType = raw.Kind.EndsWith("class") && supertypes.Count > 0 && !IsInterface(supertypes[0]);
        return new ApiType(
            raw.Kind,
            raw.FullName,
            hasBaseType ? supertypes[0] : null,
            hasBaseType ? supertypes.Skip(1).ToList() : supertypes,
            raw.Members,
            raw.SourceFile);
    }

    /// <summary>Asks, in order: the listings themselves, the running BCL, then the .NET naming convention.</summary>
    private bool IsInterface(string listedName)
    {
        var metadataName = ApiNames.ToMetadataName(listedName);
        if (listedKindsByMetadataName.TryGetValue(metadataName, out var kind)) return kind == "interface";
        if (BclTypes.TryResolve(metadataName) is { } runtimeType) return runtimeType.IsInterface;
        var simpleName = metadataName[(metadataName.LastIndexOfAny(new[] { '.', '+' }) + 1)..];
        return simpleName.StartsWith('_') // COM-visible _Exception, _Attribute
            || (simpleName.Length > 1 && simpleName[0] == 'I' && char.IsUpper(simpleName[1]));
    }
}
