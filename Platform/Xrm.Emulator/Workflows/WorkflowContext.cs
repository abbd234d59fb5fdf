using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Xrm.Emulator.Workflows;

/// <summary>The IWorkflowContext a custom workflow activity gets from the emulator: a background (asynchronous) workflow.</summary>
public sealed class WorkflowContext : IWorkflowContext
{
    internal WorkflowContext(string messageName, string primaryEntityName, Guid primaryEntityId)
    {
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        PrimaryEntityId = primaryEntityId;
    }

    public int Mode { get; internal set; } = 1;

    public int IsolationMode => 2;

    public int Depth { get; internal set; } = 1;

    public string MessageName { get; }

    public string PrimaryEntityName { get; }

    public Guid? RequestId => null;

    public string SecondaryEntityName => "none";

    public ParameterCollection InputParameters { get; } = new();

    public ParameterCollection OutputParameters { get; } = new();

    public ParameterCollection SharedVariables { get; } = new();

    public Guid UserId { get; internal set; }

    public Guid InitiatingUserId { get; internal set; }

    public Guid BusinessUnitId { get; internal set; }

    public Guid OrganizationId { get; internal set; }

    public string OrganizationName { get; internal set; } = "";

    public Guid PrimaryEntityId { get; }

    public EntityImageCollection PreEntityImages { get; } = new();

    public EntityImageCollection PostEntityImages { get; } = new();

    public EntityReference? OwningExtension => null;

    public Guid CorrelationId { get; internal set; } = Guid.NewGuid();

    public bool IsExecutingOffline => false;

    public bool IsOfflinePlayback => false;

    public bool IsInTransaction => false;

    public Guid OperationId { get; internal set; } = Guid.NewGuid();

    public DateTime OperationCreatedOn { get; internal set; }

    public string StageName => "";

    /// <summary>0: Workflow (a process), as opposed to a dialog or action.</summary>
    public int WorkflowCategory => 0;

    /// <summary>0: Background.</summary>
    public int WorkflowMode => 0;

    public IWorkflowContext? ParentContext => null;
}
