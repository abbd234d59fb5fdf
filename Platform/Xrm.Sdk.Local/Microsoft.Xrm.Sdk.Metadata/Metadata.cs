using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    // The subset of table and column definitions that code reads through RetrieveEntity / RetrieveAttribute:
    // names, MetadataId (what principalobjectattributeaccess.attributeid holds) and column security.

    public abstract class MetadataBase : IExtensibleDataObject
    {
        public Guid? MetadataId { get; set; }

        public bool? HasChanged { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public class AttributeMetadata : MetadataBase
    {
        public AttributeMetadata()
        {
        }

        public string LogicalName { get; set; }

        public string SchemaName { get; set; }

        /// <summary>The table the column belongs to; the platform fills it.</summary>
        public string EntityLogicalName { get; internal set; }

        public AttributeTypeCode? AttributeType { get; internal set; }

        /// <summary>Column security: readable and writable only through a field security profile or a field share.</summary>
        public bool? IsSecured { get; set; }

        /// <summary>Whether column security can hide the column from readers: not for yes/no columns, nor choices with a default value.</summary>
        public bool? CanBeSecuredForRead { get; internal set; }

        public bool? IsPrimaryId { get; internal set; }

        public bool? IsPrimaryName { get; internal set; }
    }

    public sealed class EntityMetadata : MetadataBase
    {
        public EntityMetadata()
        {
        }

        public string LogicalName { get; set; }

        public string SchemaName { get; set; }

        public bool? IsActivity { get; set; }

        public string PrimaryIdAttribute { get; internal set; }

        public string PrimaryNameAttribute { get; internal set; }

        /// <summary>The columns, when the request asked for <see cref="EntityFilters.Attributes"/>; else null.</summary>
        public AttributeMetadata[] Attributes { get; internal set; }
    }

    [Flags]
    public enum EntityFilters
    {
        Default = 1,
        Entity = 1,
        Attributes = 2,
        Privileges = 4,
        Relationships = 8,
        All = 15,
    }

    public enum AttributeTypeCode
    {
        Boolean = 0,
        Customer = 1,
        DateTime = 2,
        Decimal = 3,
        Double = 4,
        Integer = 5,
        Lookup = 6,
        Memo = 7,
        Money = 8,
        Owner = 9,
        PartyList = 10,
        Picklist = 11,
        State = 12,
        Status = 13,
        String = 14,
        Uniqueidentifier = 15,
        CalendarRules = 16,
        Virtual = 17,
        BigInt = 18,
        ManagedProperty = 19,
        EntityName = 20,
    }
}
