using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Messages;
using Xrm.Emulator.Metering;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator;

/// <summary>
/// IOrganizationService over the emulator. Every method is an Execute of the matching request, so the
/// pipeline, metering and transactions behave the same whichever way a caller phrases the call.
/// </summary>
internal sealed class OrganizationService : IOrganizationService
{
    private readonly XrmEmulator _emulator;
    private readonly CallOrigin _origin;

    public OrganizationService(XrmEmulator emulator, CallOrigin origin)
    {
        _emulator = emulator;
        _origin = origin;
    }

    public Guid CallingUserId => _origin.UserId;

    public Guid Create(Entity entity) => ((CreateResponse)Execute(new CreateRequest { Target = entity })).id;

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        ((RetrieveResponse)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public EntityCollection RetrieveMultiple(QueryBase query) =>
        ((RetrieveMultipleResponse)Execute(new RetrieveMultipleRequest { Query = query })).EntityCollection;

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(Relate("Associate", entityName, entityId, relationship, relatedEntities));

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(Relate("Disassociate", entityName, entityId, relationship, relatedEntities));

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request == null) throw new ArgumentNullException(nameof(request));
        if (_origin.Execution is { KeepsDetail: true } execution) execution.Record(new ServiceCall(request.RequestName, RequestTables.TableOf(request)));
        return _emulator.Pipeline.Execute(request, _origin);
    }

    private static OrganizationRequest Relate(string message, string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection related) =>
        new(message)
        {
            ["Target"] = new EntityReference(entityName, entityId),
            ["Relationship"] = relationship,
            ["RelatedEntities"] = related,
        };
}
