using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Coaching.Core.Json
{
    /// <summary>
    /// A strict JSON (RFC 8259) reader: objects, arrays, strings with escapes, numbers,
    /// true/false/null. No comments, no trailing commas. Our own because the plugin assembly runs in the
    /// sandbox with no dependency beyond the SDK: no JSON library ships with it.
    /// </summary>
    public sealed class JsonReader
    {
        private const int MaxDepth = 64;

        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <exception cref="JsonSyntaxException">The text is not one valid JSON value.</exception>
        public static JsonValue Parse(string text)
        {
            var reader = new JsonReader(text ?? string.Empty);
            if (reader._text.Length > 0 && reader._text[0] == '\uFEFF')
            {
                reader._pos = 1;
                reader._lineStart = 1;
            }

            reader.SkipWhitespace();
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd)
            {
                throw reader.Error("expected the end of the text after the JSON value, found " + reader.DescribeCurrent());
            }

            return value;
        }

        private bool AtEnd => _pos >= _text.Length;

        private int Column => _pos - _lineStart + 1;

        private JsonValue ReadValue(int depth)
        {
            if (AtEnd)
            {
                throw Error("expected a value, found the end of the text");
            }

            var c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    {
                        int line = _line, column = Column;
                        return new JsonString(ReadString(), line, column);
                    }

                case 't':
                    return ReadLiteral("true", (l, col) => new JsonBoolean(true, l, col));
                case 'f':
                    return ReadLiteral("false", (l, col) => new JsonBoolean(false, l, col));
                case 'n':
                    return ReadLiteral("null", (l, col) => new JsonNull(l, col));
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw Error("expected a value, found " + DescribeCurrent());
            }
        }

        private JsonObject ReadObject(int depth)
        {
            CheckDepth(depth);
            int line = _line, column = Column;
            _pos++; // {
            var properties = new List<KeyValuePair<string, JsonValue>>();
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == '}')
            {
                _pos++;
                return new JsonObject(properties, line, column);
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd || _text[_pos] != '"')
                {
                    throw Error("expected a property name in double quotes, found " + DescribeCurrent());
                }

                var name = ReadString();
                SkipWhitespace();
                if (AtEnd || _text[_pos] != ':')
                {
                    throw Error("expected ':' after the property name \"" + name + "\", found " + DescribeCurrent());
                }

                _pos++;
                SkipWhitespace();
                properties.Add(new KeyValuePair<string, JsonValue>(name, ReadValue(depth)));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("expected ',' or '}' after a property value, found the end of the text");
                }

                if (_text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_text[_pos] == '}')
                {
                    _pos++;
                    return new JsonObject(properties, line, column);
                }

                throw Error("expected ',' or '}' after a property value, found " + DescribeCurrent());
            }
        }

        private JsonArray ReadArray(int depth)
        {
            CheckDepth(depth);
            int line = _line, column = Column;
            _pos++; // [
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == ']')
            {
                _pos++;
                return new JsonArray(items, line, column);
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue(depth));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("expected ',' or ']' after a list item, found the end of the text");
                }

                if (_text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_text[_pos] == ']')
                {
                    _pos++;
                    return new JsonArray(items, line, column);
                }

                throw Error("expected ',' or ']' after a list item, found " + DescribeCurrent());
            }
        }

        private string ReadString()
        {
            _pos++; // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("expected a closing '\"', found the end of the text");
                }

                var c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return sb.ToString();
                }

                if (c < ' ')
                {
                    throw Error("expected a closing '\"' or more text, found a line break or control character inside a string (write \\n)");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }

                _pos++;
                if (AtEnd)
                {
                    throw Error("expected an escape character after '\\', found the end of the text");
                }

                var e = _text[_pos];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        sb.Append(ReadUnicodeEscape());
                        continue;
                    default:
                        throw Error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found '\\" + e + "'");
                }

                _pos++;
            }
        }

        private char ReadUnicodeEscape()
        {
            // _pos is on 'u'
            if (_pos + 5 > _text.Length)
            {
                throw Error("expected four hex digits after '\\u', found the end of the text");
            }

            var hex = _text.Substring(_pos + 1, 4);
            if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw Error("expected four hex digits after '\\u', found '" + hex + "'");
            }

            _pos += 5;
            return (char)code;
        }

        private JsonNumber ReadNumber()
        {
            int line = _line, column = Column;
            var start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            if (AtEnd || !IsDigit(_text[_pos]))
            {
                throw Error("expected a digit, found " + DescribeCurrent());
            }

            if (_text[_pos] == '0')
            {
                _pos++;
                if (!AtEnd && IsDigit(_text[_pos]))
                {
                    throw Error("expected a number without leading zeros, found " + DescribeCurrent());
                }
            }
            else
            {
                SkipDigits();
            }

            if (!AtEnd && _text[_pos] == '.')
            {
                _pos++;
                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    throw Error("expected a digit after the decimal point, found " + DescribeCurrent());
                }

                SkipDigits();
            }

            if (!AtEnd && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (!AtEnd && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    throw Error("expected a digit in the exponent, found " + DescribeCurrent());
                }

                SkipDigits();
            }

            var text = _text.Substring(start, _pos - start);
            decimal? value = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null;
            return new JsonNumber(text, value, line, column);
        }

        private JsonValue ReadLiteral(string literal, System.Func<int, int, JsonValue> create)
        {
            int line = _line, column = Column;
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                throw Error("expected a value, found " + DescribeWord());
            }

            _pos += literal.Length;
            return create(line, column);
        }

        private void SkipDigits()
        {
            while (!AtEnd && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        private void SkipWhitespace()
        {
            while (!AtEnd)
            {
                var c = _text[_pos];
                if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == '\r')
                {
                    _pos++;
                    if (!AtEnd && _text[_pos] == '\n')
                    {
                        _pos++;
                    }

                    _line++;
                    _lineStart = _pos;
                }
                else if (c == ' ' || c == '\t')
                {
                    _pos++;
                }
                else
                {
                    return;
                }
            }
        }

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("expected at most " + MaxDepth + " nested objects or lists, found more");
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private string DescribeCurrent()
        {
            if (AtEnd)
            {
                return "the end of the text";
            }

            var c = _text[_pos];
            return c < ' ' ? "a control character" : "'" + c + "'";
        }

        private string DescribeWord()
        {
            var end = _pos;
            while (end < _text.Length && end - _pos < 20 && char.IsLetterOrDigit(_text[end]))
            {
                end++;
            }

            return end == _pos ? DescribeCurrent() : "'" + _text.Substring(_pos, end - _pos) + "'";
        }

        private JsonSyntaxException Error(string problem) => new JsonSyntaxException(_line, Column, problem);
    }
}
