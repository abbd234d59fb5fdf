using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Coaching.Core.Json;

namespace Coaching.Core.Settings
{
    /// <summary>
    /// One JSON object of the settings, read against its known keys. Every read either returns a
    /// valid value (the given default when the key is missing) or throws with the JSON path.
    /// </summary>
    internal sealed class SettingsObject
    {
        private readonly Dictionary<string, JsonValue> _values;

        private SettingsObject(string path, Dictionary<string, JsonValue> values)
        {
            Path = path;
            _values = values;
        }

        public string Path { get; }

        public static SettingsObject Read(JsonValue value, string path, params string[] knownKeys)
        {
            if (!(value is JsonObject obj))
            {
                throw Fail(path, "expected an object with settings", value);
            }

            var values = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
            foreach (var property in obj.Properties)
            {
                var keyPath = Child(path, property.Key);
                if (Array.IndexOf(knownKeys, property.Key) < 0)
                {
                    throw new CoachingSettingsException(keyPath, "unknown setting; expected one of " + string.Join(", ", knownKeys));
                }

                if (values.ContainsKey(property.Key))
                {
                    throw new CoachingSettingsException(keyPath, "expected each setting once, found it more than once");
                }

                values.Add(property.Key, property.Value);
            }

            return new SettingsObject(path, values);
        }

        public static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

        public static CoachingSettingsException Fail(string path, string expected, JsonValue found) =>
            new CoachingSettingsException(path, expected + ", found " + found.Describe());

        public string PathOf(string key) => Child(Path, key);

        /// <summary>The nested object, or null when the key is missing (keep the defaults).</summary>
        public SettingsObject? Object(string key, params string[] knownKeys) =>
            _values.TryGetValue(key, out var value) ? Read(value, PathOf(key), knownKeys) : null;

        public bool Bool(string key, bool fallback)
        {
            if (!_values.TryGetValue(key, out var value))
            {
                return fallback;
            }

            return value is JsonBoolean b ? b.Value : throw Fail(PathOf(key), "expected true or false", value);
        }

        /// <summary>A number with no upper bound, at least <paramref name="min"/>.</summary>
        public decimal Amount(string key, decimal fallback, decimal min)
        {
            if (!_values.TryGetValue(key, out var value))
            {
                return fallback;
            }

            if (value is JsonNumber n && n.Value.HasValue && n.Value.Value >= min)
            {
                return n.Value.Value;
            }

            throw Fail(PathOf(key), "expected a number of " + Invariant(min) + " or more", value);
        }

        public int Whole(string key, int fallback, int min, int max)
        {
            if (!_values.TryGetValue(key, out var value))
            {
                return fallback;
            }

            if (value is JsonNumber n && n.Value.HasValue)
            {
                var d = n.Value.Value;
                if (d == decimal.Truncate(d) && d >= min && d <= max)
                {
                    return (int)d;
                }
            }

            throw Fail(PathOf(key), "expected a whole number from " + Invariant(min) + " to " + Invariant(max), value);
        }

        /// <summary>A list of non-blank texts, trimmed; an empty list is allowed.</summary>
        public IReadOnlyList<string> Texts(string key, IReadOnlyList<string> fallback, string itemName) =>
            List(key, fallback, (item, path) =>
                item is JsonString s && s.Value.Trim().Length > 0
                    ? s.Value.Trim()
                    : throw Fail(path, "expected " + itemName + " as non-empty text", item));

        /// <summary>A list of names from a fixed set (case-insensitive), e.g. stage names.</summary>
        public IReadOnlyList<T> Names<T>(string key, IReadOnlyList<T> fallback, Func<string, T?> lookup, string names)
            where T : struct =>
            List(key, fallback, (item, path) => Name(item, path, lookup, names));

        public T Name<T>(string key, T fallback, Func<string, T?> lookup, string names)
            where T : struct =>
            _values.TryGetValue(key, out var value) ? Name(value, PathOf(key), lookup, names) : fallback;

        private IReadOnlyList<T> List<T>(string key, IReadOnlyList<T> fallback, Func<JsonValue, string, T> readItem)
        {
            if (!_values.TryGetValue(key, out var value))
            {
                return fallback;
            }

            if (!(value is JsonArray array))
            {
                throw Fail(PathOf(key), "expected a list", value);
            }

            var items = array.Items.Select((item, i) => readItem(item, PathOf(key) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
            return Array.AsReadOnly(items.ToArray());
        }

        private static T Name<T>(JsonValue value, string path, Func<string, T?> lookup, string names)
            where T : struct
        {
            var found = value is JsonString s ? lookup(s.Value) : null;
            return found ?? throw Fail(path, "expected one of " + names, value);
        }

        private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
