using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// Copies request parameters the way the platform's serialization does: the pipeline's Target is never the
/// caller's Entity object, so a plugin changing it does not change the caller's instance.
/// </summary>
internal static class ParameterCopier
{
    public static ParameterCollection Copy(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var pair in source)
        {
            copy[pair.Key] = pair.Value switch
            {
                EntityReferenceCollection references => new EntityReferenceCollection(
                    System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(references, r => (EntityReference)ValueCopier.CopyValue(r)!))),
                string[] strings => (string[])strings.Clone(),
                System.Guid[] ids => (System.Guid[])ids.Clone(),
                _ => ValueCopier.CopyValue(pair.Value)!,
            };
        }

        return copy;
    }
}
