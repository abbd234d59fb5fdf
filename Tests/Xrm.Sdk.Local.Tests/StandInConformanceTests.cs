using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xrm.Sdk.Local.Tests.Conformance;

namespace Xrm.Sdk.Local.Tests;

/// <summary>
/// The stand-in SDK (Platform/Xrm.Sdk.Local) must be a faithful subset of the real one listed in
/// ../shared/xrm-sdk-api/*.api.txt, so code that compiles against it compiles against the real SDK.
/// </summary>
public class StandInConformanceTests
{
    private static Assembly StandIn => typeof(Microsoft.Xrm.Sdk.Entity).Assembly;

    [Fact]
    public void Every_public_type_and_member_of_the_stand_in_exists_in_the_real_SDK()
    {
        StandIn.GetName().Name.Should().Be("Xrm.Sdk.Local");
        StandIn.GetExportedTypes().Should().NotBeEmpty("an empty stand-in would pass vacuously");

        var violations = ConformanceChecker.Check(StandIn.GetExportedTypes(), RealSdkListing.Value);

        if (violations.Count > 0)
        {
            Assert.Fail(
                $"{violations.Count} difference(s) between the stand-in and the real SDK ({ApiListing.FolderName}):"
                + Environment.NewLine
                + string.Join(Environment.NewLine, violations.Select(v => v.Message)));
        }
    }

    [Fact]
    public void The_check_catches_a_stand_in_member_that_the_real_SDK_lacks()
    {
        // The real listing with one member of Entity taken out: the stand-in's Entity now has one member too many.
        const string removed = "  T GetAttributeValue<T>(System.String attributeLogicalName)";
        var folder = ApiListingLocator.FindFolder();
        var trimmedListing = ApiListing.Parse(Directory.GetFiles(folder, "*.api.txt").Select(file => (
            Path.GetFileName(file),
            string.Join("\n", File.ReadAllLines(file).Where(line => line != removed)))));

        var violations = ConformanceChecker.Check(StandIn.GetExportedTypes(), trimmedListing);

        violations.Select(v => v.Message).Should().Equal(
            "Microsoft.Xrm.Sdk.Entity: member 'T GetAttributeValue<T>(System.String attributeLogicalName)' "
            + "is not in the real SDK (xrm-sdk-api/Microsoft.Xrm.Sdk.api.txt)");
    }
}
