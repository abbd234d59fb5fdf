using System.Collections.Generic;
using Xrm.Emulator.Async;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// The database transaction of one outermost operation (stages 20-40, and everything nested in them).
/// A failed nested call ends it: Dataverse rolls the whole transaction back even if a plugin catches the error.
/// </summary>
internal sealed class Transaction
{
    public Transaction(int savepoint) => Savepoint = savepoint;

    public int Savepoint { get; }

    /// <summary>Set when a call inside the transaction failed; nothing in it may commit any more.</summary>
    public bool Doomed { get; set; }

    /// <summary>Asynchronous steps triggered inside the transaction; they are queued only when it commits.</summary>
    public List<QueuedJob> Jobs { get; } = new();
}
