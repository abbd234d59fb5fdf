using System;
using System.Security.Cryptography;
using System.Text;

namespace Xrm.Emulator.Metadata;

/// <summary>
/// Ids the platform fixes per environment (privilege ids, table and column MetadataIds): derived from a name, so
/// they stay the same for every emulator and every run.
/// </summary>
internal static class StableIds
{
    public static Guid Of(string name)
    {
        using var md5 = MD5.Create();
        return new Guid(md5.ComputeHash(Encoding.UTF8.GetBytes(name.ToLowerInvariant())));
    }
}
