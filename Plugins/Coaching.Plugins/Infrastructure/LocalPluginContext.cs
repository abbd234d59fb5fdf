using System;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Infrastructure
{
    /// <summary>The services of one execution, unpacked once.</summary>
    public sealed class LocalPluginContext : IOperationContext
    {
        private readonly ITracingService? _tracing;

        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            Execution = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            _tracing = serviceProvider.GetService(typeof(ITracingService)) as ITracingService;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            UserService = factory.CreateOrganizationService(Execution.UserId);
            SystemService = factory.CreateOrganizationService(null);
        }

        public IPluginExecutionContext Execution { get; }

        /// <summary>Acts as the user the step runs as, so security applies.</summary>
        public IOrganizationService UserService { get; }

        /// <inheritdoc />
        public IOrganizationService SystemService { get; }

        /// <summary>"Now" for every rule: when the platform created the operation, never the local clock.</summary>
        public DateTime Now => Execution.OperationCreatedOn;

        public Guid OrganizationId => Execution.OrganizationId;

        /// <summary>Traces a decision; never pass personal data (names, emails, free text).</summary>
        public void Trace(string format, params object[] args) => _tracing?.Trace(format, args);
    }
}
