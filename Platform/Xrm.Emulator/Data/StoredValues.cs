using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Data;

/// <summary>
/// One instance per distinct lookup, choice and yes/no value across the stored rows. Stored values never leave the
/// store (readers get copies, see <see cref="ValueCopier"/>), so rows can share them: an owner, a business unit or a
/// customer is referenced by thousands of rows, and one object per row was most of a large table's memory.
/// Dates, ids, whole numbers and texts are kept once per value seen lately (createdon and modifiedon of a create are
/// one instant, activities repeat a few subjects): a small cache each, not a dictionary of every value ever stored.
/// Long texts are kept as UTF-8 (<see cref="PackedText"/>), their lines after the first shared when other rows repeat them.
/// </summary>
internal sealed class StoredValues
{
    private static readonly object True = true;
    private static readonly object False = false;

    // By id alone (a Guid hashes far cheaper than a tuple with two strings); a reference with another table or name for
    // the same id takes the slot over, rows holding the former instance keep it.
    private readonly Dictionary<Guid, EntityReference> _references = new();

    // The references stored lately, by id hash: a row's owner, deal or session was most often just stored by another
    // row, and this small table answers without touching the large dictionary's memory.
    private readonly EntityReference?[] _recentReferences = new EntityReference?[4096];
    private readonly Dictionary<int, OptionSetValue> _options = new();
    private readonly object?[] _recentDates = new object?[1024];
    private readonly object?[] _recentIds = new object?[1024];
    private readonly object?[] _recentNumbers = new object?[1024];
    private readonly string?[] _recentTexts = new string?[16384];
    private readonly string?[] _recentTails = new string?[4096];

    // Made once: a method group would make a delegate per long text stored.
    private readonly PackedText.TailLookup _knownTail;

    public StoredValues() => _knownTail = KnownTail;

    /// <summary>
    /// The form of a caller's value the store may keep: the shared instance equal to it, else a private copy
    /// (<see cref="ValueCopier"/>). A value already shared costs no copy.
    /// </summary>
    public object? Store(object? value)
    {
        switch (value)
        {
            case EntityReference reference: // kept: logical name, id and name only
            {
                var slot = reference.Id.GetHashCode() & (_recentReferences.Length - 1);
                if (_recentReferences[slot] is { } recent && recent.Id == reference.Id && SameNames(recent, reference)) return recent;
                if (_references.TryGetValue(reference.Id, out var shared) && SameNames(shared, reference))
                {
                    return _recentReferences[slot] = shared;
                }

                var copy = (EntityReference)ValueCopier.CopyValue(reference)!;
                _references[reference.Id] = copy;
                return _recentReferences[slot] = copy;
            }

            case OptionSetValue option:
                if (_options.TryGetValue(option.Value, out var sharedOption)) return sharedOption;
                sharedOption = new OptionSetValue(option.Value);
                _options.Add(option.Value, sharedOption);
                return sharedOption;
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

            case int number:
            {
                // Scores, masks and counts repeat: an ICP score is one of about a hundred values.
                var slot = number & (_recentNumbers.Length - 1);
                if (_recentNumbers[slot] is int known && known == number) return _recentNumbers[slot];
                return _recentNumbers[slot] = value;
            }

            case string { Length: >= PackedText.MinLength } text:
                return PackedText.Pack(text, _knownTail);
            case string text:
                // Subjects and stage names repeat across thousands of activities, fit reasons across the deals of an account.
                return Seen(_recentTexts, text.AsSpan(), out var textSlot) ?? (_recentTexts[textSlot] = text);

            default:
                return ValueCopier.CopyValue(value);
        }
    }

    private static bool SameNames(EntityReference shared, EntityReference reference) =>
        string.Equals(shared.LogicalName, reference.LogicalName, StringComparison.Ordinal)
        && string.Equals(shared.Name, reference.Name, StringComparison.Ordinal);

    /// <summary>
    /// The instance of <paramref name="text"/> kept in <paramref name="recent"/> when it was seen lately; else null, and
    /// <paramref name="slot"/> is where the caller keeps its own instance.
    /// </summary>
    private static string? Seen(string?[] recent, ReadOnlySpan<char> text, out int slot)
    {
        slot = string.GetHashCode(text) & (recent.Length - 1);
        return recent[slot] is { } known && text.SequenceEqual(known.AsSpan()) ? known : null;
    }

    /// <summary>
    /// The kept instance of <paramref name="text"/> from <paramref name="from"/> on when another row had that tail lately;
    /// else null, and the tail is kept for the next rows. Null means the tail is packed with its text, so a text no other
    /// row repeats costs no more than before; a repeated tail costs no copy.
    /// </summary>
    private string? KnownTail(string text, int from)
    {
        if (Seen(_recentTails, text.AsSpan(from), out var slot) is { } known) return known;
        _recentTails[slot] = text.Substring(from);
        return null;
    }
}
