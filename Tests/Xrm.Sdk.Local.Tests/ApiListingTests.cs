using System;
using System.IO;
using System.Linq;
using Xrm.Sdk.Local.Tests.Conformance;

namespace Xrm.Sdk.Local.Tests;

public class ApiListingTests
{
    private const string SmallListing = """
        # comment lines and blank lines are ignored

        sealed class Ns.Value : System.Runtime.Serialization.IExtensibleDataObject
          System.Int32 Value { get; set; }
          ctor()
        sealed class Ns.Failure : System.Exception, System.Runtime.InteropServices._Exception, System.Runtime.Serialization.ISerializable
          ctor(System.String message)
        interface Ns.Contract
        class Ns.ContractUser : Ns.Contract
        class Ns.IOHandler
        class Ns.IOUser : Ns.IOHandler
        abstract class Ns.Pairs<TKey,TValue> : System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<TKey,TValue>>, System.Collections.IEnumerable
          TValue this[TKey] { get; set; }
        enum Ns.Colour : System.IComparable, System.IConvertible, System.IFormattable
          Red = 1
        """;

    [Fact]
    public void Parses_kind_name_supertypes_and_members()
    {
        var listing = ApiListing.Parse(SmallListing, "small.api.txt");

        var value = listing.Find("Ns.Value")!;
        value.Kind.Should().Be("sealed class");
        value.BaseType.Should().BeNull("System.Object is omitted, so the first entry is an interface");
        value.Interfaces.Should().Equal("System.Runtime.Serialization.IExtensibleDataObject");
        value.Members.Should().Equal("System.Int32 Value { get; set; }", "ctor()");
        value.Source.Should().Be("xrm-sdk-api/small.api.txt");

        var failure = listing.Find("Ns.Failure")!;
        failure.BaseType.Should().Be("System.Exception");
        failure.Interfaces.Should().Equal(
            "System.Runtime.InteropServices._Exception", "System.Runtime.Serialization.ISerializable");
    }

    [Fact]
    public void Generic_types_are_keyed_by_metadata_name_and_keep_nested_type_arguments_whole()
    {
        var pairs = ApiListing.Parse(SmallListing).Find("Ns.Pairs`2")!;

        pairs.FullName.Should().Be("Ns.Pairs<TKey,TValue>");
        pairs.Kind.Should().Be("abstract class");
        pairs.Interfaces.Should().Equal(
            "System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<TKey,TValue>>",
            "System.Collections.IEnumerable");
    }

    [Fact]
    public void A_listed_kind_decides_between_base_class_and_interface_before_the_naming_convention()
    {
        var listing = ApiListing.Parse(SmallListing);

        listing.Find("Ns.ContractUser")!.Interfaces.Should().Equal("Ns.Contract");
        listing.Find("Ns.ContractUser")!.BaseType.Should().BeNull();
        listing.Find("Ns.IOUser")!.BaseType.Should().Be("Ns.IOHandler");
    }

    [Fact]
    public void Enums_list_only_interfaces_and_values()
    {
        var colour = ApiListing.Parse(SmallListing).Find("Ns.Colour")!;

        colour.BaseType.Should().BeNull();
        colour.Interfaces.Should().HaveCount(3);
        colour.Members.Should().Equal("Red = 1");
    }

    [Fact]
    public void Unknown_kinds_are_rejected_with_the_file_name()
    {
        var parse = () => ApiListing.Parse("delegate Ns.Callback", "odd.api.txt");

        parse.Should().Throw<FormatException>().WithMessage("*odd.api.txt*delegate Ns.Callback*");
    }

    [Theory]
    [InlineData("Microsoft.Xrm.Sdk.Entity", "Microsoft.Xrm.Sdk.Entity")]
    [InlineData("Microsoft.Xrm.Sdk.DataCollection<TKey,TValue>", "Microsoft.Xrm.Sdk.DataCollection`2")]
    [InlineData("System.Activities.InArgument<System.Collections.Generic.Dictionary<System.String,System.Object>>", "System.Activities.InArgument`1")]
    [InlineData("System.Windows.Media.Composition.DUCE+IResource", "System.Windows.Media.Composition.DUCE+IResource")]
    [InlineData("Ns.Outer<T>+Inner<U,V>", "Ns.Outer`1+Inner`2")]
    public void Listed_names_map_to_metadata_names(string listed, string metadataName)
    {
        ApiNames.ToMetadataName(listed).Should().Be(metadataName);
    }

