using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Data;

/// <summary>
/// One instance per distinct lookup, choice and yes/no value across the stored rows. Stored values never leave the
/// store (readers get copies, see <see cref="ValueCopier"/>), so rows can share them: an owner, a business unit or a
/// customer is referenced by thousands of rows, and one object per row was most of a large table's memory.
/// Dates and ids are boxed once per value seen lately (createdon and modifiedon of a create are one instant, a
/// replayed day's rows share a few timestamps): a small cache, not a dictionary of every value ever stored.
/// </summary>
internal sealed class StoredValues
{
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Dictionary<(string, Guid, string?), EntityReference> _references = new();
    private readonly Dictionary<int, OptionSetValue> _options = new();
    private readonly object?[] _recentDates = new object?[1024];
    private readonly object?[] _recentIds = new object?[1024];

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
            case DateTime date:
            {
                var slot = date.GetHashCode() & (_recentDates.Length - 1);
                if (_recentDates[slot] is DateTime known && known.Ticks == date.Ticks && known.Kind == date.Kind) return _recentDates[slot];
                return _recentDates[slot] = value;
            }

            case Guid id:
            {
                var slot = id.GetHashCode() & (_recentIds.Length - 1);
                if (_recentIds[slot] is Guid known && known == id) return _recentIds[slot];
                return _recentIds[slot] = value;
            }

            default:
                return value;
        }
    }

}
