using System;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>What a query needs from the organization it runs in: the rows, the clock and the caller.</summary>
/// <param name="Store">The tables to read (never written by the query engine).</param>
/// <param name="UtcNow">"Now" for the relative date operators (Today, LastXDays, ...), from the emulator's clock.</param>
/// <param name="CallingUserId">The user EqualUserId / NotEqualUserId compare with.</param>
public sealed record QueryContext(EntityStore Store, DateTime UtcNow, Guid CallingUserId)
{
    /// <summary>When set, the query is checked against it first: an unknown table or column is refused as the platform refuses it.</summary>
    public Metadata.MetadataCatalog? Metadata { get; init; }

    /// <summary>When set, the root rows the caller may read (security filters rows rather than failing the query).</summary>
    public Func<StoredRow, bool>? CanReadRoot { get; init; }

    /// <summary>When set, the secured columns the caller may not read count as null in the query and are not returned.</summary>
    public ISecuredColumnAccess? SecuredColumns { get; init; }
}
