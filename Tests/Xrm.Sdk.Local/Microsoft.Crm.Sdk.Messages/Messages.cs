using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    public sealed class AssignRequest : OrganizationRequest
    {
        public AssignRequest() : base("Assign")
        {
        }

        public EntityReference Target
        {
            get => Parameters.TryGetValue("Target", out EntityReference value) ? value : null;
            set => Parameters["Target"] = value;
        }

        public EntityReference Assignee
        {
            get => Parameters.TryGetValue("Assignee", out EntityReference value) ? value : null;
            set => Parameters["Assignee"] = value;
        }
    }

    public sealed class AssignResponse : OrganizationResponse
    {
    }

    public sealed class SetStateRequest : OrganizationRequest
    {
        public SetStateRequest() : base("SetState")
        {
        }

        public EntityReference EntityMoniker
        {
            get => Parameters.TryGetValue("EntityMoniker", out EntityReference value) ? value : null;
            set => Parameters["EntityMoniker"] = value;
        }

        public OptionSetValue State
        {
            get => Parameters.TryGetValue("State", out OptionSetValue value) ? value : null;
            set => Parameters["State"] = value;
        }

        public OptionSetValue Status
        {
            get => Parameters.TryGetValue("Status", out OptionSetValue value) ? value : null;
            set => Parameters["Status"] = value;
        }
    }

    public sealed class SetStateResponse : OrganizationResponse
    {
    }

    public sealed class WhoAmIRequest : OrganizationRequest
    {
        public WhoAmIRequest() : base("WhoAmI")
        {
        }
    }

    public sealed class WhoAmIResponse : OrganizationResponse
    {
        public Guid UserId => Result<Guid>("UserId");

        public Guid BusinessUnitId => Result<Guid>("BusinessUnitId");

        public Guid OrganizationId => Result<Guid>("OrganizationId");
    }
}
