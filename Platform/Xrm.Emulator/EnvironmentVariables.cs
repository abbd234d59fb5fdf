using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator;

/// <summary>
/// Environment variables as the rows plugins query: environmentvariabledefinition (schemaname, defaultvalue)
/// and at most one environmentvariablevalue (value) pointing at it.
/// </summary>
internal static class EnvironmentVariables
{
    /// <summary>environmentvariabledefinition.type: String.</summary>
    public const int StringType = 100000000;

    public static void Set(XrmEmulator emulator, string schemaName, string? defaultValue, string? value, int type = StringType)
    {
        if (string.IsNullOrWhiteSpace(schemaName)) throw new ArgumentException("An environment variable needs a schema name.", nameof(schemaName));
        var store = emulator.Store;
        var now = emulator.UtcNow;

        var definitionId = store.Lookup("environmentvariabledefinition", "schemaname", schemaName).FirstOrDefault();
        if (definitionId == Guid.Empty)
        {
            definitionId = Guid.NewGuid();
            store.Insert(new Entity("environmentvariabledefinition", definitionId)
            {
                ["environmentvariabledefinitionid"] = definitionId,
                ["schemaname"] = schemaName,
                ["displayname"] = schemaName,
                ["defaultvalue"] = defaultValue!,
                ["type"] = new OptionSetValue(type),
                ["statecode"] = new OptionSetValue(0),
                ["statuscode"] = new OptionSetValue(1),
                ["createdon"] = now,
                ["modifiedon"] = now,
            });
        }
        else
        {
            store.Apply("environmentvariabledefinition", definitionId, new[]
            {
                new System.Collections.Generic.KeyValuePair<string, object?>("defaultvalue", defaultValue),
                new System.Collections.Generic.KeyValuePair<string, object?>("modifiedon", now),
            });
        }

        foreach (var valueId in store.Lookup("environmentvariablevalue", "environmentvariabledefinitionid", definitionId).ToList())
        {
            store.Delete("environmentvariablevalue", valueId);
        }

        if (value == null) return;
        var newValueId = Guid.NewGuid();
        store.Insert(new Entity("environmentvariablevalue", newValueId)
        {
            ["environmentvariablevalueid"] = newValueId,
            ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definitionId),
            ["schemaname"] = schemaName,
            ["value"] = value,
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
            ["createdon"] = now,
            ["modifiedon"] = now,
        });
    }
}
