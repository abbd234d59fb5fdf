using System;
using System.Collections.Generic;

namespace Xrm.Emulator.Data;

/// <summary>
/// Orders GUIDs as SQL Server orders uniqueidentifier values (and so as Dataverse sorts ids): the last six bytes first,
/// then bytes 8–9, 6–7, 4–5 and 0–3 of the .NET byte layout. Same order as <see cref="System.Data.SqlTypes.SqlGuid"/>,
/// without the two byte arrays SqlGuid allocates per comparison.
/// </summary>
public sealed class SqlGuidOrder : IComparer<Guid>
{
    public static readonly SqlGuidOrder Instance = new();

    private static readonly int[] ByteOrder = { 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3 };

    private SqlGuidOrder()
    {
    }

    public int Compare(Guid x, Guid y)
    {
        if (x == y) return 0;
        Span<byte> left = stackalloc byte[16];
        Span<byte> right = stackalloc byte[16];
        x.TryWriteBytes(left);
        y.TryWriteBytes(right);
        foreach (var position in ByteOrder)
        {
            if (left[position] != right[position]) return left[position] < right[position] ? -1 : 1;
        }

        return 0;
    }
}
