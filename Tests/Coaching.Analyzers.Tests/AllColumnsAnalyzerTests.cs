using System.Linq;
using static Coaching.Analyzers.Tests.Analysis;

namespace Coaching.Analyzers.Tests;

public class AllColumnsAnalyzerTests
{
    private const string Source = """
        using Microsoft.Xrm.Sdk;
        using Microsoft.Xrm.Sdk.Query;

        public static class Queries
        {
            public static QueryExpression All() => new QueryExpression("opportunity") { ColumnSet = new ColumnSet(true) };

            public static ColumnSet Named() => new Microsoft.Xrm.Sdk.Query.ColumnSet(allColumns: true);

            public static ColumnSet Flag()
            {
                var columns = new ColumnSet("name");
                columns.AllColumns = true;
                return columns;
            }

            public static ColumnSet Initialized() => new ColumnSet { AllColumns = true };

            public static ColumnSet TargetTyped() { ColumnSet columns = new(true); return columns; }

            // new ColumnSet(true) in a comment is not a query.
            public const string Text = "new ColumnSet(true) in a string is not one either";

            public static ColumnSet Explicit() => new ColumnSet("name", "estimatedvalue");

            public static ColumnSet None() => new ColumnSet(false);
        }
        """;

    [Fact]
    public void Every_way_of_asking_for_all_columns_is_an_error_on_its_line()
    {
        var reported = Run(new AllColumnsAnalyzer(), Source);

        reported.Should().OnlyContain(d => d.Id == "il_specify_column" && d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        reported.Select(d => d.Line).Should().Equal(
            LineOf(Source, "ColumnSet = new ColumnSet(true)"),
            LineOf(Source, "allColumns: true"),
            LineOf(Source, "columns.AllColumns = true"),
            LineOf(Source, "{ AllColumns = true }"),
            LineOf(Source, "new(true)"));
    }

    [Fact]
    public void The_message_quotes_the_code_and_says_what_to_do()
    {
        var reported = Run(new AllColumnsAnalyzer(), Source);

        reported[0].Message.Should().Be("'new ColumnSet(true)' retrieves all columns; name the columns the plugin reads (new ColumnSet(\"a\", \"b\")).");
        reported[2].Message.Should().StartWith("'columns.AllColumns = true' retrieves all columns");
    }

    [Fact]
    public void The_sdk_column_set_is_known_by_its_name_whichever_assembly_defines_it()
    {
        // As in the official SDK build: Microsoft.Xrm.Sdk.Query.ColumnSet, but not the stand-in's (this one wins, CS0436).
        const string official = """
            namespace Microsoft.Xrm.Sdk.Query
            {
                public sealed class ColumnSet { public ColumnSet(bool allColumns) { } }
            }

            public static class Use { public static Microsoft.Xrm.Sdk.Query.ColumnSet Make() => new Microsoft.Xrm.Sdk.Query.ColumnSet(true); }
            """;

        Run(new AllColumnsAnalyzer(), official).Should().ContainSingle().Which.Line.Should().Be(LineOf(official, "Make()"));
    }

    [Fact]
    public void A_column_set_of_another_library_is_not_the_sdk_one()
    {
        const string own = """
            namespace Reporting
            {
                public sealed class ColumnSet { public ColumnSet(bool allColumns) { } public bool AllColumns { get; set; } }
                public static class Use { public static ColumnSet Make() => new ColumnSet(true) { AllColumns = true }; }
            }
            """;

        Run(new AllColumnsAnalyzer(), own).Should().BeEmpty();
    }
}