    [Theory]
    [InlineData("System.String LogicalName { get; set; }", "LogicalName")]
    [InlineData("System.Object this[System.String] { get; set; }", "this[]")]
    [InlineData("T GetAttributeValue<T>(System.String attributeLogicalName)", "GetAttributeValue")]
    [InlineData("static System.Activities.OutArgument<T> FromVariable(System.Activities.Variable variable)", "FromVariable")]
    [InlineData("ctor(System.String entityName, System.Guid id)", "ctor")]
    [InlineData("static field System.Int32 InheritAll", "InheritAll")]
    [InlineData("event System.EventHandler<Microsoft.Xrm.Sdk.Client.ChannelEventArgs> ChannelClosed", "ChannelClosed")]
    [InlineData("AlwaysOverwrite = 2", "AlwaysOverwrite")]
    public void Member_names_are_read_from_member_lines(string line, string name)
    {
        ApiNames.MemberName(line).Should().Be(name);
    }

    // ---- The real listing ------------------------------------------------------------------------------------

    [Fact]
    public void The_real_listing_is_found_next_to_the_repository()
    {
        var folder = ApiListingLocator.FindFolder();

        Path.GetFileName(folder).Should().Be("xrm-sdk-api");
        File.Exists(Path.Combine(folder, "Microsoft.Xrm.Sdk.api.txt")).Should().BeTrue();
    }

    [Fact]
    public void A_missing_listing_folder_fails_with_a_clear_message()
    {
        var find = () => ApiListingLocator.FindFolder(Path.GetPathRoot(Path.GetTempPath())!);

        find.Should().Throw<DirectoryNotFoundException>().WithMessage("*shared/xrm-sdk-api*");
    }

    [Fact]
    public void Every_type_line_of_the_real_listing_round_trips()
    {
        var folder = ApiListingLocator.FindFolder();
        foreach (var file in Directory.GetFiles(folder, "*.api.txt"))
        {
            var lines = File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            var listing = ApiListing.Parse(File.ReadAllText(file), Path.GetFileName(file));

            listing.Types.Select(t => t.HeaderLine).Should().Equal(lines.Where(l => !l.StartsWith(' ')), file);
            listing.Types.Sum(t => t.Members.Count).Should().Be(lines.Count(l => l.StartsWith("  ")), file);
        }
    }

    [Fact]
    public void The_real_listing_has_the_types_the_stand_in_mirrors()
    {
        var entity = RealSdkListing.Type("Microsoft.Xrm.Sdk.Entity");
        entity.Kind.Should().Be("class");
        entity.Source.Should().Be("xrm-sdk-api/Microsoft.Xrm.Sdk.api.txt");
        entity.Members.Should().Contain("T GetAttributeValue<T>(System.String attributeLogicalName)");

        RealSdkListing.Type("Microsoft.Xrm.Sdk.IPluginExecutionContext4").Interfaces.Should().Equal(
            "Microsoft.Xrm.Sdk.IExecutionContext",
            "Microsoft.Xrm.Sdk.IPluginExecutionContext",
            "Microsoft.Xrm.Sdk.IPluginExecutionContext2",
            "Microsoft.Xrm.Sdk.IPluginExecutionContext3");

        RealSdkListing.Type("Microsoft.Xrm.Sdk.InvalidPluginExecutionException").BaseType.Should().Be("System.Exception");
        RealSdkListing.Type("System.Activities.CodeActivity").Source.Should().Be("xrm-sdk-api/System.Activities.subset.api.txt");
        RealSdkListing.Type("Microsoft.Xrm.Sdk.Workflow.XrmTimeSpan").Kind.Should().Be("struct");
    }
}
