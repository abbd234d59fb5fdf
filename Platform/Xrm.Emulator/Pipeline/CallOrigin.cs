using System;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Metering;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// Who is making a service call and from where: a test (depth 0) or plugin code (the depth of its context),
/// inside which transaction, and which plugin execution to meter the call on.
/// </summary>
internal sealed record CallOrigin(Guid UserId, Guid InitiatingUserId, int Depth)
{
    /// <summary>Same for the whole chain a user request starts; null means "a new user request".</summary>
    public Guid? CorrelationId { get; init; }

    /// <summary>The context of the plugin making the call; the parent of the contexts its call creates.</summary>
    public IPluginExecutionContext? ParentContext { get; init; }

    public Transaction? Transaction { get; init; }

    /// <summary>The plugin execution the call is metered on; null for calls made by tests and by the platform itself.</summary>
    public PluginExecution? Execution { get; init; }

    /// <summary>The batch message (ExecuteMultiple, ExecuteTransaction) a metered call belongs to.</summary>
    public string? Batch { get; init; }

    /// <summary>
    /// The platform's own operation inside another message (SetState's, Assign's, WinOpportunity's Update): it may change
    /// what a caller may not, such as the state or owner of a closed opportunity.
    /// </summary>
    public bool IsPlatformOperation { get; init; }

    public static CallOrigin User(Guid userId) => new(userId, userId, 0);
}
