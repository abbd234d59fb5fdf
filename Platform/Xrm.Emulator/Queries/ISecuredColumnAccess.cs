using System.Collections.Generic;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// What column security hides from the caller of a query. Dataverse treats a secured column the caller may not read
/// as null in the query's conditions, ordering and aggregates, and returns no value for it.
/// </summary>
public interface ISecuredColumnAccess
{
    /// <summary>The columns of the table the caller may be unable to read (empty when none); asked once per table and query.</summary>
    IReadOnlySet<string> HiddenColumnsOf(string table);

    /// <summary>Whether the caller reads <paramref name="column"/> (one of <see cref="HiddenColumnsOf"/>) on this row, e.g. through a field share of it.</summary>
    bool CanRead(StoredRow row, string column);
}
