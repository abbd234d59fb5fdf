using System;
using Xrm.Sdk.Local.Tests.Conformance;

namespace Xrm.Sdk.Local.Tests;

/// <summary>The real SDK's listing (../shared/xrm-sdk-api/*.api.txt), parsed once per test run.</summary>
public static class RealSdkListing
{
    private static readonly Lazy<ApiListing> Listing = new(() => ApiListing.Load(ApiListingLocator.FindFolder()));

    public static ApiListing Value => Listing.Value;

    public static ApiType Type(string metadataName) =>
        Value.Find(metadataName) ?? throw new InvalidOperationException($"{metadataName} is not in {ApiListing.FolderName}.");
}
