using System;

namespace Xrm.Emulator.Queries;

/// <summary>
/// The query uses something the emulator does not implement (an operator, a FetchXML element, a join type...).
/// Thrown instead of returning rows that might differ from what Dataverse returns.
/// </summary>
public sealed class UnsupportedQueryException : NotSupportedException
{
    public UnsupportedQueryException(string feature, string? hint = null)
        : base($"The emulator's query engine does not support {feature}." + (hint == null ? string.Empty : " " + hint))
    {
        Feature = feature;
    }

    /// <summary>The operator, element or attribute that is not supported, e.g. "ConditionOperator.Contains".</summary>
    public string Feature { get; }
}
