using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// One message travelling through the pipeline: its table, the records it touches and the parameter
/// collections its plugin contexts share. A bulk message (CreateMultiple, UpdateMultiple) has one item per
/// entry of Targets; every other message has exactly one item (with an empty id when it has no record).
/// </summary>
internal sealed class Operation
{
    private EventScope?[] _singleScopes = new EventScope?[1];
    private EventScope? _multipleScope;
    private Action<EventScope>? _fillOutputs;

    public Operation(OrganizationRequest request, CallOrigin origin, int depth, DateTime createdOn, ParameterCollection inputs)
    {
        Request = request;
        Message = request.RequestName;
        Origin = origin;
        Depth = depth;
        CreatedOn = createdOn;
        InputParameters = inputs;
        CorrelationId = origin.CorrelationId ?? RecordIds.Next();
    }

    public OrganizationRequest Request { get; }

    /// <summary>The message as requested.</summary>
    public string Message { get; private set; }

    public CallOrigin Origin { get; }

    public int Depth { get; }

    public DateTime CreatedOn { get; }

    public Guid CorrelationId { get; }

    public Guid OperationId { get; } = RecordIds.Next();

    public string Table { get; private set; } = "none";

    /// <summary>The message of per-record contexts (Create for CreateMultiple) or the message itself.</summary>
    public string SingleMessage { get; private set; } = "";

    /// <summary>The bulk partner whose steps also run (UpdateMultiple for Update and for itself), or null.</summary>
    public string? MultipleMessage { get; private set; }

    public bool IsBulk { get; private set; }

    public IReadOnlyList<OperationItem> Items { get; private set; } = Array.Empty<OperationItem>();

    public ParameterCollection InputParameters { get; }

    public ParameterCollection OutputParameters { get; } = new();

    public bool HasPreImage { get; set; }

    public bool HasPostImage { get; set; }

    /// <summary>Filtering attributes apply to Update (and UpdateMultiple) only.</summary>
    public bool UsesFilteringAttributes { get; set; }

    public Transaction? Transaction { get; set; }

    /// <summary>The registered steps of this operation's messages and table, once looked up.</summary>
    public MessageSteps? Steps { get; set; }

    /// <summary>Single-record message: one item, no bulk partner unless given.</summary>
    public void Describe(string table, OperationItem item, string? multipleMessage = null)
    {
        Table = table;
        SingleMessage = Message;
        MultipleMessage = multipleMessage;
        Items = new[] { item };
    }

    /// <summary>A request whose steps are registered under another message name (WinOpportunity runs the steps of Win).</summary>
    public void DescribeEvent(string eventMessage, string table, OperationItem item)
    {
        Message = eventMessage;
        Describe(table, item);
    }

    /// <summary>Bulk message: one item per target, and per-record steps of <paramref name="singleMessage"/>.</summary>
    public void DescribeBulk(string table, IReadOnlyList<OperationItem> items, string singleMessage)
    {
        Table = table;
        IsBulk = true;
        SingleMessage = singleMessage;
        MultipleMessage = Message;
        Items = items;
        Array.Resize(ref _singleScopes, items.Count);
    }

    /// <summary>The contexts of steps registered on the single-record message for item <paramref name="index"/>.</summary>
    public EventScope SingleScope(int index)
    {
        var existing = _singleScopes[index];
        if (existing != null) return existing;

        var item = Items[index];
        EventScope scope;
        if (!IsBulk)
        {
            scope = new EventScope(Message, item.Id, InputParameters, OutputParameters, index);
        }
        else
        {
            var inputs = new ParameterCollection();
            foreach (var pair in InputParameters)
            {
                if (pair.Key != "Targets") inputs[pair.Key] = pair.Value;
            }

            inputs["Target"] = item.Target!;
            scope = new EventScope(SingleMessage, item.Id, inputs, new ParameterCollection(), index);
            _fillOutputs?.Invoke(scope);
        }

        _singleScopes[index] = scope;
        return scope;
    }

