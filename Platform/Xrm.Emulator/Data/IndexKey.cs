using System;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Data;

/// <summary>
/// The comparable form of a column value, as Dataverse compares it in a condition: a lookup by its id,
/// a choice by its number, money by its amount, text case-insensitively. Null is a key of its own.
/// </summary>
public readonly struct IndexKey : IEquatable<IndexKey>
{
    private readonly object? _value;

    private IndexKey(object? value) => _value = value;

    public static IndexKey Of(object? value) => new(Normalize(value));

    /// <summary>The normalized value the key stands for (null for rows without a value).</summary>
    public object? Value => _value;

    public static object? Normalize(object? value) => value switch
    {
        null => null,
        EntityReference r => r.Id,
        OptionSetValue o => (decimal)o.Value,
        Money m => m.Value,
        AliasedValue a => Normalize(a.Value),
        string s => s.ToUpperInvariant(),
        int i => (decimal)i,
        long l => (decimal)l,
        double d => (decimal)d,
        decimal d => d,
        Enum e => (decimal)Convert.ToInt32(e),
        _ => value,
    };

    public bool Equals(IndexKey other) => Equals(_value, other._value);

    public override bool Equals(object? obj) => obj is IndexKey other && Equals(other);

    public override int GetHashCode() => _value?.GetHashCode() ?? 0;
}
