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
            get => Parameter<EntityReference>("Target");
            set => Parameters["Target"] = value;
        }

        public EntityReference Assignee
        {
            get => Parameter<EntityReference>("Assignee");
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
            get => Parameter<EntityReference>("EntityMoniker");
            set => Parameters["EntityMoniker"] = value;
        }

        public OptionSetValue State
        {
            get => Parameter<OptionSetValue>("State");
            set => Parameters["State"] = value;
        }

        public OptionSetValue Status
        {
            get => Parameter<OptionSetValue>("Status");
            set => Parameters["Status"] = value;
        }
    }

    public sealed class SetStateResponse : OrganizationResponse
    {
    }

    public sealed class WinOpportunityRequest : OrganizationRequest
    {
        public WinOpportunityRequest() : base("WinOpportunity")
        {
        }

        public Entity OpportunityClose
        {
            get => Parameter<Entity>("OpportunityClose");
            set => Parameters["OpportunityClose"] = value;
        }

        public OptionSetValue Status
        {
            get => Parameter<OptionSetValue>("Status");
            set => Parameters["Status"] = value;
        }
    }

    public sealed class WinOpportunityResponse : OrganizationResponse
    {
    }

    public sealed class LoseOpportunityRequest : OrganizationRequest
    {
        public LoseOpportunityRequest() : base("LoseOpportunity")
        {
        }

        public Entity OpportunityClose
        {
            get => Parameter<Entity>("OpportunityClose");
            set => Parameters["OpportunityClose"] = value;
        }

        public OptionSetValue Status
        {
            get => Parameter<OptionSetValue>("Status");
            set => Parameters["Status"] = value;
        }
    }

    public sealed class LoseOpportunityResponse : OrganizationResponse
    {
    }

    [Flags]
    public enum AccessRights
    {
        None = 0,
        ReadAccess = 1,
        WriteAccess = 2,
        AppendAccess = 4,
        AppendToAccess = 16,
        CreateAccess = 32,
        DeleteAccess = 65536,
        ShareAccess = 262144,
        AssignAccess = 524288,
    }

    /// <summary>Who gets which rights on a shared record.</summary>
    public sealed class PrincipalAccess : System.Runtime.Serialization.IExtensibleDataObject
    {
        public EntityReference Principal { get; set; }

        public AccessRights AccessMask { get; set; }

        public System.Runtime.Serialization.ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class GrantAccessRequest : OrganizationRequest
    {
        public GrantAccessRequest() : base("GrantAccess")
        {
        }

        public EntityReference Target
        {
            get => Parameter<EntityReference>("Target");
            set => Parameters["Target"] = value;
        }

        public PrincipalAccess PrincipalAccess
        {
            get => Parameter<PrincipalAccess>("PrincipalAccess");
            set => Parameters["PrincipalAccess"] = value;
        }
    }

    public sealed class GrantAccessResponse : OrganizationResponse
    {
    }

    public sealed class ModifyAccessRequest : OrganizationRequest
    {
        public ModifyAccessRequest() : base("ModifyAccess")
        {
        }

        public EntityReference Target
        {
            get => Parameter<EntityReference>("Target");
            set => Parameters["Target"] = value;
        }

        public PrincipalAccess PrincipalAccess
        {
            get => Parameter<PrincipalAccess>("PrincipalAccess");
            set => Parameters["PrincipalAccess"] = value;
        }
    }

    public sealed class ModifyAccessResponse : OrganizationResponse
    {
    }

    public sealed class RevokeAccessRequest : OrganizationRequest
    {
        public RevokeAccessRequest() : base("RevokeAccess")
        {
        }

        public EntityReference Target
        {
            get => Parameter<EntityReference>("Target");
            set => Parameters["Target"] = value;
        }

        public EntityReference Revokee
        {
            get => Parameter<EntityReference>("Revokee");
            set => Parameters["Revokee"] = value;
        }
    }

    public sealed class RevokeAccessResponse : OrganizationResponse
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
