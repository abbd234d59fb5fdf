using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Xrm.Emulator.Benchmarks;

// dotnet run -c Release --project Platform/Xrm.Emulator.Benchmarks -- --filter '*'     full BenchmarkDotNet runs
// dotnet run -c Release --project Platform/Xrm.Emulator.Benchmarks -- quick            short runs of everything
// dotnet run -c Release --project Platform/Xrm.Emulator.Benchmarks -- memory           only the memory/latency report
if (args.Contains("memory"))
{
    MemoryReport.Print();
    return;
}

var config = DefaultConfig.Instance;
if (args.Contains("quick"))
{
    config = config.AddJob(Job.ShortRun.WithId("quick"));
    args = args.Where(a => a != "quick").Concat(args.Contains("--filter") ? Array.Empty<string>() : new[] { "--filter", "*" }).ToArray();
}

MemoryReport.Print();
BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args, config);
