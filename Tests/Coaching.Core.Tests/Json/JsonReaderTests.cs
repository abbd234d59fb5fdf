using System;
using System.Linq;
using Coaching.Core.Json;

namespace Coaching.Core.Tests.Json
{
    public class JsonReaderTests
    {
        [Fact]
        public void Reads_objects_lists_strings_numbers_booleans_and_null()
        {
            var value = (JsonObject)JsonReader.Parse("{\"a\": [1, -2.5e1, \"x\"], \"b\": {\"c\": true, \"d\": false, \"e\": null}}");

            value.Properties.Select(p => p.Key).Should().Equal("a", "b");
            var list = (JsonArray)value.Properties[0].Value;
            ((JsonNumber)list.Items[0]).Value.Should().Be(1m);
            ((JsonNumber)list.Items[1]).Value.Should().Be(-25m);
            ((JsonNumber)list.Items[1]).Text.Should().Be("-2.5e1");
            ((JsonString)list.Items[2]).Value.Should().Be("x");
            var inner = (JsonObject)value.Properties[1].Value;
            inner.Properties.Select(p => p.Value.Kind).Should().Equal(JsonKind.Boolean, JsonKind.Boolean, JsonKind.Null);
            ((JsonBoolean)inner.Properties[0].Value).Value.Should().BeTrue();
        }

        [Fact]
        public void Decodes_every_string_escape()
        {
            var value = (JsonString)JsonReader.Parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\"");

            value.Value.Should().Be("q\" b\\ s/ \b\f\n\r\t é€");
        }

        [Fact]
        public void Keeps_a_number_too_large_for_a_decimal_as_text_without_a_value()
        {
            var value = (JsonNumber)JsonReader.Parse("1e400");

            value.Value.Should().BeNull();
            value.Describe().Should().Be("1e400");
        }

        [Fact]
        public void Records_where_each_value_starts()
        {
            var value = (JsonObject)JsonReader.Parse("{\r\n  \"a\": 1,\n  \"b\":\n    [true]\n}");

            value.Properties[0].Value.Line.Should().Be(2);
            value.Properties[0].Value.Column.Should().Be(8);
            value.Properties[1].Value.Line.Should().Be(4);
            value.Properties[1].Value.Column.Should().Be(5);
        }

        [Fact]
        public void Keeps_duplicate_keys_so_the_caller_can_reject_them()
        {
            var value = (JsonObject)JsonReader.Parse("{\"a\": 1, \"a\": 2}");

            value.Properties.Should().HaveCount(2);
        }

        [Fact]
        public void Accepts_a_byte_order_mark_and_surrounding_whitespace()
        {
            JsonReader.Parse("\uFEFF \n {} \n").Kind.Should().Be(JsonKind.Object);
        }

        [Theory]
        [InlineData("", 1, 1, "expected a value, found the end of the text")]
        [InlineData("{\"a\": 1,}", 1, 9, "expected a property name in double quotes, found '}'")]
        [InlineData("[1, 2,]", 1, 7, "expected a value, found ']'")]
        [InlineData("{\"a\" 1}", 1, 6, "expected ':' after the property name \"a\", found '1'")]
        [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' after a property value, found '\"'")]
        [InlineData("[1 2]", 1, 4, "expected ',' or ']' after a list item, found '2'")]
        [InlineData("{'a': 1}", 1, 2, "expected a property name in double quotes, found '''")]
        [InlineData("\"open", 1, 6, "expected a closing '\"', found the end of the text")]
        [InlineData("\"a\\xb\"", 1, 4, "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found '\\x'")]
        [InlineData("\"\\u12g4\"", 1, 3, "expected four hex digits after '\\u', found '12g4'")]
        [InlineData("\"a\nb\"", 1, 3, "expected a closing '\"' or more text, found a line break or control character inside a string (write \\n)")]
        [InlineData("01", 1, 2, "expected a number without leading zeros, found '1'")]
        [InlineData("1.", 1, 3, "expected a digit after the decimal point, found the end of the text")]
        [InlineData("1e+", 1, 4, "expected a digit in the exponent, found the end of the text")]
        [InlineData("-", 1, 2, "expected a digit, found the end of the text")]
        [InlineData("tru", 1, 1, "expected a value, found 'tru'")]
        [InlineData("nothing", 1, 1, "expected a value, found 'nothing'")]
        [InlineData("{} {}", 1, 4, "expected the end of the text after the JSON value, found '{'")]
        [InlineData("// comment\n{}", 1, 1, "expected a value, found '/'")]
        public void Reports_what_was_expected_where(string text, int line, int column, string problem)
        {
            var act = () => JsonReader.Parse(text);

            var error = act.Should().Throw<JsonSyntaxException>().Which;
            error.Problem.Should().Be(problem);
            error.Line.Should().Be(line);
            error.Column.Should().Be(column);
            error.Message.Should().Be("line " + line + ", column " + column + ": " + problem);
        }

        [Fact]
        public void Refuses_nesting_deeper_than_64_levels()
        {
            var act = () => JsonReader.Parse(new string('[', 65) + new string(']', 65));

            act.Should().Throw<JsonSyntaxException>().WithMessage("*expected at most 64 nested objects or lists*");
            JsonReader.Parse(new string('[', 64) + new string(']', 64)).Kind.Should().Be(JsonKind.Array);
        }

        [Fact]
        public void Describes_values_the_way_error_messages_show_them()
        {
            JsonReader.Parse("\"say \\\"hi\\\"\"").Describe().Should().Be("\"say \\\"hi\\\"\"");
            JsonReader.Parse("12.50").Describe().Should().Be("12.50");
            JsonReader.Parse("{}").Describe().Should().Be("an object");
            JsonReader.Parse("[]").Describe().Should().Be("a list");
            JsonReader.Parse("null").Describe().Should().Be("null");
            JsonReader.Parse("\"" + new string('x', 100) + "\"").Describe().Should().Be("\"" + new string('x', 60) + "...\"");
        }
    }
}
