using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Data;

/// <summary>
/// Copies records and attribute values so no caller shares an object with the store:
/// changing an Entity after Create, or a retrieved one, never changes what is stored.
/// </summary>
public static class ValueCopier
{
    public static Entity CopyEntity(Entity source, Func<string, bool>? includeColumn = null)
    {
        var copy = new Entity(source.LogicalName, source.Id) { RowVersion = source.RowVersion };
        var count = 0;
        foreach (var pair in source.Attributes)
        {
            if (includeColumn == null || includeColumn(pair.Key)) count++;
        }

        // One AddRange of the exact count: stored rows and images are made here, and their tables then have no slack.
        var columns = new KeyValuePair<string, object>[count];
        var next = 0;
        foreach (var pair in source.Attributes)
        {
            if (includeColumn == null || includeColumn(pair.Key))
            {
                columns[next++] = new KeyValuePair<string, object>(pair.Key, CopyValue(pair.Value)!);
            }
        }

        copy.Attributes.AddRange(columns);

        foreach (var pair in source.HasFormattedValues ? source.FormattedValues : Enumerable.Empty<KeyValuePair<string, string>>())
        {
            if (includeColumn == null || includeColumn(pair.Key))
            {
                copy.FormattedValues[pair.Key] = pair.Value;
            }
        }

        foreach (var key in source.HasKeyAttributes ? source.KeyAttributes : Enumerable.Empty<KeyValuePair<string, object>>())
        {
            copy.KeyAttributes[key.Key] = CopyValue(key.Value);
        }

        return copy;
    }

    public static object? CopyValue(object? value) => value switch
    {
        null => null,
        EntityReference r => new EntityReference(r.LogicalName, r.Id) { Name = r.Name },
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        Entity e => CopyEntity(e),
        EntityCollection c => new EntityCollection(c.Entities.Select(e => CopyEntity(e)).ToList()) { EntityName = c.EntityName },
        AliasedValue a => new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, CopyValue(a.Value)),
        _ => value, // strings, numbers, dates, guids, booleans are immutable
    };
}
