using System;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    // Typed requests are views over OrganizationRequest.Parameters, as in the real SDK, so a
    // pipeline that only knows RequestName and Parameters handles them the same way.

    public sealed class CreateRequest : OrganizationRequest
    {
        public CreateRequest() : base("Create")
        {
        }

        public Entity Target
        {
            get => Parameter<Entity>("Target");
            set => Parameters["Target"] = value;
        }
    }

    public sealed class CreateResponse : OrganizationResponse
    {
        public Guid id => Result<Guid>("id");
    }

    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest() : base("Retrieve")
        {
        }

        public EntityReference Target
        {
            get => Parameter<EntityReference>("Target");
            set => Parameters["Target"] = value;
        }

        public ColumnSet ColumnSet
        {
            get => Parameter<ColumnSet>("ColumnSet");
            set => Parameters["ColumnSet"] = value;
        }
    }

    public sealed class RetrieveResponse : OrganizationResponse
    {
        public Entity Entity => Result<Entity>("Entity");
    }

    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest() : base("Update")
        {
        }

        public Entity Target
        {
            get => Parameter<Entity>("Target");
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameter("ConcurrencyBehavior", ConcurrencyBehavior.Default);
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    public sealed class UpdateResponse : OrganizationResponse
    {
    }

    public sealed class DeleteRequest : OrganizationRequest
    {
        public DeleteRequest() : base("Delete")
        {
        }

        public EntityReference Target
        {
            get => Parameter<EntityReference>("Target");
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameter("ConcurrencyBehavior", ConcurrencyBehavior.Default);
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    public sealed class DeleteResponse : OrganizationResponse
    {
    }

    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest() : base("RetrieveMultiple")
        {
        }

        public QueryBase Query
        {
            get => Parameter<QueryBase>("Query");
            set => Parameters["Query"] = value;
        }
    }

    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        public EntityCollection EntityCollection => Result<EntityCollection>("EntityCollection");
    }

    public sealed class CreateMultipleRequest : OrganizationRequest
    {
        public CreateMultipleRequest() : base("CreateMultiple")
        {
        }

        public EntityCollection Targets
        {
            get => Parameter<EntityCollection>("Targets");
            set => Parameters["Targets"] = value;
        }
    }

    public sealed class CreateMultipleResponse : OrganizationResponse
    {
        public Guid[] Ids => Result<Guid[]>("Ids");
    }

    public sealed class UpdateMultipleRequest : OrganizationRequest
    {
        public UpdateMultipleRequest() : base("UpdateMultiple")
        {
        }

        public EntityCollection Targets
        {
            get => Parameter<EntityCollection>("Targets");
            set => Parameters["Targets"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameter("ConcurrencyBehavior", ConcurrencyBehavior.Default);
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    public sealed class UpdateMultipleResponse : OrganizationResponse
    {
    }

    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        public ExecuteMultipleRequest() : base("ExecuteMultiple")
        {
        }

        public OrganizationRequestCollection Requests
        {
            get => Parameter<OrganizationRequestCollection>("Requests");
            set => Parameters["Requests"] = value;
        }

        public ExecuteMultipleSettings Settings
        {
            get => Parameter<ExecuteMultipleSettings>("Settings");
            set => Parameters["Settings"] = value;
        }
    }

    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public ExecuteMultipleResponseItemCollection Responses => Result<ExecuteMultipleResponseItemCollection>("Responses");

        public bool IsFaulted => Result<bool>("IsFaulted");
    }

    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        public ExecuteTransactionRequest() : base("ExecuteTransaction")
        {
        }

        public OrganizationRequestCollection Requests
        {
            get => Parameter<OrganizationRequestCollection>("Requests");
            set => Parameters["Requests"] = value;
        }

        public bool? ReturnResponses
        {
            get => Parameters.TryGetValue("ReturnResponses", out bool value) ? value : (bool?)null;
            set => Parameters["ReturnResponses"] = value;
        }
    }

    public sealed class ExecuteTransactionResponse : OrganizationResponse
    {
        public OrganizationResponseCollection Responses => Result<OrganizationResponseCollection>("Responses");
    }
}

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>A table's definition; with <see cref="EntityFilters.Attributes"/>, its columns too.</summary>
    public sealed class RetrieveEntityRequest : OrganizationRequest
    {
        public RetrieveEntityRequest() : base("RetrieveEntity")
        {
        }

        public EntityFilters EntityFilters
        {
            get => Parameter("EntityFilters", EntityFilters.Default);
            set => Parameters["EntityFilters"] = value;
        }

        public string LogicalName
        {
            get => Parameter<string>("LogicalName");
            set => Parameters["LogicalName"] = value;
        }

        public Guid MetadataId
        {
            get => Parameter("MetadataId", Guid.Empty);
            set => Parameters["MetadataId"] = value;
        }

        public bool RetrieveAsIfPublished
        {
            get => Parameter("RetrieveAsIfPublished", false);
            set => Parameters["RetrieveAsIfPublished"] = value;
        }
    }

    public sealed class RetrieveEntityResponse : OrganizationResponse
    {
        public EntityMetadata EntityMetadata => Result<EntityMetadata>("EntityMetadata");
    }

    /// <summary>One column's definition, by table and column name or by its MetadataId.</summary>
    public sealed class RetrieveAttributeRequest : OrganizationRequest
    {
        public RetrieveAttributeRequest() : base("RetrieveAttribute")
        {
        }

        public string EntityLogicalName
        {
            get => Parameter<string>("EntityLogicalName");
            set => Parameters["EntityLogicalName"] = value;
        }

        public string LogicalName
        {
            get => Parameter<string>("LogicalName");
            set => Parameters["LogicalName"] = value;
        }

        public Guid MetadataId
        {
            get => Parameter("MetadataId", Guid.Empty);
            set => Parameters["MetadataId"] = value;
        }

        public bool RetrieveAsIfPublished
        {
            get => Parameter("RetrieveAsIfPublished", false);
            set => Parameters["RetrieveAsIfPublished"] = value;
        }
    }

    public sealed class RetrieveAttributeResponse : OrganizationResponse
    {
        public AttributeMetadata AttributeMetadata => Result<AttributeMetadata>("AttributeMetadata");
    }
}
