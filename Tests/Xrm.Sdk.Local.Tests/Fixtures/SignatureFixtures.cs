using System;
using System.Collections.Generic;

// Types whose rendering the formatter tests spell out by hand. They exercise every shape the listing has:
// constructors, properties with restricted setters, indexers, generic methods, ref/out, arrays, nullable,
// events, fields, enums, structs, static classes, nested generic types and flattened interface lists.
namespace Xrm.Sdk.Local.Tests.Fixtures;

#pragma warning disable CS0067 // events are never raised: only their signatures matter
#pragma warning disable CA1822, IDE0060

public class FormatterSample : IComparable
{
    public const string Constant = "c";
    public static readonly Guid SharedId = Guid.Empty;
    public readonly int Count;

    static FormatterSample() { } // type initializer: not public, not listed

    public FormatterSample() { }

    public FormatterSample(string name, params object[] args) { }

    protected FormatterSample(int hidden) { } // protected: not listed

    public event EventHandler<EventArgs>? Changed;

    public static event EventHandler? Reset;

    public static DateTime Created { get; } = DateTime.MinValue;

    public string Name { get; set; } = string.Empty;

    public int SetPrivately { get; private set; }

    public string WriteOnly { set { } }

    protected string Hidden { get; set; } = string.Empty; // protected: not listed

    public string this[string key]
    {
        get => key;
        set { }
    }

    public int this[int row, string column] => row;

    public static FormatterSample operator +(FormatterSample left, FormatterSample right) => left;

    public Dictionary<string, List<int?>> Nested() => new();

    public bool TryFind<T>(string key, out T? value) where T : class
    {
        value = null;
        return false;
    }

    public void Update(ref Guid id, int[][] jagged, string[,] grid, int optional = 3) { }

    public KeyValuePair<TKey, TValue>[] Pairs<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> items) => Array.Empty<KeyValuePair<TKey, TValue>>();

    public override string ToString() => Name;

    int IComparable.CompareTo(object? other) => 0; // explicit implementation: private, not listed

    internal void Internal() { } // internal: not listed
}

public interface IFixtureBase
{
    string Id { get; }
}

public interface IFixtureMiddle : IFixtureBase
{
}

public interface IFixtureTop : IFixtureMiddle, IDisposable
{
    void Run(IFixtureBase other);
}

public enum FixtureColour : short
{
    Green = -2,
    Red = 1,
    Blue = 300,
}

public struct FixturePoint : IEquatable<FixturePoint>
{
    public int X { get; set; }

    public bool Equals(FixturePoint other) => X == other.X;
}

public static class FixtureHelpers
{
    public static T FirstOrFallback<T>(this IEnumerable<T> items, T fallback) => fallback;
}

public abstract class FixtureAbstractBase
{
    public abstract void Run();
}

public sealed class FixtureDerived : FixtureAbstractBase, IDisposable
{
    public override void Run() { }

    public void Dispose() { }
}

public sealed class FixtureException : Exception
{
    public FixtureException(string message) : base(message) { }
}

public record FixtureRecord(string Name); // compiler-generated members (Clone, EqualityContract) are skipped

public class FixtureOuter<T> where T : notnull // constraints are not part of the listing format
{
    public class Inner<U>
    {
        public Dictionary<T, U>? Map { get; set; }
    }
}
