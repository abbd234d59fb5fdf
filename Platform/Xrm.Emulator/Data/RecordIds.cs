using System;
using System.Security.Cryptography;

namespace Xrm.Emulator.Data;

/// <summary>
/// Random (version 4) ids for new records, jobs and operations (correlation and operation ids), as Guid.NewGuid makes
/// them, but from random bytes fetched 256 ids at a time: Guid.NewGuid asks the OS for 16 bytes on every call, a system
/// call per created row. Each thread draws from its own bytes.
/// </summary>
internal static class RecordIds
{
    private const int Batch = 256;

    [ThreadStatic] private static byte[]? _random;
    [ThreadStatic] private static int _next;

    public static Guid Next()
    {
        var random = _random ??= new byte[Batch * 16];
        if (_next == 0) RandomNumberGenerator.Fill(random);
        var bytes = random.AsSpan(_next * 16, 16);
        _next = (_next + 1) % Batch;

        // The version (4) and variant (RFC 4122) bits of a random Guid, at the positions Guid's byte layout gives them.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
