using System;

namespace Xrm.Emulator.Queries;

/// <summary>
/// The query is one Dataverse itself rejects (Top together with PageInfo, a QueryByAttribute without values,
/// an unknown link-entity alias, a value that does not fit the column...). The service layer turns it into the
/// fault the caller would see.
/// </summary>
public sealed class InvalidQueryException : InvalidOperationException
{
    public InvalidQueryException(string message)
        : base(message)
    {
    }

    public InvalidQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
