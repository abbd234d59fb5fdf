using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>List-shaped SDK collection (Entities, Columns, Conditions, ...).</summary>
    public class DataCollection<T> : Collection<T>
    {
        protected internal DataCollection()
        {
        }

        protected internal DataCollection(IList<T> list) : base(new List<T>(list))
        {
        }

        public void AddRange(params T[] items) => AddRange((IEnumerable<T>)items);

        public void AddRange(IEnumerable<T> items)
        {
            if (items == null) return;
            foreach (var item in items) Add(item);
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }

    /// <summary>
    /// Dictionary-shaped SDK collection (Attributes, InputParameters, images, ...). Like the real SDK
    /// the indexer throws <see cref="KeyNotFoundException"/> for a missing key, keys are case-sensitive, and the
    /// entries enumerate in the order they were added.
    /// </summary>
    /// <remarks>
    /// Most collections hold a handful of entries (a Target, an image, a request's parameters) and are made by the
    /// million in a large emulator run: up to <see cref="SmallCapacity"/> entries they are one array searched in
    /// order, with no hash table; a larger collection moves to a dictionary.
    /// </remarks>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private const int SmallCapacity = 8;
        private static readonly KeyValuePair<TKey, TValue>[] NoEntries = new KeyValuePair<TKey, TValue>[0];
        private static readonly EqualityComparer<TKey> KeyComparer = EqualityComparer<TKey>.Default;

        private KeyValuePair<TKey, TValue>[] _entries = NoEntries;
        private int _count;
        private Dictionary<TKey, TValue> _large;
        private int _version;

        public TValue this[TKey key]
        {
            get
            {
                if (TryGetValue(key, out var value)) return value;
                throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");
            }
            set
            {
                if (_large != null)
                {
                    if (!_large.ContainsKey(key)) _version++;
                    _large[key] = value;
                    return;
                }

                var index = IndexOf(key);
                if (index >= 0) _entries[index] = new KeyValuePair<TKey, TValue>(key, value);
                else Append(key, value, 1);
            }
        }

        public int Count => _large?.Count ?? _count;

        public bool IsReadOnly => false;

        public ICollection<TKey> Keys => _large != null ? _large.Keys : (ICollection<TKey>)new KeyView(this);

        public ICollection<TValue> Values => _large != null ? _large.Values : (ICollection<TValue>)new ValueView(this);

        public void Add(TKey key, TValue value)
        {
            if (_large != null)
            {
                _large.Add(key, value);
                _version++;
                return;
            }

            if (IndexOf(key) >= 0) throw new ArgumentException($"An item with the same key has already been added. Key: {key}");
            Append(key, value, 1);
        }

        public void Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

        public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
            // Sized once when the count is known: a row copied with 40 columns makes one table, not five.
            if (_large == null && items is ICollection<KeyValuePair<TKey, TValue>> known) Reserve(_count + known.Count);
            foreach (var item in items) Add(item);
        }

        public void Clear()
        {
            _large = null;
            _entries = NoEntries;
            _count = 0;
            _version++;
        }

        public bool Contains(TKey key) => ContainsKey(key);

        public bool Contains(KeyValuePair<TKey, TValue> key) =>
            TryGetValue(key.Key, out var value) && EqualityComparer<TValue>.Default.Equals(value, key.Value);

        public bool ContainsKey(TKey key) => _large != null ? _large.ContainsKey(key) : IndexOf(key) >= 0;

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            if (_large != null)
            {
                ((ICollection<KeyValuePair<TKey, TValue>>)_large).CopyTo(array, arrayIndex);
                return;
            }

            if (array == null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0 || arrayIndex > array.Length - _count) throw new ArgumentOutOfRangeException(nameof(arrayIndex));
            Array.Copy(_entries, 0, array, arrayIndex, _count);
        }

        public bool Remove(TKey key)
        {
            if (_large != null)
            {
                var removed = _large.Remove(key);
                if (removed) _version++;
                return removed;
            }

            var index = IndexOf(key);
            if (index < 0) return false;
            _count--;
            if (index < _count) Array.Copy(_entries, index + 1, _entries, index, _count - index);
            _entries[_count] = default;
            _version++;
            return true;
        }

        public bool Remove(KeyValuePair<TKey, TValue> item) => Contains(item) && Remove(item.Key);

        public bool TryGetValue(TKey key, out TValue value)
        {
            if (_large != null) return _large.TryGetValue(key, out value);
            var index = IndexOf(key);
            if (index >= 0)
            {
                value = _entries[index].Value;
                return true;
            }

            value = default;
            return false;
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            if (_large != null) return _large.GetEnumerator();
            return new SmallEnumerator(this);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(TKey key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            var entries = _entries;
            for (var i = 0; i < _count; i++)
            {
                if (KeyComparer.Equals(entries[i].Key, key)) return i;
            }

            return -1;
        }

        private void Append(TKey key, TValue value, int reserve)
        {
            if (_count == _entries.Length) Reserve(_count + reserve);
            if (_large != null)
            {
                _large.Add(key, value);
            }
            else
            {
                _entries[_count++] = new KeyValuePair<TKey, TValue>(key, value);
            }

            _version++;
        }

        /// <summary>Room for <paramref name="capacity"/> entries: a bigger array, or the dictionary past the small size.</summary>
        private void Reserve(int capacity)
        {
            if (capacity <= _entries.Length) return;
            if (capacity > SmallCapacity)
            {
                var large = new Dictionary<TKey, TValue>(capacity);
                for (var i = 0; i < _count; i++) large.Add(_entries[i].Key, _entries[i].Value);
                _large = large;
                _entries = NoEntries;
                _count = 0;
                return;
            }

            var grown = new KeyValuePair<TKey, TValue>[Math.Max(capacity, Math.Min(SmallCapacity, Math.Max(4, _entries.Length * 2)))];
            Array.Copy(_entries, grown, _count);
            _entries = grown;
        }

        private sealed class SmallEnumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly DataCollection<TKey, TValue> _owner;
            private readonly int _version;
            private int _index = -1;

            public SmallEnumerator(DataCollection<TKey, TValue> owner)
            {
                _owner = owner;
                _version = owner._version;
            }

            public KeyValuePair<TKey, TValue> Current => _owner._entries[_index];

            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                // As a dictionary's enumerator: adding or removing entries while enumerating is an error; replacing a value is not.
                if (_version != _owner._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                return ++_index < _owner._count;
            }

            public void Reset() => _index = -1;

            public void Dispose()
            {
            }
        }

        private abstract class View<T> : ICollection<T>
        {
            protected View(DataCollection<TKey, TValue> owner) => Owner = owner;

            protected DataCollection<TKey, TValue> Owner { get; }

            public int Count => Owner.Count;

            public bool IsReadOnly => true;

            public void Add(T item) => throw new NotSupportedException("Mutating a key or value collection derived from a dictionary is not allowed.");

            public void Clear() => throw new NotSupportedException("Mutating a key or value collection derived from a dictionary is not allowed.");

            public bool Remove(T item) => throw new NotSupportedException("Mutating a key or value collection derived from a dictionary is not allowed.");

            public abstract bool Contains(T item);

            public void CopyTo(T[] array, int arrayIndex)
            {
                if (array == null) throw new ArgumentNullException(nameof(array));
                foreach (var item in this) array[arrayIndex++] = item;
            }

            public abstract IEnumerator<T> GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        private sealed class KeyView : View<TKey>
        {
            public KeyView(DataCollection<TKey, TValue> owner) : base(owner)
            {
            }

            public override bool Contains(TKey item) => Owner.ContainsKey(item);

            public override IEnumerator<TKey> GetEnumerator()
            {
                foreach (var pair in Owner) yield return pair.Key;
            }
        }

        private sealed class ValueView : View<TValue>
        {
            public ValueView(DataCollection<TKey, TValue> owner) : base(owner)
            {
            }

            public override bool Contains(TValue item)
            {
                foreach (var pair in Owner)
                {
                    if (EqualityComparer<TValue>.Default.Equals(pair.Value, item)) return true;
                }

                return false;
            }

            public override IEnumerator<TValue> GetEnumerator()
            {
                foreach (var pair in Owner) yield return pair.Value;
            }
        }
    }
}
