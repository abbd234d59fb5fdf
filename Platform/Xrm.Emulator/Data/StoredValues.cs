using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Data;

/// <summary>
/// One instance per distinct lookup, choice and yes/no value across the stored rows. Stored values never leave the
/// store (readers get copies, see <see cref="ValueCopier"/>), so rows can share them: an owner, a business unit or a
/// customer is referenced by thousands of rows, and one object per row was most of a large table's memory.
/// </summary>
internal sealed class StoredValues
{
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Dictionary<(string, Guid, string?), EntityReference> _references = new();
    private readonly Dictionary<int, OptionSetValue> _options = new();

    /// <summary>The shared instance equal to <paramref name="value"/> (itself an unshared copy), or the value unchanged.</summary>
    public object? Share(object? value)
    {
        switch (value)
        {
            case EntityReference reference: // a copy: logical name, id and name only
                var key = (reference.LogicalName, reference.Id, reference.Name);
                if (_references.TryGetValue(key, out var shared)) return shared;
                _references.Add(key, reference);
                return reference;
            case OptionSetValue option:
                if (_options.TryGetValue(option.Value, out var sharedOption)) return sharedOption;
                _options.Add(option.Value, option);
                return option;
            case bool flag:
                return flag ? True : False;
            default:
                return value;
        }
    }

    /// <summary>Replaces each value of a freshly copied row with its shared instance.</summary>
    public void ShareAll(Entity row)
    {
        List<KeyValuePair<string, object>>? replaced = null;
        foreach (var pair in row.Attributes)
        {
            var shared = Share(pair.Value);
            if (!ReferenceEquals(shared, pair.Value)) (replaced ??= new()).Add(new(pair.Key, shared!));
        }

        if (replaced == null) return;
        foreach (var pair in replaced) row.Attributes[pair.Key] = pair.Value;
    }
}
