using System;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Infrastructure
{
    /// <summary>
    /// What a coaching service needs from the operation it serves, whether a plugin step
    /// (<see cref="LocalPluginContext"/>) or a custom workflow activity: the calling user's and the system's services,
    /// the operation's "now", the organization (the settings cache key) and tracing.
    /// </summary>
    public interface IOperationContext
    {
        /// <summary>Acts as the user the operation runs as, so security applies: for what the user asked to see or change.</summary>
        IOrganizationService UserService { get; }

        /// <summary>
        /// Acts as SYSTEM: for the coaching automation itself (settings, sessions, their tasks and shares). It writes
        /// on behalf of people other than the caller (a rep's save opens a session owned by their manager and a task
        /// for the rep) and must see every session of a deal to avoid duplicates, whoever owns them.
        /// </summary>
        IOrganizationService SystemService { get; }

        /// <summary>When the platform created the operation; never the local clock.</summary>
        DateTime Now { get; }

        Guid OrganizationId { get; }

        /// <summary>Traces a decision; never pass personal data (names, emails, free text).</summary>
        void Trace(string format, params object[] args);
    }
}
