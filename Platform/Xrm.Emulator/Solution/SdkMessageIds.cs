using System;
using System.Collections.Generic;

namespace Xrm.Emulator.Solution;

/// <summary>The platform's sdkmessage ids, the same in every environment (step files name their message by id).</summary>
public static class SdkMessageIds
{
    private static readonly Dictionary<Guid, string> Names = new()
    {
        [Guid.Parse("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Assign",
        [Guid.Parse("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
        [Guid.Parse("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
        [Guid.Parse("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Retrieve",
        [Guid.Parse("03bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrieveMultiple",
        [Guid.Parse("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetState",
        [Guid.Parse("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
    };

    public static string? NameOf(Guid id) => Names.TryGetValue(id, out var name) ? name : null;
}
