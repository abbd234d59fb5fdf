using System;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Pipeline;

/// <summary>The execution context a plugin receives: everything IPluginExecutionContext4 promises.</summary>
public sealed class PluginExecutionContext : IPluginExecutionContext4
{
    private static readonly EntityImageCollection[] NoImageCollections = Array.Empty<EntityImageCollection>();

    private EntityImageCollection? _preEntityImages;
    private EntityImageCollection? _postEntityImages;

    // The parameter collections come from the operation's scope: a context made per plugin run allocates none of its own.
    internal PluginExecutionContext(string messageName, string primaryEntityName, Guid primaryEntityId,
        ParameterCollection inputParameters, ParameterCollection outputParameters, ParameterCollection sharedVariables)
    {
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        PrimaryEntityId = primaryEntityId;
        InputParameters = inputParameters;
        OutputParameters = outputParameters;
        SharedVariables = sharedVariables;
    }

    public int Mode { get; internal set; }

    public int IsolationMode { get; internal set; } = 2;

    public int Depth { get; internal set; }

    public string MessageName { get; }

    public string PrimaryEntityName { get; }

    public Guid? RequestId { get; internal set; }

    public string SecondaryEntityName { get; internal set; } = "none";

    public ParameterCollection InputParameters { get; internal set; }

    public ParameterCollection OutputParameters { get; internal set; }

    public ParameterCollection SharedVariables { get; internal set; }

    public Guid UserId { get; internal set; }

    public Guid InitiatingUserId { get; internal set; }

    public Guid BusinessUnitId { get; internal set; }

    public Guid OrganizationId { get; internal set; }

    public string OrganizationName { get; internal set; } = "";

    public Guid PrimaryEntityId { get; internal set; }

    /// <summary>Empty (and made on first read) for a step without images.</summary>
    public EntityImageCollection PreEntityImages
    {
        get => _preEntityImages ??= new EntityImageCollection();
        internal set => _preEntityImages = value;
    }

    public EntityImageCollection PostEntityImages
    {
        get => _postEntityImages ??= new EntityImageCollection();
        internal set => _postEntityImages = value;
    }

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
