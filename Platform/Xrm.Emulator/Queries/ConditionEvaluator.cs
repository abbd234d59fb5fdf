using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk.Query;

namespace Xrm.Emulator.Queries;

/// <summary>
/// Turns one condition into a test of a column value, with SQL's null semantics: a null column matches only Null
/// (never Equal, NotEqual, NotIn, NotLike or a comparison). Values are compared as <see cref="QueryValues"/> normalizes them.
/// </summary>
internal static class ConditionEvaluator
{
    /// <summary>A test of a normalized column value (see <see cref="QueryValues.Normalize"/>).</summary>
    /// <param name="column">"table.column" for messages.</param>
    /// <param name="columnKind">The column's kind as seen in the stored data, when known: values are converted to it up front.</param>
    public static Func<object?, bool> Compile(ConditionOperator op, IEnumerable<object?> rawValues, ColumnName column, ValueKind? columnKind, QueryContext context)
    {
        var values = Flatten(rawValues);

        switch (op)
        {
            case ConditionOperator.Null:
                ExpectCount(0);
                return v => v == null;
            case ConditionOperator.NotNull:
                ExpectCount(0);
                return v => v != null;

            case ConditionOperator.Equal:
            {
                var operand = Single();
                return v => v != null && QueryValues.AreEqual(v, operand.For(v));
            }

            case ConditionOperator.NotEqual:
            {
                var operand = Single();
                return v => v != null && !QueryValues.AreEqual(v, operand.For(v));
            }

            case ConditionOperator.GreaterThan:
                return Comparison(c => c > 0);
            case ConditionOperator.GreaterEqual:
                return Comparison(c => c >= 0);
            case ConditionOperator.LessThan:
                return Comparison(c => c < 0);
            case ConditionOperator.LessEqual:
                return Comparison(c => c <= 0);

            case ConditionOperator.In:
            {
                var set = new ValueSet(Operands(atLeastOne: true));
                return v => v != null && set.Contains(v);
            }

            case ConditionOperator.NotIn:
            {
                var set = new ValueSet(Operands(atLeastOne: true));
                return v => v != null && !set.Contains(v);
            }

            case ConditionOperator.Between:
            case ConditionOperator.NotBetween:
            {
                ExpectCount(2);
                var low = Operand(values[0]);
                var high = Operand(values[1]);
                var inside = op == ConditionOperator.Between;
                return v => v != null &&
                            (QueryValues.Compare(v, low.For(v)) >= 0 && QueryValues.Compare(v, high.For(v)) <= 0) == inside;
            }

            case ConditionOperator.Like:
            case ConditionOperator.NotLike:
            {
                var pattern = LikePattern.ToRegex(SingleText());
                var wanted = op == ConditionOperator.Like;
                var typed = new TypedValues(op, column);
                return v => v != null && pattern.IsMatch(typed.Text(v)) == wanted;
            }

            case ConditionOperator.BeginsWith:
            case ConditionOperator.DoesNotBeginWith:
            {
                var prefix = SingleText();
                var wanted = op == ConditionOperator.BeginsWith;
                var typed = new TypedValues(op, column);
                return v => v != null && typed.Text(v).StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == wanted;
            }

            case ConditionOperator.EndsWith:
            case ConditionOperator.DoesNotEndWith:
            {
                var suffix = SingleText();
                var wanted = op == ConditionOperator.EndsWith;
                var typed = new TypedValues(op, column);
                return v => v != null && typed.Text(v).EndsWith(suffix, StringComparison.OrdinalIgnoreCase) == wanted;
            }

            case ConditionOperator.Contains:
            case ConditionOperator.DoesNotContain:
                // Dataverse runs these as SQL full-text searches (word matching, only on full-text indexed columns).
                throw new UnsupportedQueryException(Name() + " (full-text search)", "Use Like / NotLike with '%value%' for a substring match.");

            case ConditionOperator.On:
            {
                var day = SingleDate().Date;
                var typed = new TypedValues(op, column);
                return v => v != null && typed.Date(v).Date == day;
            }

            case ConditionOperator.OnOrBefore:
            {
                var day = SingleDate().Date;
                var typed = new TypedValues(op, column);
                return v => v != null && typed.Date(v).Date <= day;
            }

            case ConditionOperator.OnOrAfter:
            {
                var day = SingleDate().Date;
                var typed = new TypedValues(op, column);
                return v => v != null && typed.Date(v).Date >= day;
            }

            case ConditionOperator.Today:
                ExpectCount(0);
                return DateRange(Today(), Today().AddDays(1), inclusiveEnd: false);
            case ConditionOperator.Yesterday:
                ExpectCount(0);
                return DateRange(Today().AddDays(-1), Today(), inclusiveEnd: false);
            case ConditionOperator.Tomorrow:
                ExpectCount(0);
                return DateRange(Today().AddDays(1), Today().AddDays(2), inclusiveEnd: false);

            // Relative ranges follow Dataverse: "last X days" runs from midnight X days ago up to now,
            // "next X days" from now to the end of the X-th day ahead; hours work the same from the start of this hour.
            case ConditionOperator.LastXDays:
                return DateRange(Today().AddDays(-Count()), Now(), inclusiveEnd: true);
            case ConditionOperator.NextXDays:
                return DateRange(Now(), Today().AddDays(Count() + 1), inclusiveEnd: false);
            case ConditionOperator.LastXHours:
                return DateRange(ThisHour().AddHours(-Count()), Now(), inclusiveEnd: true);
            case ConditionOperator.NextXHours:
                return DateRange(Now(), ThisHour().AddHours(Count() + 1), inclusiveEnd: false);
            case ConditionOperator.OlderThanXDays:
            {
                var before = Today().AddDays(-Count());
                var typed = new TypedValues(op, column);
                return v => v != null && typed.Date(v) < before;
            }

            case ConditionOperator.OlderThanXMonths:
            {
                var before = Today().AddMonths(-Count());
                var typed = new TypedValues(op, column);
                return v => v != null && typed.Date(v) < before;
            }

            case ConditionOperator.EqualUserId:
            case ConditionOperator.NotEqualUserId:
            {
                ExpectCount(0);
                var user = context.CallingUserId;
                var wanted = op == ConditionOperator.EqualUserId;
                var typed = new TypedValues(op, column);
                return v => v != null && (typed.UserId(v) == user) == wanted;
            }

            default:
                throw new UnsupportedQueryException($"{Name()} (condition on {column})");
        }

        string Name() => "ConditionOperator." + op;

        Func<object?, bool> Comparison(Func<int, bool> accept)
        {
            var operand = Single();
            return v => v != null && accept(QueryValues.Compare(v, operand.For(v)));
        }

        Func<object?, bool> DateRange(DateTime from, DateTime to, bool inclusiveEnd)
        {
            CheckColumnKind(ValueKind.Date);
            var typed = new TypedValues(op, column);
            return v =>
            {
                if (v == null) return false;
                var date = typed.Date(v);
                return date >= from && (inclusiveEnd ? date <= to : date < to);
            };
        }

        void ExpectCount(int count)
        {
            if (values.Count != count)
            {
                throw new InvalidQueryException($"{Name()} on {column} takes {count} value(s), but the condition has {values.Count}.");
            }
        }

        Operand Single()
        {
            ExpectCount(1);
            return Operand(values[0]);
        }

        List<Operand> Operands(bool atLeastOne)
        {
            if (atLeastOne && values.Count == 0)
            {
                throw new InvalidQueryException($"{Name()} on {column} needs at least one value.");
            }

            var operands = new List<Operand>(values.Count);
            for (var i = 0; i < values.Count; i++) operands.Add(Operand(values[i]));
            return operands;
        }

        Operand Operand(object? raw)
        {
            var normalized = QueryValues.Normalize(raw) ?? throw new InvalidQueryException(
                $"{Name()} on {column} was given a null value; use ConditionOperator.Null / NotNull to test for an empty column.");
            var operand = new Operand(normalized, column);
            if (columnKind != null) operand.For(columnKind.Value); // a value that cannot fit the column fails now, not per row
            return operand;
        }

        string SingleText()
        {
            CheckColumnKind(ValueKind.Text);
            return (string)Single().For(ValueKind.Text);
        }

        DateTime SingleDate()
        {
            CheckColumnKind(ValueKind.Date);
            return (DateTime)Single().For(ValueKind.Date);
        }

        int Count()
        {
            CheckColumnKind(ValueKind.Date);
            ExpectCount(1);
            var count = values[0] switch
            {
                int number => number,
                long number when number is >= 0 and <= int.MaxValue => (int)number,
                decimal number when number == Math.Floor(number) && number is >= 0 and <= int.MaxValue => (int)number,
                string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => -1,
            };
            if (count < 0)
            {
                throw new InvalidQueryException($"{Name()} on {column} needs a whole number of periods, not '{values[0]}'.");
            }

            return count;
        }

        void CheckColumnKind(ValueKind expected)
        {
            if (columnKind != null && columnKind != expected)
            {
                throw new InvalidQueryException(
                    $"{Name()} applies to {QueryValues.Describe(expected)} columns, but {column} holds {QueryValues.Describe(columnKind.Value)} values.");
            }
        }

        DateTime Now() => QueryValues.ToUtc(context.UtcNow);

        DateTime Today() => Now().Date;

        DateTime ThisHour()
        {
            var now = Now();
            return new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        }
    }

