using System;
using System.Collections;
using System.Collections.Generic;

// Hand-written copies of a few real SDK types, in our own namespace, written from the SDK's documented
// declarations. The formatter tests render them and compare with the real listing's lines (after swapping the
// namespace), so the formatter is checked against text it did not produce. Bodies are irrelevant.
namespace Xrm.Sdk.Local.Tests.Fixtures.RealShapes;

#pragma warning disable CA1822, IDE0060

public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
{
    protected DataCollection() { }

    public bool IsReadOnly => false;

    public ICollection<TKey> Keys => Array.Empty<TKey>();

    public ICollection<TValue> Values => Array.Empty<TValue>();

    public int Count => 0;

    public TValue this[TKey key]
    {
        get => default!;
        set { }
    }

    public void Add(TKey key, TValue value) { }

    public void Add(KeyValuePair<TKey, TValue> item) { }

    public void AddRange(params KeyValuePair<TKey, TValue>[] items) { }

    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items) { }

    public void Clear() { }

    public bool Contains(TKey key) => false;

    public bool Contains(KeyValuePair<TKey, TValue> key) => false;

    public bool ContainsKey(TKey key) => false;

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) { }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => throw new NotSupportedException();

    public bool Remove(TKey key) => false;

    public bool Remove(KeyValuePair<TKey, TValue> item) => false;

    public bool TryGetValue(TKey key, out TValue value)
    {
        value = default!;
        return false;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class AttributeCollection : DataCollection<string, object>
{
}

public struct XrmTimeSpan
{
    public static readonly XrmTimeSpan Zero = default;

    public XrmTimeSpan(int days, int hours, int minutes) : this() { }

    public XrmTimeSpan(int years, int months, int days, int hours, int minutes) : this() { }

    public XrmTimeSpan(TimeSpan value) : this() { }

    public int Years { get; set; }

    public int Months { get; set; }

    public int Days { get; set; }

    public int Hours { get; set; }

    public int Minutes { get; set; }

    public static XrmTimeSpan CreateXrmTimeSpan(XrmTimeSpan cts) => cts;

    public static XrmTimeSpan CreateXrmTimeSpan(int days, int hours, int minutes) => default;

    public static XrmTimeSpan CreateXrmTimeSpan(int years, int months, int days, int hours, int minutes) => default;

    public DateTime Add(DateTime value) => value;

    public DateTime Subtract(DateTime value) => value;

    public bool Equals(XrmTimeSpan value) => true;

    public override bool Equals(object? obj) => obj is XrmTimeSpan;

    public override int GetHashCode() => 0;
}

public enum ConcurrencyBehavior
{
    Default = 0,
    IfRowVersionMatches = 1,
    AlwaysOverwrite = 2,
}
