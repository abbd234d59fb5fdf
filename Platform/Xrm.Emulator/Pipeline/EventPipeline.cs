using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Async;
using Xrm.Emulator.Data;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Messages;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// The event execution pipeline. For each message: stage 10 (outside the transaction for a user request,
/// inside it when the call comes from a plugin already in one), then in the transaction stage 20, the core
/// operation (stage 30), stage 40; asynchronous steps are queued when the outermost transaction commits.
/// Any exception rolls back everything the transaction did, nested operations included.
/// </summary>
internal sealed class EventPipeline
{
    private readonly XrmEmulator _emulator;

    public EventPipeline(XrmEmulator emulator) => _emulator = emulator;

    private EntityStore Store => _emulator.Store;

    public OrganizationResponse Execute(OrganizationRequest request, CallOrigin origin)
    {
        _emulator.EnterRequest();
        try
        {
            var transaction = origin.Transaction;
            if (transaction == null) return Dispatch(request, origin);
            if (transaction.Doomed) throw Fault.NoActiveTransaction();

            // Inside a transaction a failed call undoes its own changes and ends the whole transaction.
            var savepoint = Store.Savepoint();
            try
            {
                return Dispatch(request, origin);
            }
            catch
            {
                Store.RollbackTo(savepoint);
                transaction.Doomed = true;
                throw;
            }
        }
        finally
        {
            _emulator.ExitRequest();
        }
    }

    /// <summary>A platform-internal operation at the same depth and in the same transaction (SetState's, Assign's and WinOpportunity's Update).</summary>
    public OrganizationResponse ExecuteInner(OrganizationRequest request, Operation parent)
    {
        var origin = new CallOrigin(parent.Origin.UserId, parent.Origin.InitiatingUserId, parent.Depth - 1)
        {
            CorrelationId = parent.CorrelationId,
            ParentContext = parent.Origin.ParentContext,
            Transaction = parent.Transaction,
            IsPlatformOperation = true,
        };
        return Execute(request, origin);
    }

    /// <summary>Runs a custom API's plugin as the core operation (stage 30) of <paramref name="operation"/>.</summary>
    public void RunMainOperation(Operation operation, IPlugin plugin, string pluginType)
    {
        var scope = operation.SingleScope(0);
        var context = BuildContext(operation, scope, null, PipelineStage.MainOperation, StepMode.Synchronous);
        _emulator.Runner.Run(plugin, pluginType, context);
    }

    private OrganizationResponse Dispatch(OrganizationRequest request, CallOrigin origin)
    {
        var depth = origin.Depth + 1;
        if (depth > Fault.MaxDepth) throw Fault.InfiniteLoop(depth);

        var handler = _emulator.Messages.Find(request.RequestName) ?? throw Fault.UnknownMessage(request.RequestName);
        if (handler is BatchMessageHandler batch) return batch.Execute(request, origin);

        var eventHandler = (EventMessageHandler)handler;
        var operation = new Operation(request, origin, depth, _emulator.UtcNow, ParameterCopier.Copy(request.Parameters));
        eventHandler.Prepare(operation);
        CaptureImages(operation, pre: true);

        if (origin.Transaction is { } transaction)
        {
            operation.Transaction = transaction;
            RunStage(operation, PipelineStage.PreValidation);
            RunInTransaction(eventHandler, operation);
        }
        else
        {
            RunOutermost(eventHandler, operation);
        }

        return eventHandler.Respond(operation);
    }

    private void RunOutermost(EventMessageHandler handler, Operation operation)
    {
        // Stage 10 of a user request runs before the transaction: what it writes through the service commits on its own.
        RunStage(operation, PipelineStage.PreValidation);

        var transaction = new Transaction(Store.Savepoint());
        operation.Transaction = transaction;
        try
        {
            RunInTransaction(handler, operation);
            if (transaction.Doomed) throw Fault.NoActiveTransaction();
        }
        catch
        {
            Store.RollbackTo(transaction.Savepoint);
            throw;
        }

        // No savepoint outlives an outermost transaction, so the whole journal can go.
        Store.Commit(0);
        _emulator.Async.Enqueue(transaction.Jobs);
    }

