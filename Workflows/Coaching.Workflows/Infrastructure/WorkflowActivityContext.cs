using System;
using System.Activities;
using Coaching.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Coaching.Workflows.Infrastructure
{
    /// <summary>The services of one activity execution, unpacked once: what the coaching services need from a workflow.</summary>
    public sealed class WorkflowActivityContext : IOperationContext
    {
        private readonly ITracingService? _tracing;

        public WorkflowActivityContext(CodeActivityContext activityContext)
        {
            Workflow = activityContext.GetExtension<IWorkflowContext>()
                       ?? throw new InvalidPluginExecutionException("The workflow activity was run without a workflow context.");
            _tracing = activityContext.GetExtension<ITracingService>();
            var factory = activityContext.GetExtension<IOrganizationServiceFactory>()
                          ?? throw new InvalidPluginExecutionException("The workflow activity was run without an organization service.");
            UserService = factory.CreateOrganizationService(Workflow.UserId);
            SystemService = factory.CreateOrganizationService(null);
        }

        public IWorkflowContext Workflow { get; }

        /// <summary>Acts as the user the workflow runs as, so security applies.</summary>
        public IOrganizationService UserService { get; }

        /// <inheritdoc />
        public IOrganizationService SystemService { get; }

        /// <summary>"Now" for every rule: when the platform created the operation, never the local clock.</summary>
        public DateTime Now => Workflow.OperationCreatedOn;

        public Guid OrganizationId => Workflow.OrganizationId;

        /// <summary>Traces a decision; never pass personal data (names, emails, free text).</summary>
        public void Trace(string format, params object[] args) => _tracing?.Trace(format, args);
    }
}
