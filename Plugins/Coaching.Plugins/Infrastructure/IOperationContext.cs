using System;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Infrastructure
{
    /// <summary>
    /// What a coaching service needs from the operation it serves, whether a plugin step
    /// (<see cref="LocalPluginContext"/>) or a custom workflow activity: the calling user's service,
    /// the operation's "now", the organization (the settings cache key) and tracing.
    /// </summary>
    public interface IOperationContext
    {
        /// <summary>Acts as the user the operation runs as, so security applies.</summary>
        IOrganizationService UserService { get; }

        /// <summary>When the platform created the operation; never the local clock.</summary>
        DateTime Now { get; }

        Guid OrganizationId { get; }

        /// <summary>Traces a decision; never pass personal data (names, emails, free text).</summary>
        void Trace(string format, params object[] args);
    }
}
