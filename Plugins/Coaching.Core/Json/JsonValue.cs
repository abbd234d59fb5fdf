using System.Collections.Generic;

namespace Coaching.Core.Json
{
    public enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
    }

    /// <summary>A parsed JSON value with the 1-based line and column where it starts.</summary>
    public abstract class JsonValue
    {
        protected JsonValue(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public abstract JsonKind Kind { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>How the value reads in an error message: strings quoted, containers named.</summary>
        public abstract string Describe();
    }

    public sealed class JsonObject : JsonValue
    {
        public JsonObject(IReadOnlyList<KeyValuePair<string, JsonValue>> properties, int line, int column)
            : base(line, column)
        {
            Properties = properties;
        }

        public override JsonKind Kind => JsonKind.Object;

        /// <summary>Properties in document order; duplicates are kept so callers can reject them.</summary>
        public IReadOnlyList<KeyValuePair<string, JsonValue>> Properties { get; }

        public override string Describe() => "an object";
    }

    public sealed class JsonArray : JsonValue
    {
        public JsonArray(IReadOnlyList<JsonValue> items, int line, int column)
            : base(line, column)
        {
            Items = items;
        }

        public override JsonKind Kind => JsonKind.Array;

        public IReadOnlyList<JsonValue> Items { get; }

        public override string Describe() => "a list";
    }

    public sealed class JsonString : JsonValue
    {
        private const int MaxShown = 60;

        public JsonString(string value, int line, int column)
            : base(line, column)
        {
            Value = value;
        }

        public override JsonKind Kind => JsonKind.String;

        public string Value { get; }

        public override string Describe()
        {
            var shown = Value.Length > MaxShown ? Value.Substring(0, MaxShown) + "..." : Value;
            return "\"" + shown.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
        }
    }

    public sealed class JsonNumber : JsonValue
    {
        public JsonNumber(string text, decimal? value, int line, int column)
            : base(line, column)
        {
            Text = text;
            Value = value;
        }

        public override JsonKind Kind => JsonKind.Number;

        /// <summary>The number exactly as written.</summary>
        public string Text { get; }

        /// <summary>The value, or null when it does not fit a decimal (e.g. 1e400).</summary>
        public decimal? Value { get; }

        public override string Describe() => Text;
    }

    public sealed class JsonBoolean : JsonValue
    {
        public JsonBoolean(bool value, int line, int column)
            : base(line, column)
        {
            Value = value;
        }

        public override JsonKind Kind => JsonKind.Boolean;

        public bool Value { get; }

        public override string Describe() => Value ? "true" : "false";
    }

    public sealed class JsonNull : JsonValue
    {
        public JsonNull(int line, int column)
            : base(line, column)
        {
        }

        public override JsonKind Kind => JsonKind.Null;

        public override string Describe() => "null";
    }
}
