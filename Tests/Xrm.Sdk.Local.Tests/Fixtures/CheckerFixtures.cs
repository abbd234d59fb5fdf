using System;

// "Stand-in" types for the checker tests: each differs from the small listing in ConformanceCheckerTests in
// exactly one way (named by the type), except Conforming and the ones that show tolerated runtime differences.
namespace Xrm.Sdk.Local.Tests.Fixtures.Checker;

#pragma warning disable CA1822, IDE0060, CS0649

public class Conforming : IDisposable
{
    public static readonly int Limit;

    public string Name { get; set; } = string.Empty;

    public string? this[string key] => null;

    public static Conforming Create(string name) => new();

    public bool TryGet<T>(string key, out T? value)
    {
        value = default;
        return false;
    }

    public void Dispose() { }
}

public class WithExtraMember
{
    public string Name { get; set; } = string.Empty;

    public void Extra() { }
}

public class WithDifferentParameterType
{
    public void Set(int value) { }
}

public class WithRenamedParameter
{
    public void Set(int value) { }
}

public class WithDifferentReturnType
{
    public int Get() => 0;
}

public class WithGetOnlyProperty
{
    public string Name { get; } = string.Empty;
}

public class WithExtraConstructor
{
    public WithExtraConstructor() { }

    public WithExtraConstructor(string name) { }
}

public class WithDifferentStaticField
{
    public static readonly int Limit;
}

public class BaseA { }

public class BaseB { }

public class WithWrongBase : BaseA { }

public sealed class WithWrongKind { }

public class WithExtraInterface : IDisposable
{
    public void Dispose() { }
}

public class WithMissingInterface { }

public class WithMissingListedInterface { }

public class NotInListing { }

public class WithRenamedTypeParameter<TItem> { }

public enum WithExtraValue
{
    First = 1,
    Second = 2,
}

/// <summary>Listed with System.Runtime.InteropServices._Attribute, which net10.0 does not have.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RuntimeMissingInterfaceAttribute : Attribute { }
