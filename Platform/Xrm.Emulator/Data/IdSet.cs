using System;
using System.Collections;
using System.Collections.Generic;

namespace Xrm.Emulator.Data;

/// <summary>
/// The ids of one equality index key. Most keys of a large index (a record's shares, a lookup to one parent) hold a
/// single id, and a HashSet per key cost about 200 bytes: one id is kept inline until a second comes. Once a set, it
/// stays a set, so the order it enumerates in is the order a HashSet alone would give (unordered query results
/// come in this order).
/// </summary>
internal sealed class IdSet : IReadOnlyCollection<Guid>
{
    private Guid _single;
    private HashSet<Guid>? _many;

    public IdSet(Guid first) => _single = first;

    /// <summary>Number of ids; a set emptied by removals is dropped from its index by the caller.</summary>
    public int Count => _many?.Count ?? 1;

    public void Add(Guid id)
    {
        if (_many != null)
        {
            _many.Add(id);
        }
        else if (id != _single)
        {
            _many = new HashSet<Guid> { _single, id };
        }
    }

    /// <summary>Removes the id; true when the set is then empty.</summary>
    public bool RemoveAndCheckEmpty(Guid id)
    {
        if (_many != null)
        {
            _many.Remove(id);
            return _many.Count == 0;
        }

        return id == _single;
    }

    public IEnumerator<Guid> GetEnumerator()
    {
        if (_many != null) return _many.GetEnumerator();
        return Single(_single);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IEnumerator<Guid> Single(Guid id)
    {
        yield return id;
    }
}
