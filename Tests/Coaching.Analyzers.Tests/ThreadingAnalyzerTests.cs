using System.Linq;
using Microsoft.CodeAnalysis;
using static Coaching.Analyzers.Tests.Analysis;

namespace Coaching.Analyzers.Tests;

public class ThreadingAnalyzerTests
{
    [Fact]
    public void Work_on_other_threads_is_an_error_on_each_line()
    {
        const string source = """
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            public static class Work
            {
                public static void Run(int[] items)
                {
                    Parallel.ForEach(items, i => { });
                    var sum = items.AsParallel().Sum();
                    Task.Run(() => { });
                    Task.Factory.StartNew(() => { });
                    new Thread(() => { }).Start();
                    ThreadPool.QueueUserWorkItem(_ => { });
                    var sequential = items.Select(i => i * 2).ToList();
                }
            }
            """;

        var reported = Run(new ThreadingAnalyzer(), source);

        reported.Should().OnlyContain(d => d.Id == "il_avoid_parallel_plugin" && d.Severity == DiagnosticSeverity.Error);
        reported.Select(d => d.Line).Should().Equal(
            LineOf(source, "Parallel.ForEach"),
            LineOf(source, "AsParallel"),
            LineOf(source, "Task.Run"),
            LineOf(source, "StartNew"),
            LineOf(source, "new Thread"),
            LineOf(source, "QueueUserWorkItem"));
        reported[0].Message.Should().Be("'Parallel.ForEach' runs work in parallel or on other threads; the sandbox expects plugin code on the calling thread.");
    }

    [Fact]
    public void A_lock_is_a_warning()
    {
        const string source = """
            public static class Counter
            {
                private static readonly object Gate = new object();

                public static void Touch()
                {
                    lock (Gate)
                    {
                    }
                }
            }
            """;

        var reported = Run(new ThreadingAnalyzer(), source);

        reported.Should().ContainSingle().Which.Should().Be(new Reported(
            "il_avoid_lock_plugin",
            DiagnosticSeverity.Warning,
            LineOf(source, "lock (Gate)"),
            "'lock (Gate)' locks inside plugin code: every execution that reaches it waits for the others. Prefer immutable data or a concurrent collection."));
    }
}
