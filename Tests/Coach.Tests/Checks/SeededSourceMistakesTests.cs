using System.Linq;
using Coach.Checks;
using Coach.Tests.SolutionSource;
using static Coach.Tests.Checks.CheckTestSupport;

namespace Coach.Tests.Checks;

/// <summary>Plugin code that breaks the rules, seeded into a copy of the repository.</summary>
public class SeededSourceMistakesTests
{
    private const string BadPlugin = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Crm.Sdk.Messages;
        using Microsoft.Xrm.Sdk;
        using Microsoft.Xrm.Sdk.Messages;
        using Microsoft.Xrm.Sdk.Query;

        namespace Coaching.Plugins.EntryPoints
        {
            public sealed class CarelessPlugin : IPlugin
            {
                private static int _executions;
                private static readonly object Gate = new object();
                private IOrganizationService _service;
                private readonly List<Guid> _seen = new List<Guid>();
                public string LastMessage { get; set; }

                public void Execute(IServiceProvider serviceProvider)
                {
                    // new ColumnSet(true) in a comment is fine.
                    var text = "new ColumnSet(true) in a string is fine too";
                    var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet(true) };
                    var batch = new ExecuteMultipleRequest();
                    var state = new SetStateRequest();
                    _executions++;
                    Parallel.ForEach(new[] { 1, 2 }, i => { });
                    lock (Gate)
                    {
                    }
                }
            }
        }
        """;

    private static CheckReport CheckWithBadPlugin()
    {
        using var repo = TempRepo.Create();
        repo.Write("Plugins/Coaching.Plugins/EntryPoints/CarelessPlugin.cs", BadPlugin);
        return Check(repo.Layout);
    }

    private static readonly CheckReport Report = CheckWithBadPlugin();

    private static int LineOf(string fragment) => BadPlugin.Split('\n').ToList().FindIndex(l => l.Contains(fragment)) + 1;

    [Fact]
    public void An_all_columns_query_is_reported_on_its_line_but_not_in_comments_or_strings()
    {
        var findings = Report.For(Rules.SpecifyColumns).ToList();
        findings.Should().ContainSingle();
        findings[0].Location.File.Should().Be("Plugins/Coaching.Plugins/EntryPoints/CarelessPlugin.cs");
        findings[0].Location.Line.Should().Be(LineOf("ColumnSet = new ColumnSet(true)"));
    }

    [Fact]
    public void Batch_requests_and_specialized_update_messages_are_errors()
    {
        Report.For(Rules.BatchInPlugin).Should().ContainSingle().Which.Location.Line.Should().Be(LineOf("new ExecuteMultipleRequest()"));
        Report.For(Rules.SpecializedUpdateOps).Should().ContainSingle().Which.Location.Line.Should().Be(LineOf("new SetStateRequest()"));
    }

    [Fact]
    public void Threads_are_errors_and_locks_are_warnings()
    {
        Report.For(Rules.ParallelInPlugin).Should().ContainSingle().Which.Should().Match<Finding>(f => f.Severity == Severity.Error && f.Location.Line == LineOf("Parallel.ForEach"));
        Report.For(Rules.LockInPlugin).Should().ContainSingle().Which.Should().Match<Finding>(f => f.Severity == Severity.Warning && f.Location.Line == LineOf("lock (Gate)"));
    }

    [Fact]
    public void Mutable_state_in_a_plugin_class_is_an_error()
    {
        var stateless = Report.For(Rules.StatelessPlugin).Where(f => f.Location.File.EndsWith("CarelessPlugin.cs")).ToList();

        stateless.Should().Contain(f => f.Location.Line == LineOf("static int _executions") && f.Message.Contains("Static field CarelessPlugin._executions is not readonly"));
        stateless.Should().Contain(f => f.Location.Line == LineOf("IOrganizationService _service") && f.Message.Contains("Plugin class field CarelessPlugin._service is not readonly"));
        stateless.Should().Contain(f => f.Location.Line == LineOf("List<Guid> _seen") && f.Message.Contains("readonly List<Guid>"));
        stateless.Should().Contain(f => f.Location.Line == LineOf("LastMessage") && f.Message.Contains("has a setter"));
        stateless.Should().OnlyContain(f => f.Severity == Severity.Error);
    }

    [Fact]
    public void A_plugin_class_without_a_registration_is_reported()
    {
        Report.For(Rules.PluginWithoutStep).Should().Contain(f => f.Message.Contains("Coaching.Plugins.EntryPoints.CarelessPlugin"));
        Report.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void The_documented_settings_cache_in_Infrastructure_is_allowed()
    {
        Report.For(Rules.StatelessPlugin).Should().NotContain(f => f.Location.File.EndsWith("CoachingSettingsProvider.cs"));
    }
}
