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
    /// the indexer throws <see cref="KeyNotFoundException"/> for a missing key, and keys are case-sensitive.
    /// </summary>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private readonly Dictionary<TKey, TValue> _items = new Dictionary<TKey, TValue>();

        public TValue this[TKey key]
        {
            get => _items[key];
            set => _items[key] = value;
        }

        public int Count => _items.Count;

        public bool IsReadOnly => false;

        public ICollection<TKey> Keys => _items.Keys;

        public ICollection<TValue> Values => _items.Values;

        public void Add(TKey key, TValue value) => _items.Add(key, value);

        public void Add(KeyValuePair<TKey, TValue> item) => _items.Add(item.Key, item.Value);

        // Sized once (on .NET; net462 has no EnsureCapacity): added one by one, a 40-column row grows its table through
        // 3, 7, 17, 37 and 79 slots.
        public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
#if NETCOREAPP
            if (items is ICollection<KeyValuePair<TKey, TValue>> known) _items.EnsureCapacity(_items.Count + known.Count);
#endif
            foreach (var item in items) Add(item);
        }

        public void Clear() => _items.Clear();

        public bool Contains(TKey key) => _items.ContainsKey(key);

        public bool Contains(KeyValuePair<TKey, TValue> key) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Contains(key);

        public bool ContainsKey(TKey key) => _items.ContainsKey(key);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) =>
            ((ICollection<KeyValuePair<TKey, TValue>>)_items).CopyTo(array, arrayIndex);

        public bool Remove(TKey key) => _items.Remove(key);

        public bool Remove(KeyValuePair<TKey, TValue> item) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Remove(item);

        public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
