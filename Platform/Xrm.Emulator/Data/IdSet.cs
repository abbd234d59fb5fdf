using System;
using System.Collections;
using System.Collections.Generic;

namespace Xrm.Emulator.Data;

/// <summary>
/// The ids of one equality index key. Most keys of a large index (a record's shares, the activities of one deal) hold
/// one id or a few, and a HashSet per key cost 200 to 400 bytes: one id is kept inline, up to eight in a small array,
/// more in a HashSet. Unordered query results come in this set's order, so it enumerates exactly as a HashSet alone
/// would: in insertion order, a removed id's place taken by the next id added (the last freed place first).
/// </summary>
internal sealed class IdSet : IReadOnlyCollection<Guid>
{
    private const int SmallCapacity = 8;

    private Guid _first; // the only id until a second comes
    private Guid[]? _small; // places as a HashSet's entries: holes where ids were removed
    private HashSet<Guid>? _many;
    private byte _used; // places taken so far, holes included
    private byte _count;
    private byte _holeMask;
    private byte _holeCount;
    private uint _holeStack; // free places, 4 bits each, the last freed in the low bits

    public IdSet(Guid first)
    {
        _first = first;
        _count = 1;
    }

    /// <summary>Number of ids; a set emptied by removals is dropped from its index by the caller.</summary>
    public int Count => _many?.Count ?? _count;

    public void Add(Guid id)
    {
        if (_many != null)
        {
            _many.Add(id);
            return;
        }

        if (_small == null)
        {
            if (id == _first) return;
            _small = new Guid[4];
            _small[0] = _first;
            _small[1] = id;
            _used = 2;
            _count = 2;
            return;
        }

        if (IndexOf(id) >= 0) return;
        if (_holeCount > 0)
        {
            var place = (int)(_holeStack & 0xF);
            _holeStack >>= 4;
            _holeCount--;
            _holeMask &= (byte)~(1 << place);
            _small[place] = id;
            _count++;
            return;
        }

        if (_used == SmallCapacity)
        {
            // No holes: the HashSet gets the ids in the order it would have had them.
            _many = new HashSet<Guid>(SmallCapacity * 2);
            foreach (var known in _small) _many.Add(known);
            _many.Add(id);
            _small = null;
            return;
        }

        if (_used == _small.Length) Array.Resize(ref _small, SmallCapacity);
        _small[_used++] = id;
        _count++;
    }

    /// <summary>Removes the id; true when the set is then empty.</summary>
    public bool RemoveAndCheckEmpty(Guid id)
    {
        if (_many != null)
        {
            _many.Remove(id);
            return _many.Count == 0;
        }

        if (_small == null) return id == _first;

        var place = IndexOf(id);
        if (place < 0) return false;
        _holeMask |= (byte)(1 << place);
        _holeStack = (_holeStack << 4) | (uint)place;
        _holeCount++;
        _count--;
        return _count == 0;
    }

    public IEnumerator<Guid> GetEnumerator()
    {
        if (_many != null) return _many.GetEnumerator();
        return _small == null ? Single(_first) : Small();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(Guid id)
    {
        for (var place = 0; place < _used; place++)
        {
            if ((_holeMask & (1 << place)) == 0 && _small![place] == id) return place;
        }

        return -1;
    }

    private static IEnumerator<Guid> Single(Guid id)
    {
        yield return id;
    }

    private IEnumerator<Guid> Small()
    {
        for (var place = 0; place < _used; place++)
        {
            if ((_holeMask & (1 << place)) == 0) yield return _small![place];
        }
    }
}
