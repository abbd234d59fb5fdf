using System;
using System.Collections.Generic;
using System.Linq;
using Xrm.Sdk.Local.Tests.Conformance;
using Xrm.Sdk.Local.Tests.Fixtures.Checker;

namespace Xrm.Sdk.Local.Tests;

/// <summary>Shows that the checker reports each kind of difference, naming the type and the member.</summary>
public class ConformanceCheckerTests
{
    private const string Ns = "Xrm.Sdk.Local.Tests.Fixtures.Checker";
    private const string Source = "(xrm-sdk-api/fixture.api.txt)";

    /// <summary>What the "real SDK" looks like for the fixture types.</summary>
    private static readonly ApiListing Listing = ApiListing.Parse($$"""
        class {{Ns}}.Conforming : System.IDisposable
          System.Boolean TryGet<T>(System.String key, ref T value)
          System.String Name { get; set; }
          System.String this[System.String] { get; }
          System.Void Dispose()
          System.Void NotInTheStandIn()
          ctor()
          static field System.Int32 Limit
          static {{Ns}}.Conforming Create(System.String name)
        class {{Ns}}.WithExtraMember
          System.String Name { get; set; }
          ctor()
        class {{Ns}}.WithDifferentParameterType
          System.Void Set(System.Int64 value)
          ctor()
        class {{Ns}}.WithRenamedParameter
          System.Void Set(System.Int32 amount)
          ctor()
        class {{Ns}}.WithDifferentReturnType
          System.Int64 Get()
          ctor()
        class {{Ns}}.WithGetOnlyProperty
          System.String Name { get; set; }
          ctor()
        class {{Ns}}.WithExtraConstructor
          ctor()
        class {{Ns}}.WithDifferentStaticField
          ctor()
          static field System.Int64 Limit
        class {{Ns}}.BaseA
          ctor()
        class {{Ns}}.BaseB
          ctor()
        class {{Ns}}.WithWrongBase : {{Ns}}.BaseB
          ctor()
        class {{Ns}}.WithWrongKind
          ctor()
        class {{Ns}}.WithExtraInterface
          System.Void Dispose()
          ctor()
        class {{Ns}}.WithMissingInterface : System.IDisposable
          ctor()
        interface {{Ns}}.IListedOnly
        class {{Ns}}.WithMissingListedInterface : {{Ns}}.IListedOnly
          ctor()
        enum {{Ns}}.WithExtraValue : System.IComparable, System.IConvertible, System.IFormattable
          First = 1
        class {{Ns}}.WithRenamedTypeParameter<T>
          ctor()
        sealed class {{Ns}}.RuntimeMissingInterfaceAttribute : System.Attribute, System.Runtime.InteropServices._Attribute
          ctor()
        """, "fixture.api.txt");

    private static IReadOnlyList<Violation> Check(Type standIn) => ConformanceChecker.Check(new[] { standIn }, Listing);

    [Fact]
    public void A_conforming_type_has_no_violations_even_when_it_leaves_real_members_out()
    {
        Check(typeof(Conforming)).Should().BeEmpty();
    }

    [Fact]
    public void An_extra_member_is_reported()
    {
        Check(typeof(WithExtraMember)).Should().ContainSingle().Which.Should().Be(new Violation(
            $"{Ns}.WithExtraMember",
            "System.Void Extra()",
            $"{Ns}.WithExtraMember: member 'System.Void Extra()' is not in the real SDK {Source}"));
    }

    [Fact]
    public void A_member_with_a_different_parameter_type_is_reported_with_the_real_overloads()
    {
        Check(typeof(WithDifferentParameterType)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithDifferentParameterType: member 'System.Void Set(System.Int32 value)' is not in the real SDK {Source}"
            + "; the real SDK has 'System.Void Set(System.Int64 value)'");
    }

    [Fact]
    public void A_member_with_a_different_parameter_name_is_reported()
    {
        Check(typeof(WithRenamedParameter)).Should().ContainSingle().Which.Member
            .Should().Be("System.Void Set(System.Int32 value)");
    }