    private void RunInTransaction(EventMessageHandler handler, Operation operation)
    {
        RunStage(operation, PipelineStage.PreOperation);
        handler.Execute(operation);
        CaptureImages(operation, pre: false);
        RunStage(operation, PipelineStage.PostOperation);
        handler.Complete(operation);
        QueueAsynchronousSteps(operation);
    }

    private void RunStage(Operation operation, PipelineStage stage)
    {
        foreach (var step in StepsOf(operation).Synchronous(stage))
        {
            foreach (var scope in new StepScopes(operation, step))
            {
                var context = BuildContext(operation, scope, step, stage, StepMode.Synchronous);
                _emulator.Runner.Run(step.Plugin, step.PluginTypeName, context);
                operation.AdoptTargets(scope);
            }
        }
    }

    /// <summary>Resolved once per operation, when its table and messages are known (after the handler's Prepare).</summary>
    private MessageSteps StepsOf(Operation operation) =>
        operation.Steps ??= _emulator.Steps.For(operation.SingleMessage, operation.MultipleMessage, operation.Table);

    private void QueueAsynchronousSteps(Operation operation)
    {
        foreach (var step in StepsOf(operation).Asynchronous)
        {
            foreach (var scope in new StepScopes(operation, step))
            {
                var job = new SystemJob(RecordIds.Next(), step.Name, step.PluginTypeName, scope.Message, operation.Table, scope.PrimaryEntityId, _emulator.UtcNow);
                var context = BuildContext(operation, scope, step, PipelineStage.PostOperation, StepMode.Asynchronous);

                // The job carries a snapshot: later changes in the transaction do not reach it.
                context.InputParameters = ParameterCopier.Copy(scope.Inputs);
                context.OutputParameters = ParameterCopier.Copy(scope.Outputs);
                context.SharedVariables = ParameterCopier.Copy(scope.SharedVariables);
                context.OperationId = job.Id;
                operation.Transaction!.Jobs.Add(new QueuedJob(job, step, context));
            }
        }
    }

    /// <summary>
    /// The contexts a step gets: a step on the bulk message runs once with Targets, a step on the single-record
    /// message once per record. Filtering attributes (Update only) skip records whose Target touches none of them.
    /// A struct enumerator: every message walks it once per step.
    /// </summary>
    private struct StepScopes
    {
        private readonly Operation _operation;
        private readonly StepRegistration _step;
        private readonly bool _filtered;
        private readonly bool _bulkStep;
        private int _next;

        public StepScopes(Operation operation, StepRegistration step)
        {
            _operation = operation;
            _step = step;
            _filtered = operation.UsesFilteringAttributes;
            _bulkStep = operation.MultipleMessage != null && string.Equals(step.Message, operation.MultipleMessage, StringComparison.OrdinalIgnoreCase);
            _next = 0;
            Current = null!;
        }

        public EventScope Current { get; private set; }

        public StepScopes GetEnumerator() => this;

        public bool MoveNext()
        {
            var items = _operation.Items;
            if (_bulkStep)
            {
                if (_next++ > 0 || (_filtered && !AnyFiltered(items))) return false;
                Current = _operation.MultipleScope();
                return true;
            }

            while (_next < items.Count)
            {
                var index = _next++;
                if (_filtered && !_step.IsFilteredOn(items[index].Target)) continue;
                Current = _operation.SingleScope(index);
                return true;
            }

            return false;
        }

        private bool AnyFiltered(IReadOnlyList<OperationItem> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (_step.IsFilteredOn(items[i].Target)) return true;
            }

