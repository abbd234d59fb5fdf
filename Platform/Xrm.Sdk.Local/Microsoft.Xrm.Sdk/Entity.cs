using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public enum EntityState
    {
        Unchanged = 0,
        Created = 1,
        Changed = 2,
    }

    public class Entity : IExtensibleDataObject
    {
        private AttributeCollection _attributes = new AttributeCollection();
        private KeyAttributeCollection _keyAttributes;
        private FormattedValueCollection _formattedValues;
        private RelatedEntityCollection _relatedEntities;

        public Entity()
        {
        }

        public Entity(string entityName)
        {
            LogicalName = entityName;
        }

        public Entity(string entityName, Guid id)
        {
            LogicalName = entityName;
            Id = id;
        }

        public Entity(string entityName, string keyName, object keyValue)
        {
            LogicalName = entityName;
            KeyAttributes.Add(keyName, keyValue);
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            KeyAttributes = keyAttributes;
        }

        public string LogicalName { get; set; }

        public Guid Id { get; set; }

        public AttributeCollection Attributes
        {
            get => _attributes;
            set => _attributes = value ?? new AttributeCollection();
        }

        // Created on first use: most entities never need them, and tests and simulations create millions.
        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ??= new KeyAttributeCollection();
            set => _keyAttributes = value;
        }

        public FormattedValueCollection FormattedValues => _formattedValues ??= new FormattedValueCollection();

        public RelatedEntityCollection RelatedEntities => _relatedEntities ??= new RelatedEntityCollection();

        internal bool HasFormattedValues => _formattedValues != null && _formattedValues.Count > 0;

        internal bool HasKeyAttributes => _keyAttributes != null && _keyAttributes.Count > 0;

        public EntityState? EntityState { get; set; }

        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>Throws <see cref="KeyNotFoundException"/> when the column is absent, as the real SDK does.</summary>
        public object this[string attributeName]
        {
            get => Attributes[attributeName];
            set => Attributes[attributeName] = value;
        }

        public bool Contains(string attributeName) => Attributes.Contains(attributeName);

        /// <summary>Default of T when the column is absent or null; a cast otherwise.</summary>
        public T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!Attributes.TryGetValue(attributeLogicalName, out var value) || value == null)
            {
                return default;
            }

            return (T)value;
        }

        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (Attributes.TryGetValue(attributeKey, out var value) && value is T typed)
            {
                result = typed;
                return true;
            }

            result = default;
            return false;
        }

        public EntityReference ToEntityReference() => new EntityReference(LogicalName, Id);
    }
}