    [Fact]
    public void A_member_with_a_different_return_type_is_reported()
    {
        Check(typeof(WithDifferentReturnType)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithDifferentReturnType: member 'System.Int32 Get()' is not in the real SDK {Source}"
            + "; the real SDK has 'System.Int64 Get()'");
    }

    [Fact]
    public void A_get_only_property_that_is_get_set_in_the_real_SDK_is_reported()
    {
        Check(typeof(WithGetOnlyProperty)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithGetOnlyProperty: member 'System.String Name {{ get; }}' is not in the real SDK {Source}"
            + "; the real SDK has 'System.String Name { get; set; }'");
    }

    [Fact]
    public void An_extra_constructor_is_reported()
    {
        Check(typeof(WithExtraConstructor)).Should().ContainSingle().Which.Member
            .Should().Be("ctor(System.String name)");
    }

    [Fact]
    public void A_static_field_of_a_different_type_is_reported()
    {
        Check(typeof(WithDifferentStaticField)).Should().ContainSingle().Which.Member
            .Should().Be("static field System.Int32 Limit");
    }

    [Fact]
    public void An_extra_enum_value_is_reported()
    {
        // Also shows that net10.0's extra System.ISpanFormattable on enums is not held against the stand-in.
        Check(typeof(WithExtraValue)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithExtraValue: member 'Second = 2' is not in the real SDK {Source}");
    }

    [Fact]
    public void A_wrong_base_type_is_reported()
    {
        Check(typeof(WithWrongBase)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithWrongBase: base type '{Ns}.BaseA' differs from the real SDK's '{Ns}.BaseB' {Source}");
    }

    [Fact]
    public void A_wrong_kind_is_reported()
    {
        Check(typeof(WithWrongKind)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithWrongKind: kind 'sealed class' differs from the real SDK's 'class' {Source}");
    }

    [Fact]
    public void An_extra_interface_is_reported()
    {
        Check(typeof(WithExtraInterface)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithExtraInterface: interface 'System.IDisposable' is not in the real SDK's interface list {Source}");
    }

    [Fact]
    public void A_missing_interface_is_reported()
    {
        Check(typeof(WithMissingInterface)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithMissingInterface: interface 'System.IDisposable' of the real SDK is missing {Source}");
    }

    [Fact]
    public void A_missing_SDK_interface_is_reported_even_though_the_runtime_cannot_resolve_it()
    {
        Check(typeof(WithMissingListedInterface)).Should().ContainSingle().Which.Member.Should().Be($"{Ns}.IListedOnly");
    }

    [Fact]
    public void A_real_interface_that_this_runtime_does_not_have_is_tolerated()
    {
        Check(typeof(RuntimeMissingInterfaceAttribute)).Should().BeEmpty();
    }

    [Fact]
    public void A_generic_type_with_differently_named_type_parameters_is_reported()
    {
        Check(typeof(WithRenamedTypeParameter<>)).Should().ContainSingle().Which.Message.Should().Be(
            $"{Ns}.WithRenamedTypeParameter<TItem>: name differs from the real SDK's '{Ns}.WithRenamedTypeParameter<T>' {Source}");
    }

    [Fact]
    public void A_type_absent_from_the_listing_is_reported()
    {
        Check(typeof(NotInListing)).Should().ContainSingle().Which.Should().Be(new Violation(
            $"{Ns}.NotInListing",
            null,
            $"{Ns}.NotInListing: type is not in the real SDK (xrm-sdk-api/*.api.txt)"));
    }

    [Fact]
    public void Violations_of_several_types_are_all_reported_in_type_order()
    {
        var violations = ConformanceChecker.Check(
            new[] { typeof(WithWrongKind), typeof(Conforming), typeof(NotInListing), typeof(WithExtraMember) }, Listing);

        violations.Select(v => v.TypeName).Should().Equal(
            $"{Ns}.NotInListing", $"{Ns}.WithExtraMember", $"{Ns}.WithWrongKind");
    }
}
