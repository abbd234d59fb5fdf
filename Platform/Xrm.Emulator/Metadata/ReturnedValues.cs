using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Metadata;

/// <summary>
/// What Retrieve and RetrieveMultiple add to the stored values: a lookup's Name (the target's primary name column,
/// read now) and FormattedValues for choices and yes/no columns (their labels), money (the organization's currency,
/// here US dollars) and lookups (the name). Aliased link-entity values get theirs under the alias.
/// </summary>
internal static class ReturnedValues
{
    private static readonly CultureInfo Currency = CultureInfo.GetCultureInfo("en-US");

    public static void Fill(EntityCollection collection, MetadataCatalog catalog, EntityStore store)
    {
        var entities = collection.Entities;
        // A page of several: one buffer for all, so each entity's values are added at once (its collection sized once).
        // A single entity gets its values set one by one, which costs less than a buffer. Indexed loop: enumerating
        // the SDK's collection allocates.
        var buffer = entities.Count > 1 ? new List<KeyValuePair<string, string>>(8) : null;
        for (var i = 0; i < entities.Count; i++) Fill(entities[i], catalog, store, buffer);
    }

    public static void Fill(Entity entity, MetadataCatalog catalog, EntityStore store) => Fill(entity, catalog, store, null);

    private static void Fill(Entity entity, MetadataCatalog catalog, EntityStore store, List<KeyValuePair<string, string>>? buffer)
    {
        var table = catalog.Find(entity.LogicalName);
        // Gathered and added at once (unless the entity already carries some, which later values replace).
        buffer?.Clear();
        var formattedValues = entity.HasFormattedValues ? null : buffer;
        foreach (var pair in entity.Attributes)
        {
            var value = pair.Value;
            var owner = table;
            var column = pair.Key;
            if (value is AliasedValue aliased)
            {
                owner = catalog.Find(aliased.EntityLogicalName);
                column = aliased.AttributeLogicalName;
                value = aliased.Value;
            }

            var metadata = owner?.Column(column);
            if (metadata == null || value == null) continue;
            var formatted = Format(metadata, value, catalog, store);
            if (formatted == null) continue;
            if (formattedValues != null) formattedValues.Add(new KeyValuePair<string, string>(pair.Key, formatted));
            else entity.FormattedValues[pair.Key] = formatted;
        }

        if (formattedValues is { Count: > 0 }) entity.FormattedValues.AddRange(formattedValues);
    }

    private static string? Format(ColumnMetadata column, object value, MetadataCatalog catalog, EntityStore store)
    {
        switch (value)
        {
            case OptionSetValue option when column.Options != null:
                return column.Options.TryGetValue(option.Value, out var label) ? label : null;
            case bool flag when column.Options != null:
                return column.Options.TryGetValue(flag ? 1 : 0, out var text) ? text : null;
            case Money money:
                return FormatMoney(money.Value, column.Precision ?? 2);
            case EntityReference reference:
                reference.Name = NameOf(reference, catalog, store);
                return reference.Name;
            default:
                return null;
        }
    }

    // Deal values and account revenues repeat (a refresh reads every open deal every day): the text of the first
    // values seen is kept, enough for the accounts of the large simulation (9,000 revenues). Counted apart:
    // ConcurrentDictionary.Count takes every lock.
    private static readonly ConcurrentDictionary<(decimal Value, int Precision), string> MoneyTexts = new();
    private const int MoneyTextsKept = 16384;
    private static int _moneyTextsCount;

    // "C0" ... "C10": no format text built per value.
    private static readonly string[] MoneyFormats = Enumerable.Range(0, 11).Select(p => "C" + p.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string FormatMoney(decimal value, int precision)
    {
        if (MoneyTexts.TryGetValue((value, precision), out var text)) return text;
        var format = precision >= 0 && precision < MoneyFormats.Length ? MoneyFormats[precision] : "C" + precision.ToString(CultureInfo.InvariantCulture);
        text = value.ToString(format, Currency);
        if (Volatile.Read(ref _moneyTextsCount) < MoneyTextsKept && MoneyTexts.TryAdd((value, precision), text)) Interlocked.Increment(ref _moneyTextsCount);
        return text;
    }

    /// <summary>The referenced record's primary name as stored now, or null.</summary>
    public static string? NameOf(EntityReference reference, MetadataCatalog catalog, EntityStore store)
    {
        var nameColumn = catalog.Find(reference.LogicalName)?.PrimaryNameAttribute;
        if (nameColumn == null) return null;
        var row = store.Find(reference.LogicalName, reference.Id);
        return row != null && row.TryGetValue(nameColumn, out var name) ? name as string : null;
    }
}
