using System;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Pipeline;

/// <summary>The execution context a plugin receives: everything IPluginExecutionContext4 promises.</summary>
public sealed class PluginExecutionContext : IPluginExecutionContext4
{
    private static readonly EntityImageCollection[] NoImageCollections = Array.Empty<EntityImageCollection>();

    internal PluginExecutionContext(string messageName, string primaryEntityName, Guid primaryEntityId)
    {
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        PrimaryEntityId = primaryEntityId;
    }

    public int Mode { get; internal set; }

    public int IsolationMode { get; internal set; } = 2;

    public int Depth { get; internal set; }

    public string MessageName { get; }

    public string PrimaryEntityName { get; }

    public Guid? RequestId { get; internal set; }

    public string SecondaryEntityName { get; internal set; } = "none";

    public ParameterCollection InputParameters { get; internal set; } = new();

    public ParameterCollection OutputParameters { get; internal set; } = new();

    public ParameterCollection SharedVariables { get; internal set; } = new();

    public Guid UserId { get; internal set; }

    public Guid InitiatingUserId { get; internal set; }

    public Guid BusinessUnitId { get; internal set; }

    public Guid OrganizationId { get; internal set; }

    public string OrganizationName { get; internal set; } = "";

    public Guid PrimaryEntityId { get; internal set; }

    public EntityImageCollection PreEntityImages { get; internal set; } = new();

    public EntityImageCollection PostEntityImages { get; internal set; } = new();

    public EntityReference? OwningExtension { get; internal set; }

    public Guid CorrelationId { get; internal set; }

    public bool IsExecutingOffline => false;

    public bool IsOfflinePlayback => false;

    public bool IsInTransaction { get; internal set; }

    public Guid OperationId { get; internal set; }

    public DateTime OperationCreatedOn { get; internal set; }

    public int Stage { get; internal set; }

    public IPluginExecutionContext? ParentContext { get; internal set; }

    public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;

    public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;

    public Guid InitiatingUserApplicationId => Guid.Empty;

    public Guid PortalsContactId => Guid.Empty;

    public bool IsPortalsClientCall => false;

    public Guid AuthenticatedUserId => InitiatingUserId;

    /// <summary>Bulk messages only (CreateMultiple, UpdateMultiple): one image collection per entry of Targets.</summary>
    public EntityImageCollection[] PreEntityImagesCollection { get; internal set; } = NoImageCollections;

    public EntityImageCollection[] PostEntityImagesCollection { get; internal set; } = NoImageCollections;

    /// <summary>The transaction the context runs in (null at stage 10 of a user request and for asynchronous steps).</summary>
    internal Transaction? Transaction { get; set; }

    public override string ToString() => $"{MessageName} of {PrimaryEntityName} (stage {Stage}, depth {Depth})";
}
