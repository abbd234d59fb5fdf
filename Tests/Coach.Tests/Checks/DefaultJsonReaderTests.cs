namespace Coach.Tests.Checks;

public class DefaultJsonReaderTests
{
    [Fact]
    public void The_default_json_constant_is_read_from_its_string_literals()
    {
        const string code = "public const string DefaultJson =\n    \"{\\n\" +\n    \"  \\\"a\\\": 1\\n\" +\n    \"}\";";
        CustomizationRulesAccess.ReadDefaultJson(code).Should().Be("{\n  \"a\": 1\n}");
    }

    [Fact]
    public void A_mention_in_a_comment_or_a_string_is_not_the_constant()
    {
        const string code = "// DefaultJson = \"no\";\nvar s = \"DefaultJson = x\";\npublic const string DefaultJson = @\"{ \"\"b\"\": 2 }\";";
        CustomizationRulesAccess.ReadDefaultJson(code).Should().Be("{ \"b\": 2 }");
    }

    [Fact]
    public void A_value_that_is_not_made_of_literals_cannot_be_read()
    {
        CustomizationRulesAccess.ReadDefaultJson("public const string DefaultJson = Prefix + \"{}\";").Should().BeNull();
    }
}
