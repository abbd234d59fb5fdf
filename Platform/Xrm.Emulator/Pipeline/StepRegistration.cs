using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// An SdkMessageProcessingStep: which plugin instance runs for which message, table and stage.
/// The plugin is constructed once and reused for every execution, as the platform caches instances.
/// </summary>
public sealed class StepRegistration
{
    public StepRegistration(string message, string? primaryEntity, PipelineStage stage, IPlugin plugin)
    {
        if (string.IsNullOrWhiteSpace(message)) throw new ArgumentException("A step needs a message.", nameof(message));
        Message = message;
        PrimaryEntity = string.IsNullOrWhiteSpace(primaryEntity) ? null : primaryEntity.Trim().ToLowerInvariant();
        Stage = stage;
        Plugin = plugin ?? throw new ArgumentNullException(nameof(plugin));
        PluginTypeName = plugin.GetType().FullName!;
    }

    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Defaults to the name the Plug-in Registration Tool gives: "&lt;plugin type&gt;: &lt;Message&gt; of &lt;table&gt;".</summary>
    public string Name
    {
        get => _name ?? $"{PluginTypeName}: {Message} of {PrimaryEntity ?? "any Entity"}";
        init => _name = value;
    }

    public string Message { get; }

    /// <summary>Logical name of the table, or null for every table.</summary>
    public string? PrimaryEntity { get; }

    public PipelineStage Stage { get; }

    public StepMode Mode { get; init; } = StepMode.Synchronous;

    /// <summary>Execution order within a stage, ascending; ties run in registration order.</summary>
    public int Rank { get; init; } = 1;

    public IPlugin Plugin { get; }

    public string PluginTypeName { get; init; }

    /// <summary>Update only: the step runs when the Target holds at least one of these columns. Empty = always.</summary>
    public IReadOnlyCollection<string> FilteringAttributes
    {
        get => _filteringAttributes;
        init => _filteringAttributes = new HashSet<string>(value.Select(a => a.Trim()).Where(a => a.Length > 0), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ImageRegistration> Images { get; init; } = Array.Empty<ImageRegistration>();

    /// <summary>The unsecure configuration handed to the plugin constructor (informational once constructed).</summary>
    public string? Configuration { get; init; }

    /// <summary>Where the step came from (a file path for solution steps), for error messages.</summary>
    public string? Source { get; init; }

    internal long Sequence { get; set; }

    private readonly string? _name;
    private HashSet<string> _filteringAttributes = new(StringComparer.OrdinalIgnoreCase);

    internal bool AppliesToTable(string table) => PrimaryEntity == null || string.Equals(PrimaryEntity, table, StringComparison.OrdinalIgnoreCase);

    internal bool IsFilteredOn(Entity? target)
    {
        if (_filteringAttributes.Count == 0) return true;
        if (target == null) return false;
        foreach (var pair in target.Attributes)
        {
            if (_filteringAttributes.Contains(pair.Key)) return true;
        }

        return false;
    }

    internal void Validate()
    {
        var where = Source == null ? $"Step '{Name}'" : $"Step '{Name}' ({Source})";
        if (Stage is not (PipelineStage.PreValidation or PipelineStage.PreOperation or PipelineStage.PostOperation))
        {
            throw new InvalidOperationException($"{where}: stage {(int)Stage} cannot be registered; use 10 (PreValidation), 20 (PreOperation) or 40 (PostOperation).");
        }

        if (Mode == StepMode.Asynchronous && Stage != PipelineStage.PostOperation)
        {
            throw new InvalidOperationException($"{where}: asynchronous steps must be registered at stage 40 (PostOperation), not {(int)Stage}.");
        }

        var duplicate = Images.GroupBy(i => i.Alias, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new InvalidOperationException($"{where}: two images share the alias '{duplicate.Key}'.");
    }
}
