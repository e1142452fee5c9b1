using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

// Usage: dotnet <build output>/QualityGates.BenchmarkSubject.dll <artifacts folder> <benchmark class>
// Writes <artifacts folder>/results/<type>-report-full.json and -report-brief.json for the class;
// regenerate.sh beside this file builds the variants and runs each class in a process of its own, as
// BenchmarkDotNet's default toolchain would (one class's allocations must not slow the next one down).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: QualityGates.BenchmarkSubject <artifacts folder> <benchmark class>");
    return 2;
}

// A fixed, short job: 20 measured iterations of about 100 ms each after 3 warm-ups. In process, so the
// code measured is this build's (the variant it was compiled as), timed by the thread's CPU time
// (ThreadCpuClock: the shared machine's load does not count).
var job = Job.Default
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(20)
    .WithIterationTime(TimeInterval.FromMilliseconds(100))
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithClock(new QualityGates.BenchmarkSubject.ThreadCpuClock())
    .WithId("Gate");
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(JsonExporter.Full, JsonExporter.Brief)
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
    .WithArtifactsPath(Path.GetFullPath(args[0]));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(["--filter", $"*.{args[1]}.*"], config);
return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
