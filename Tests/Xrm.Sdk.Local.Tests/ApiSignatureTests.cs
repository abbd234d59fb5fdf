using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using Xrm.Sdk.Local.Tests.Conformance;
using Xrm.Sdk.Local.Tests.Fixtures;
using Shapes = Xrm.Sdk.Local.Tests.Fixtures.RealShapes;

namespace Xrm.Sdk.Local.Tests;

public class ApiSignatureTests
{
    private const string Fixtures = "Xrm.Sdk.Local.Tests.Fixtures.";

    [Theory]
    [InlineData(typeof(string), "System.String")]
    [InlineData(typeof(void), "System.Void")]
    [InlineData(typeof(Guid?), "System.Nullable<System.Guid>")]
    [InlineData(typeof(string[]), "System.String[]")]
    [InlineData(typeof(int[][]), "System.Int32[][]")]
    [InlineData(typeof(string[,]), "System.String[,]")]
    [InlineData(typeof(Dictionary<,>), "System.Collections.Generic.Dictionary<TKey,TValue>")]
    [InlineData(typeof(Dictionary<string, List<int?>>),
        "System.Collections.Generic.Dictionary<System.String,System.Collections.Generic.List<System.Nullable<System.Int32>>>")]
    [InlineData(typeof(KeyValuePair<string, object>[]), "System.Collections.Generic.KeyValuePair<System.String,System.Object>[]")]
    [InlineData(typeof(Environment.SpecialFolder), "System.Environment+SpecialFolder")]
    [InlineData(typeof(FixtureOuter<>.Inner<>), Fixtures + "FixtureOuter<T>+Inner<U>")]
    [InlineData(typeof(FixtureOuter<int>.Inner<string>), Fixtures + "FixtureOuter<System.Int32>+Inner<System.String>")]
    public void Type_names_are_written_like_the_listing(Type type, string expected)
    {
        ApiSignature.TypeName(type).Should().Be(expected);
    }

    [Fact]
    public void By_ref_types_are_written_with_ref()
    {
        ApiSignature.TypeName(typeof(int).MakeByRefType()).Should().Be("ref System.Int32");
    }

    [Theory]
    [InlineData(typeof(Math), "static class System.Math")]
    [InlineData(typeof(FixtureHelpers), "static class " + Fixtures + "FixtureHelpers")]
    [InlineData(typeof(FixtureAbstractBase), "abstract class " + Fixtures + "FixtureAbstractBase")]
    [InlineData(typeof(FixtureDerived), "sealed class " + Fixtures + "FixtureDerived : " + Fixtures + "FixtureAbstractBase, System.IDisposable")]
    [InlineData(typeof(FormatterSample), "class " + Fixtures + "FormatterSample : System.IComparable")]
    [InlineData(typeof(FixturePoint), "struct " + Fixtures + "FixturePoint : System.IEquatable<" + Fixtures + "FixturePoint>")]
    [InlineData(typeof(FixtureException),
        "sealed class " + Fixtures + "FixtureException : System.Exception, System.Runtime.Serialization.ISerializable")]
    [InlineData(typeof(IList<>),
        "interface System.Collections.Generic.IList<T> : System.Collections.Generic.ICollection<T>, System.Collections.Generic.IEnumerable<T>, System.Collections.IEnumerable")]
    [InlineData(typeof(IFixtureTop),
        "interface " + Fixtures + "IFixtureTop : System.IDisposable, " + Fixtures + "IFixtureBase, " + Fixtures + "IFixtureMiddle")]
    // net10.0's System.Enum adds ISpanFormattable; the .NET Framework listing has only the first three.
    [InlineData(typeof(FixtureColour),
        "enum " + Fixtures + "FixtureColour : System.IComparable, System.IConvertible, System.IFormattable, System.ISpanFormattable")]
    public void Type_headers_are_written_like_the_listing(Type type, string expected)
    {
        ApiSignature.Header(type).Should().Be(expected);
    }