    /// <summary>The contexts of steps registered on the bulk message (Targets of one for a single-record request).</summary>
    public EventScope MultipleScope()
    {
        if (_multipleScope != null) return _multipleScope;
        if (IsBulk)
        {
            _multipleScope = new EventScope(Message, Guid.Empty, InputParameters, OutputParameters, null);
        }
        else
        {
            var inputs = new ParameterCollection();
            foreach (var pair in InputParameters)
            {
                if (pair.Key != "Target") inputs[pair.Key] = pair.Value;
            }

            inputs["Targets"] = new EntityCollection(Items.Select(i => i.Target!).ToList()) { EntityName = Table };
            _multipleScope = new EventScope(MultipleMessage!, Guid.Empty, inputs, new ParameterCollection(), null);
            _fillOutputs?.Invoke(_multipleScope);
        }

        return _multipleScope;
    }

    /// <summary>Sets output parameters on every scope, including those created later (Create's new ids).</summary>
    public void FillOutputs(Action<EventScope> fill)
    {
        _fillOutputs = fill;

        // The requested message's own scope wraps OutputParameters, so it always gets them.
        if (IsBulk) MultipleScope();
        else SingleScope(0);
        foreach (var scope in _singleScopes) if (scope != null) fill(scope);
        if (_multipleScope != null) fill(_multipleScope);
    }

    /// <summary>A step may replace Target (or an entry of Targets) with another Entity; the operation follows it.</summary>
    public void AdoptTargets(EventScope scope)
    {
        if (Items.Count == 0 || Items[0].Target == null) return;
        if (scope.ItemIndex is int index)
        {
            if (scope.Inputs.TryGetValue("Target", out var value) && value is Entity target && !ReferenceEquals(target, Items[index].Target))
            {
                Items[index].Target = target;
                if (_multipleScope?.Inputs.TryGetValue("Targets", out var t) == true && t is EntityCollection targets) targets.Entities[index] = target;
            }

            return;
        }

        if (!scope.Inputs.TryGetValue("Targets", out var raw) || raw is not EntityCollection collection) return;
        for (var i = 0; i < Items.Count && i < collection.Entities.Count; i++)
        {
            var target = collection.Entities[i];
            if (ReferenceEquals(target, Items[i].Target)) continue;
            Items[i].Target = target;
            var single = _singleScopes[i];
            if (single != null) single.Inputs["Target"] = target;
        }
    }
}

/// <summary>A record an operation touches: its id, the Target that describes the change, and its images.</summary>
internal sealed class OperationItem
{
    public OperationItem(Guid id, Entity? target)
    {
        Id = id;
        Target = target;
    }

    public Guid Id { get; set; }

    public Entity? Target { get; set; }

    /// <summary>The stored row before the core operation, when a step has a pre-image (each step's image is projected from it).</summary>
    public StoredRow? PreImage { get; set; }

    /// <summary>The stored row after the core operation, when a stage-40 step has a post-image.</summary>
    public StoredRow? PostImage { get; set; }
}

/// <summary>
/// What the contexts of one message flavour share within an operation: input and output parameters (so a
/// Target change made at stage 10 is seen at 20 and persisted), and the shared variables of stage 10 and of 20/40.
/// </summary>
internal sealed class EventScope
{
    public EventScope(string message, Guid primaryEntityId, ParameterCollection inputs, ParameterCollection outputs, int? itemIndex)
    {
        Message = message;
        PrimaryEntityId = primaryEntityId;
        Inputs = inputs;
        Outputs = outputs;
        ItemIndex = itemIndex;
    }

    public string Message { get; }

    public Guid PrimaryEntityId { get; set; }

    public ParameterCollection Inputs { get; }

    public ParameterCollection Outputs { get; }

    /// <summary>The item of a per-record scope; null for the bulk scope, whose images are arrays.</summary>
    public int? ItemIndex { get; }

    public ParameterCollection PreValidationSharedVariables { get; } = new();

    public ParameterCollection SharedVariables { get; } = new();

    /// <summary>The stage-10 context that stages 20 and 40 see as ParentContext.</summary>
    public PluginExecutionContext? PreValidationContext { get; set; }
}
