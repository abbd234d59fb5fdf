using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using static Coaching.Analyzers.Tests.Analysis;

namespace Coaching.Analyzers.Tests;

public class StatelessPluginAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Concurrent;
        using System.Collections.ObjectModel;
        using System.Activities;
        using Microsoft.Xrm.Sdk;

        """;

    private static IReadOnlyList<Reported> Analyze(string source, string path = "/repo/Plugins/Coaching.Plugins/Services/Snippet.cs") =>
        Run(new StatelessPluginAnalyzer(), Usings + source, path);

    private static int Line(string source, string fragment) => LineOf(Usings + source, fragment);

    [Fact]
    public void Fields_of_a_plugin_that_can_change_are_errors()
    {
        const string source = """
            public abstract class PluginBase : IPlugin
            {
                public void Execute(IServiceProvider serviceProvider) { }
            }

            public sealed class CarelessPlugin : PluginBase
            {
                private IOrganizationService _service;
                private readonly List<Guid> _seen = new List<Guid>();
                private readonly string _name = "careless";
                private const int Limit = 3;
                private readonly IReadOnlyList<Guid> _fixed = Array.Empty<Guid>();
            }
            """;

        var reported = Analyze(source);

        reported.Should().HaveCount(2).And.OnlyContain(d => d.Id == "coach_plugin_stateless" && d.Severity == DiagnosticSeverity.Error);
        reported[0].Should().Match<Reported>(d => d.Line == Line(source, "_service;") &&
            d.Message == "Plugin class field CarelessPlugin._service is not readonly: the platform caches one plugin instance and runs it on many threads at once. Make it readonly (set in the constructor) or keep the value in locals.");
        reported[1].Should().Match<Reported>(d => d.Line == Line(source, "_seen") &&
            d.Message.StartsWith("Plugin class field CarelessPlugin._seen is a readonly List<Guid>: the reference is fixed but the contents are shared, mutable state."));
    }

    [Fact]
    public void Settable_properties_are_errors_in_plugins_and_on_statics_but_workflow_arguments_are_not()
    {
        const string source = """
            public sealed class NamedPlugin : IPlugin
            {
                public string LastMessage { get; set; }
                public string Name { get; } = "named";
                public string Label { get; init; }
                public void Execute(IServiceProvider serviceProvider) { }
            }

            public sealed class ScoreActivity : CodeActivity
            {
                public InArgument<string> Input { get; set; }
                public OutArgument<int> Score { get; set; }
                public int Attempts { get; set; }
                protected override void Execute(CodeActivityContext context) { }
            }

            public static class Defaults
            {
                public static string Region { get; set; }
            }

            public sealed class PlainValue
            {
                public string Text { get; set; }
            }
            """;

        var reported = Analyze(source);

        reported.Select(d => (d.Line, d.Message.Split(':')[0])).Should().Equal(
            (Line(source, "LastMessage"), "Plugin class property NamedPlugin.LastMessage has a setter"),
            (Line(source, "Attempts"), "Plugin class property ScoreActivity.Attempts has a setter"),
            (Line(source, "Region"), "Static property Defaults.Region has a setter"));
    }

    [Fact]
    public void A_static_field_that_is_not_readonly_is_an_error_in_any_class()
    {
        const string source = """
            public static class Counters
            {
                private static int _executions;
                private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
                public static void Count() => _executions++;
            }
            """;

        Analyze(source).Should().ContainSingle().Which.Should().Be(new Reported(
            "coach_plugin_stateless",
            DiagnosticSeverity.Error,
            Line(source, "_executions;"),
            "Static field Counters._executions is not readonly: every plugin execution in the process shares and can overwrite it. Make it readonly or const, or keep the value in the execution."));
    }

    [Fact]
    public void A_static_collection_changed_after_construction_is_an_error_wherever_it_is_changed()
    {
        const string source = """
            public static class Lookup
            {
                public static readonly Dictionary<Guid, string> Names = new Dictionary<Guid, string>();
                public static readonly List<string> Seeded;
                public static readonly HashSet<string> Untouched = new HashSet<string> { "a" };

                static Lookup()
                {
                    Seeded = new List<string>();
                    Seeded.Add("filled once, in the static constructor");
                }

                public static bool Contains(string name) => Untouched.Contains(name);
            }

            public static class Writer
            {
                public static void Remember(Guid id, string name) => Lookup.Names[id] = name;
            }
            """;

        var reported = Analyze(source);

        reported.Should().ContainSingle().Which.Should().Match<Reported>(d =>
            d.Line == Line(source, "Names =") && d.Severity == DiagnosticSeverity.Error &&
            d.Message == "Static field Lookup.Names (Dictionary<Guid, string>) is changed after construction: state shared by every execution. Only a cache in Infrastructure/ whose thread safety is documented next to it may do this.");
    }

    [Fact]
    public void An_array_in_a_plugin_is_a_warning_and_an_error_once_an_element_is_overwritten()
    {
        const string source = """
            public sealed class StagesPlugin : IPlugin
            {
                private readonly string[] _stages = { "Qualify", "Develop" };
                private readonly int[] _counts = new int[4];

                public void Execute(IServiceProvider serviceProvider)
                {
                    _counts[0]++;
                }
            }
            """;

        var reported = Analyze(source);

        reported.Select(d => (d.Severity, d.Line)).Should().Equal(
            (DiagnosticSeverity.Warning, Line(source, "_stages")),
            (DiagnosticSeverity.Error, Line(source, "_counts")));
        reported[0].Message.Should().Be("Plugin class field StagesPlugin._stages is an array: its elements can be overwritten by any execution. Prefer IReadOnlyList<T>.");
        reported[1].Message.Should().StartWith("Plugin class field StagesPlugin._counts (int[]) is changed after construction");
    }

    [Fact]
    public void Changes_through_collection_extensions_and_Array_count_but_LINQ_does_not()
    {
        const string source = """
            using System.Linq;

            public static class Tables
            {
                public static readonly Dictionary<string, int> Counts = new Dictionary<string, int>();
                public static readonly string[] Order = { "b", "a" };
                public static readonly List<string> Names = new List<string> { "a" };

                public static void Touch()
                {
                    Counts.TryAdd("a", 1);
                    Array.Sort(Order);
                    var more = Names.Append("b").ToList();
                }
            }
            """;

        Analyze(source).Select(d => d.Line).Should().Equal(Line(source, "Counts ="), Line(source, "Order ="));
    }

    private const string Cache = """
        public static class SettingsCache
        {
            // Thread-safe without a lock: entries are immutable and replaced whole.
            private static readonly ConcurrentDictionary<Guid, string> Entries = new ConcurrentDictionary<Guid, string>();

            public static void Put(Guid organization, string json) => Entries[organization] = json;
        }
        """;

    [Fact]
    public void A_cache_in_Infrastructure_whose_thread_safety_is_documented_is_allowed()
    {
        Analyze(Cache, "/repo/Plugins/Coaching.Plugins/Infrastructure/SettingsCache.cs").Should().BeEmpty();
    }

    [Fact]
    public void The_same_cache_elsewhere_or_without_the_comment_is_an_error()
    {
        Analyze(Cache, "/repo/Plugins/Coaching.Plugins/Services/SettingsCache.cs").Should().ContainSingle().Which.Message.Should().Contain("is changed after construction");
        Analyze(Cache.Replace("Thread-safe", "Fast"), "/repo/Plugins/Coaching.Plugins/Infrastructure/SettingsCache.cs").Should().ContainSingle();
    }

    [Fact]
    public void Every_class_in_an_EntryPoints_folder_is_held_to_the_plugin_rules()
    {
        const string source = """
            public sealed class EntryHelper
            {
                private int _calls;
            }
            """;

        Analyze(source, "/repo/Plugins/Coaching.Plugins/Services/EntryHelper.cs").Should().BeEmpty();
        Analyze(source, @"C:\repo\Plugins\Coaching.Plugins\EntryPoints\EntryHelper.cs").Should().ContainSingle()
            .Which.Message.Should().StartWith("Plugin class field EntryHelper._calls is not readonly");
    }

    [Fact]
    public void Nested_types_are_named_outer_plus_inner()
    {
        const string source = """
            public sealed class OuterPlugin : IPlugin
            {
                public void Execute(IServiceProvider serviceProvider) { }

                private static class Memo
                {
                    public static string Last;
                }
            }
            """;

        Analyze(source).Should().ContainSingle().Which.Message.Should().StartWith("Static field OuterPlugin+Memo.Last is not readonly");
    }
}