    [Fact]
    public void Member_lines_cover_every_member_shape()
    {
        const string sample = Fixtures + "FormatterSample";
        ApiSignature.MemberLines(typeof(FormatterSample)).Should().BeEquivalentTo(
            "System.Boolean TryFind<T>(System.String key, ref T value)",
            "System.Collections.Generic.Dictionary<System.String,System.Collections.Generic.List<System.Nullable<System.Int32>>> Nested()",
            "System.Collections.Generic.KeyValuePair<TKey,TValue>[] Pairs<TKey,TValue>(System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<TKey,TValue>> items)",
            "System.Int32 SetPrivately { get; }",
            "System.Int32 this[System.Int32, System.String] { get; }",
            "System.String Name { get; set; }",
            "System.String ToString()",
            "System.String WriteOnly { set; }",
            "System.String this[System.String] { get; set; }",
            "System.Void Update(ref System.Guid id, System.Int32[][] jagged, System.String[,] grid, System.Int32 optional)",
            "ctor()",
            "ctor(System.String name, System.Object[] args)",
            "event System.EventHandler<System.EventArgs> Changed",
            "field System.Int32 Count",
            "static " + sample + " op_Addition(" + sample + " left, " + sample + " right)",
            "static System.DateTime Created { get; }",
            "static event System.EventHandler Reset",
            "static field System.Guid SharedId",
            "static field System.String Constant");
    }

    [Fact]
    public void Member_lines_are_sorted_ordinally_like_the_listing()
    {
        var lines = ApiSignature.MemberLines(typeof(FormatterSample));
        lines.Should().Equal(lines.OrderBy(l => l, StringComparer.Ordinal));
        lines[0].Should().StartWith("System.", "upper case sorts before the lower-case 'ctor', 'event', 'field'");
    }

    [Fact]
    public void Enum_members_are_names_with_values()
    {
        ApiSignature.MemberLines(typeof(FixtureColour)).Should().Equal("Blue = 300", "Green = -2", "Red = 1");
    }

    [Fact]
    public void Static_class_members_are_static_and_extension_methods_have_no_this()
    {
        ApiSignature.MemberLines(typeof(FixtureHelpers)).Should().Equal(
            "static T FirstOrFallback<T>(System.Collections.Generic.IEnumerable<T> items, T fallback)");
    }

    [Fact]
    public void Compiler_generated_record_members_are_skipped()
    {
        ApiSignature.MemberLines(typeof(FixtureRecord)).Should().NotContain(l => l.Contains('<') && l.Contains('$'));
        ApiSignature.MemberLines(typeof(FixtureRecord)).Should().Contain("System.String Name { get; set; }");
    }

    [Fact]
    public void Nested_generic_types_render_their_members_with_the_outer_parameters()
    {
        ApiSignature.MemberLines(typeof(FixtureOuter<>.Inner<>)).Should().Equal(
            "System.Collections.Generic.Dictionary<T,U> Map { get; set; }",
            "ctor()");
    }

    // ---- Against the real listing: hand-written copies of real types render exactly as the listing has them ----

    [Theory]
    [InlineData(typeof(Shapes.DataCollection<,>), "Microsoft.Xrm.Sdk.DataCollection`2", "Microsoft.Xrm.Sdk.")]
    [InlineData(typeof(Shapes.AttributeCollection), "Microsoft.Xrm.Sdk.AttributeCollection", "Microsoft.Xrm.Sdk.")]
    [InlineData(typeof(Shapes.XrmTimeSpan), "Microsoft.Xrm.Sdk.Workflow.XrmTimeSpan", "Microsoft.Xrm.Sdk.Workflow.")]
    public void Copies_of_real_types_render_exactly_as_listed(Type copy, string realName, string realNamespace)
    {
        var real = RealSdkListing.Type(realName);
        string AsReal(string line) => line.Replace(Fixtures + "RealShapes.", realNamespace);

        AsReal(ApiSignature.Header(copy)).Should().Be(real.HeaderLine);
        // Swapping the namespace changes the sort position, so compare re-sorted lines.
        ApiSignature.MemberLines(copy).Select(AsReal).OrderBy(l => l, StringComparer.Ordinal).Should().Equal(real.Members);
    }

    [Fact]
    public void Copy_of_a_real_enum_renders_as_listed_apart_from_the_runtime_interface()
    {
        var real = RealSdkListing.Type("Microsoft.Xrm.Sdk.ConcurrencyBehavior");

        ApiSignature.MemberLines(typeof(Shapes.ConcurrencyBehavior)).Should().Equal(real.Members);
        ApiSignature.Interfaces(typeof(Shapes.ConcurrencyBehavior)).Except(new[] { "System.ISpanFormattable" })
            .Should().Equal(real.Interfaces);
    }

    [Fact]
    public void Interfaces_of_a_BCL_base_render_as_the_listing_shows_them()
    {
        // The real DataCollection<T> derives from Collection<T> and adds no interface of its own.
        var real = RealSdkListing.Type("Microsoft.Xrm.Sdk.DataCollection`1");

        real.BaseType.Should().Be(ApiSignature.TypeName(typeof(Collection<>)));
        ApiSignature.Interfaces(typeof(Collection<>)).Should().Equal(real.Interfaces);
    }
}
