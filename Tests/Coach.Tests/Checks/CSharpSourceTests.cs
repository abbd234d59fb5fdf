using System.Linq;
using System.Text.RegularExpressions;
using Coach.Checks;

namespace Coach.Tests.Checks;

public class CSharpSourceTests
{
    [Fact]
    public void Comments_and_literals_are_blanked_but_lines_are_kept()
    {
        const string code = "var a = \"x // y\"; // new ColumnSet(true)\n/* AllColumns = true */ var b = @\"c\"\"d\";\nvar c = '\\'';\nvar d = \"\"\"\nraw ColumnSet(true)\n\"\"\";\nvar e = new ColumnSet(true);";
        var source = new CSharpSource("x.cs", "x.cs", code);

        source.Code.Split('\n').Length.Should().Be(code.Split('\n').Length);
        source.Find(new Regex(@"ColumnSet\(true\)")).Select(m => m.Line).Should().Equal(7);
        source.Code.Should().NotContain("AllColumns");
    }

    [Fact]
    public void Fields_and_properties_of_types_are_found_with_their_modifiers()
    {
        const string code = """
            namespace N
            {
                public class A : Base<int>, IPlugin
                {
                    private const string Name = "a;b";
                    private static readonly Dictionary<Guid, string> Cache = new Dictionary<Guid, string> { [Guid.Empty] = "x" };
                    private int _count, _other;
                    public int Count { get; set; }
                    public int Total { get; } = 3;
                    public int Twice => _count * 2;
                    public InArgument<string> Input { get; set; }
                    public void Run() { var local = 1; }
                    private sealed class Nested { private string _text; }
                }
            }
            """;
        var source = new CSharpSource("a.cs", "a.cs", code);
        var members = source.Members();

        members.Select(m => $"{m.DeclaringType}.{m.Name}").Should().BeEquivalentTo("A.Name", "A.Cache", "A._count", "A.Count", "A.Total", "A.Input", "A+Nested._text");
        members.Single(m => m.Name == "Cache").Should().Match<MemberDeclaration>(m => m.IsStatic && m.IsReadOnly && m.MemberType == "Dictionary<Guid, string>");
        members.Single(m => m.Name == "Count").HasSetter.Should().BeTrue();
        members.Single(m => m.Name == "Total").HasSetter.Should().BeFalse();
        source.Types().Single(t => t.Name == "A").BaseTypes.Should().Equal("Base<int>", "IPlugin");
        source.Namespace.Should().Be("N");
    }

    [Fact]
    public void The_default_json_constant_is_read_from_its_string_literals()
    {
        const string code = "public const string DefaultJson =\n    \"{\\n\" +\n    \"  \\\"a\\\": 1\\n\" +\n    \"}\";";
        CustomizationRulesAccess.ReadDefaultJson(code).Should().Be("{\n  \"a\": 1\n}");
    }
}
