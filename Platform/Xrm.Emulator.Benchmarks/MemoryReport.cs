using System;
using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Benchmarks;

/// <summary>
/// Figures BenchmarkDotNet does not give directly: the memory 100k stored records keep alive (GC.GetTotalMemory
/// before and after), and a plain timing of the two queries with the query engine's own statistics.
/// </summary>
internal static class MemoryReport
{
    public static void Print()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var emulator = new XrmEmulator();
        var accounts = Opportunities.Seed(emulator.Store, QueryBenchmarks.Rows);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytes = after - before;
        Console.WriteLine($"Memory: {QueryBenchmarks.Rows:N0} opportunity rows (12 columns) retain {bytes / 1024.0 / 1024.0:N1} MB ({bytes / QueryBenchmarks.Rows:N0} bytes per row).");

        var indexed = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue") };
        indexed.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, accounts[4242]);
        var scan = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue") };
        scan.Criteria.AddCondition("name", ConditionOperator.EndsWith, "4242");
        var context = new QueryContext(emulator.Store, emulator.UtcNow, emulator.AdminUserId);

        foreach (var (label, query) in new[] { ("indexed lookup", indexed), ("scan", scan) })
        {
            QueryEngine.Execute(query, context, out var statistics);
            var clock = Stopwatch.StartNew();
            const int runs = 20;
            for (var i = 0; i < runs; i++) QueryEngine.Execute(query, context);
            Console.WriteLine($"Query ({label}): {clock.Elapsed.TotalMilliseconds / runs:N3} ms per query; {statistics}");
        }

        GC.KeepAlive(emulator);
    }
}
