using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Pipeline;

/// <summary>customapi.bindingtype.</summary>
public enum CustomApiBinding
{
    Global = 0,
    Entity = 1,
    EntityCollection = 2,
}

/// <summary>customapirequestparameter.type / customapiresponseproperty.type.</summary>
public enum CustomApiFieldType
{
    Boolean = 0,
    DateTime = 1,
    Decimal = 2,
    Entity = 3,
    EntityCollection = 4,
    EntityReference = 5,
    Float = 6,
    Integer = 7,
    Money = 8,
    Picklist = 9,
    String = 10,
    StringArray = 11,
    Guid = 12,
}

/// <summary>A request parameter or response property of a custom API.</summary>
public sealed record CustomApiField(string UniqueName, CustomApiFieldType Type, bool IsOptional = false, string? LogicalEntityName = null)
{
    /// <summary>The .NET type a value of this field has in Parameters / Results.</summary>
    public Type ClrType => Type switch
    {
        CustomApiFieldType.Boolean => typeof(bool),
        CustomApiFieldType.DateTime => typeof(DateTime),
        CustomApiFieldType.Decimal => typeof(decimal),
        CustomApiFieldType.Entity => typeof(Entity),
        CustomApiFieldType.EntityCollection => typeof(EntityCollection),
        CustomApiFieldType.EntityReference => typeof(EntityReference),
        CustomApiFieldType.Float => typeof(double),
        CustomApiFieldType.Integer => typeof(int),
        CustomApiFieldType.Money => typeof(Money),
        CustomApiFieldType.Picklist => typeof(OptionSetValue),
        CustomApiFieldType.String => typeof(string),
        CustomApiFieldType.StringArray => typeof(string[]),
        CustomApiFieldType.Guid => typeof(Guid),
        _ => throw new InvalidOperationException($"Unknown custom API field type {(int)Type}."),
    };

    internal bool Accepts(object? value) => value != null && ClrType.IsInstanceOfType(value);
}

/// <summary>A custom API: a message of our own whose plugin is the main operation (stage 30).</summary>
public sealed class CustomApiRegistration
{
    public CustomApiRegistration(string uniqueName, IPlugin? plugin)
    {
        if (string.IsNullOrWhiteSpace(uniqueName)) throw new ArgumentException("A custom API needs a unique name.", nameof(uniqueName));
        UniqueName = uniqueName;
        Plugin = plugin;
        PluginTypeName = plugin?.GetType().FullName;
    }

    public string UniqueName { get; }

    public IPlugin? Plugin { get; }

    public string? PluginTypeName { get; init; }

    public CustomApiBinding Binding { get; init; } = CustomApiBinding.Global;

    /// <summary>The table an Entity / EntityCollection bound API is bound to; its Target must be of this table.</summary>
    public string? BoundEntityLogicalName { get; init; }

    public bool IsFunction { get; init; }

    public IReadOnlyList<CustomApiField> RequestParameters { get; init; } = Array.Empty<CustomApiField>();

    /// <summary>Response properties are never optional: the plugin must set every one of them.</summary>
    public IReadOnlyList<CustomApiField> ResponseProperties { get; init; } = Array.Empty<CustomApiField>();

    public string? Source { get; init; }

    internal string PrimaryEntityName => Binding == CustomApiBinding.Global ? "none" : BoundEntityLogicalName ?? "none";

    internal void Validate()
    {
        if (Binding != CustomApiBinding.Global && string.IsNullOrWhiteSpace(BoundEntityLogicalName))
        {
            throw new InvalidOperationException($"Custom API '{UniqueName}' is bound ({Binding}) but names no boundentitylogicalname.");
        }

        foreach (var fields in new[] { RequestParameters, ResponseProperties })
        {
            var duplicate = fields.GroupBy(f => f.UniqueName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new InvalidOperationException($"Custom API '{UniqueName}' declares '{duplicate.Key}' twice.");
        }
    }
}
