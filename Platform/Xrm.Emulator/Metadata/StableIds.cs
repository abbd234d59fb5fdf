using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Xrm.Emulator.Metadata;

/// <summary>
/// Ids the platform fixes per environment (privilege ids, table and column MetadataIds): derived from a name, so
/// they stay the same for every emulator and every run.
/// </summary>
internal static class StableIds
{
    // Asked for every column of a table on each RetrieveEntity (the session sharing step makes one per new session).
    private static readonly ConcurrentDictionary<string, Guid> Known = new(StringComparer.OrdinalIgnoreCase);

    public static Guid Of(string name) => Known.GetOrAdd(name, static key =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes(key.ToLowerInvariant()))));
}