    /// <summary>Condition values, with arrays and lists passed as one value spread out (a common In mistake the SDK tolerates).</summary>
    /// <remarks>The condition's own list when nothing needs spreading (read only: every compiled condition comes here).</remarks>
    public static IReadOnlyList<object?> Flatten(IEnumerable<object?>? rawValues)
    {
        if (rawValues is IReadOnlyList<object?> list && !HasListInside(list)) return list;

        var values = new List<object?>();
        foreach (var value in rawValues ?? Array.Empty<object?>())
        {
            if (value is IEnumerable many and not string)
            {
                foreach (var item in many) values.Add(item);
            }
            else
            {
                values.Add(value);
            }
        }

        return values;

        static bool HasListInside(IReadOnlyList<object?> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is IEnumerable and not string) return true;
            }

            return false;
        }
    }

    /// <summary>A column value read as the kind an operator needs, or the query refused, naming the operator and the column.</summary>
    private readonly record struct TypedValues(ConditionOperator Op, ColumnName Column)
    {
        public string Text(object v) => v as string ?? throw KindMismatch(v, ValueKind.Text);

        public DateTime Date(object v) => v is DateTime date ? date : throw KindMismatch(v, ValueKind.Date);

        public Guid UserId(object v) => v is Guid id ? id : throw KindMismatch(v, ValueKind.Guid);

        private InvalidQueryException KindMismatch(object v, ValueKind expected) => new(
            $"ConditionOperator.{Op} applies to {QueryValues.Describe(expected)} columns, but {Column} holds {QueryValues.Describe(QueryValues.KindOf(v))} values.");
    }

    /// <summary>A condition value, converted once per column kind it meets.</summary>
    private sealed class Operand
    {
        private readonly object _value;
        private readonly ValueKind _kind;
        private readonly ColumnName _column;
        private ValueKind? _convertedKind;
        private object? _converted;

        public Operand(object value, ColumnName column)
        {
            _value = value;
            _kind = QueryValues.KindOf(value);
            _column = column;
        }

        public object For(object columnValue) => For(QueryValues.KindOf(columnValue));

        public object For(ValueKind kind)
        {
            if (kind == _kind) return _value;
            if (kind == _convertedKind) return _converted!;
            _converted = QueryValues.Coerce(_value, kind, _column);
            _convertedKind = kind;
            return _converted;
        }
    }

    /// <summary>The values of an In / NotIn, hashed so long lists (bulk lookups by id) stay cheap per row.</summary>
    private sealed class ValueSet
    {
        private readonly List<Operand> _operands;
        private readonly Dictionary<ValueKind, HashSet<object>> _byKind = new();

        public ValueSet(List<Operand> operands) => _operands = operands;

        public bool Contains(object value)
        {
            var kind = QueryValues.KindOf(value);
            if (!_byKind.TryGetValue(kind, out var set))
            {
                set = new HashSet<object>(_operands.Select(o => QueryValues.EqualityKey(o.For(kind))!));
                _byKind.Add(kind, set);
            }

            return set.Contains(QueryValues.EqualityKey(value)!);
        }
    }
}

/// <summary>SQL LIKE patterns: % any run, _ one character, [abc] / [^abc] a set; case-insensitive.</summary>
internal static class LikePattern
{
    public static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%':
                    regex.Append(".*");
                    break;
                case '_':
                    regex.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close > i + 1)
                    {
                        var set = pattern.Substring(i + 1, close - i - 1);
                        var negate = set.StartsWith('^');
                        if (negate) set = set.Substring(1);
                        regex.Append('[').Append(negate ? "^" : string.Empty).Append(set.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                        i = close;
                    }
                    else
                    {
                        regex.Append("\\[");
                    }

                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
