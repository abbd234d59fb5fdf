using System;
using System.IO;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>
/// Finds the listing folder shared/xrm-sdk-api, a sibling of the repository (../shared/xrm-sdk-api from the
/// repo root), by walking up from the test assembly's directory.
/// </summary>
public static class ApiListingLocator
{
    public static string FindFolder() => FindFolder(AppContext.BaseDirectory);

    public static string FindFolder(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", ApiListing.FolderName);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"Could not find shared/{ApiListing.FolderName} (the real SDK's *.api.txt listings) in any parent of "
            + $"{startDirectory}. It is expected next to the repository, at <repo>/../shared/{ApiListing.FolderName}.");
    }
}
