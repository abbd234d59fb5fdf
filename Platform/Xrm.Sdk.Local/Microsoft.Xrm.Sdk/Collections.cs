using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class AttributeCollection : DataCollection<string, object>
    {
    }

    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
    }

    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
    }

    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
    }

    public class EntityImageCollection : DataCollection<string, Entity>
    {
    }

    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
    }

    public class ParameterCollection : DataCollection<string, object>
    {
        public bool TryGetValue<T>(string key, out T value)
        {
            if (base.TryGetValue(key, out object raw) && raw is T typed)
            {
                value = typed;
                return true;
            }

            value = default;
            return false;
        }

        public void AddOrUpdateIfNotNull(string key, object obj)
        {
            if (obj != null) this[key] = obj;
        }
    }

    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection()
        {
        }

        public EntityReferenceCollection(IList<EntityReference> list) : base(list)
        {
        }
    }

    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
    }

    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
    }

    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
    }

    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship()
        {
        }

        public Relationship(string schemaName)
        {
            SchemaName = schemaName;
        }

        public string SchemaName { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is Relationship other && other.SchemaName == SchemaName;

        public override int GetHashCode() => SchemaName == null ? 0 : SchemaName.GetHashCode();

        public override string ToString() => SchemaName;
    }
}