            return false;
        }
    }

    private PluginExecutionContext BuildContext(Operation operation, EventScope scope, StepRegistration? step, PipelineStage stage, StepMode mode)
    {
        var synchronous = mode == StepMode.Synchronous;
        var preValidation = stage == PipelineStage.PreValidation;
        var context = NewContext(operation, scope, stage, mode, preValidation ? scope.PreValidationSharedVariables : scope.SharedVariables);
        context.Transaction = synchronous ? operation.Transaction : null;
        context.IsInTransaction = context.Transaction != null;
        context.OwningExtension = step == null ? null : new EntityReference("sdkmessageprocessingstep", step.Id) { Name = step.Name };

        // Stage 20/40 contexts see stage 10's shared variables through their parent, the pre-validation context.
        context.ParentContext = preValidation ? operation.Origin.ParentContext : scope.PreValidationContext ??= PreValidationContext(operation, scope);

        if (step != null && step.Images.Count > 0) AttachImages(context, operation, scope, step, stage);
        return context;
    }

    private PluginExecutionContext PreValidationContext(Operation operation, EventScope scope)
    {
        var context = NewContext(operation, scope, PipelineStage.PreValidation, StepMode.Synchronous, scope.PreValidationSharedVariables);
        context.ParentContext = operation.Origin.ParentContext;
        context.IsInTransaction = operation.Origin.Transaction != null;
        return context;
    }

    private PluginExecutionContext NewContext(Operation operation, EventScope scope, PipelineStage stage, StepMode mode, ParameterCollection sharedVariables) =>
        new(scope.Message, operation.Table, scope.PrimaryEntityId, scope.Inputs, scope.Outputs, sharedVariables)
        {
            Mode = (int)mode,
            Depth = operation.Depth,
            Stage = (int)stage,
            UserId = operation.Origin.UserId,
            InitiatingUserId = operation.Origin.InitiatingUserId,
            BusinessUnitId = _emulator.BusinessUnitId,
            OrganizationId = _emulator.OrganizationId,
            OrganizationName = _emulator.OrganizationName,
            CorrelationId = operation.CorrelationId,
            OperationId = operation.OperationId,
            OperationCreatedOn = operation.CreatedOn,
            RequestId = operation.Request.RequestId,
        };

    private void AttachImages(PluginExecutionContext context, Operation operation, EventScope scope, StepRegistration step, PipelineStage stage)
    {
        if (scope.ItemIndex is int index)
        {
            context.PreEntityImages = Images(operation, operation.Items[index], step, stage, pre: true);
            context.PostEntityImages = Images(operation, operation.Items[index], step, stage, pre: false);
            return;
        }

        context.PreEntityImagesCollection = operation.Items.Select(item => Images(operation, item, step, stage, pre: true)).ToArray();
        context.PostEntityImagesCollection = operation.Items.Select(item => Images(operation, item, step, stage, pre: false)).ToArray();
    }

    /// <summary>Images exist only where the platform has them: pre-images before the change, post-images at stage 40.</summary>
    private EntityImageCollection Images(Operation operation, OperationItem item, StepRegistration step, PipelineStage stage, bool pre)
    {
        var images = new EntityImageCollection();
        foreach (var image in step.Images)
        {
            if (pre && image.IsPre && operation.HasPreImage && item.PreImage != null)
            {
                images[image.Alias] = Project(item.PreImage, image.Attributes);
            }
            else if (!pre && image.IsPost && stage == PipelineStage.PostOperation && operation.HasPostImage && item.PostImage != null)
            {
                images[image.Alias] = Project(item.PostImage, image.Attributes);
            }
        }

        return images;
    }

    /// <summary>Each image is its own copy (a plugin may change it), with the primary key and the image's columns (all when it names none).</summary>
    private Entity Project(StoredRow source, IReadOnlyList<string> attributes) =>
        source.ToEntity(attributes.Count == 0 ? null : attributes, alsoColumn: _emulator.PrimaryKeyOf(source.LogicalName));

    /// <summary>The rows as they are before (or after) the core operation, when a step has an image of them.</summary>
    private void CaptureImages(Operation operation, bool pre)
    {
        if (!(pre ? operation.HasPreImage : operation.HasPostImage)) return;
        var steps = StepsOf(operation);
        if (!(pre ? steps.PreImage : steps.PostImage)) return;

        foreach (var item in operation.Items)
        {
            var snapshot = Store.Find(operation.Table, item.Id)?.Snapshot();
            if (pre) item.PreImage = snapshot;
            else item.PostImage = snapshot;
        }
    }
}
