using System.Globalization;
using BenchmarkDotNet.Running;
using QualityGates.Benchmarks;

// Commands that measure out of process come first; anything else goes to BenchmarkDotNet
// (e.g. `-- --filter *Cobertura*`).
var commands = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["generate-cobertura"] = a => Generate(a),
    ["measure-cobertura"] = a => MeasureCobertura.Run(a[0], a.Contains("--bare")),
    ["generate-trx"] = a => GenerateTrx(a),
    ["compare-cobertura"] = a => CompareCobertura.Run(a[0], a.Length > 1 ? int.Parse(a[1], CultureInfo.InvariantCulture) : 3),
    ["measure-shards"] = a => MeasureShards.Run(a[0], a.Contains("--merged")),
    ["compare-shards"] = a => CompareShards.Run(a[0], a.Length > 1 ? int.Parse(a[1], CultureInfo.InvariantCulture) : 3),
    ["generate-scan"] = a => GenerateScan(a),
    ["measure-scan"] = a => MeasureScan.Run(a[0], a.Contains("--dom")),
    ["generate-bdn"] = a => GenerateBenchmarkExport(a),
};

if (args.Length == 0)
{
    Console.WriteLine("""
        QualityGates.Benchmarks (run with: dotnet run -c Release --project tests/QualityGates.Benchmarks -- <command>)
          generate-cobertura <path> <lines>   write a coverlet-shaped Cobertura file with <lines> class-level lines
          measure-cobertura <path> [--bare]   read <path> once (CoberturaReader, or a bare XmlReader pass) and print time and peak working set
          compare-cobertura <path> [runs]     run measure-cobertura in fresh processes, bare and reader, <runs> times each (default 3)
          generate-trx <path> <results>       write a VSTest-shaped TRX with <results> results (every 7th fails, every 11th is skipped)
          measure-shards <folder> [--merged]  read a compare-shards folder's files one by one (or merged) once, print time and peak working set
          compare-shards <folder> [runs]      write 200 TRX + 200 Cobertura shard files into <folder> (once), then run measure-shards in fresh processes, one by one and merged, <runs> times each (default 3)
          --filter *ShardMerge*               BenchmarkDotNet: 200 shard files merged against read one by one, side by side
          generate-scan <path> <format> <MB> [--brief]  write a trivy, sarif or grype scan of about <MB> megabytes (--brief: no descriptions, 3-4x the findings)
          measure-scan <path> [--dom]         read a scan once (SecurityScanReader, or the DOM reader it replaced) and print time and peak working set
          --filter *Scan*                     BenchmarkDotNet: DOM reader vs SecurityScanReader per format (QG_BENCH_SCAN_MB, default 200)
          --filter *Trx*                      BenchmarkDotNet: TrxReader (QG_BENCH_TRX_RESULTS sets the size, default 100000)
          --filter *Cobertura*                BenchmarkDotNet (QG_BENCH_COBERTURA_LINES sets the size, default 100000)
          generate-bdn <path> <benchmarks>    write a BenchmarkDotNet full JSON export of <benchmarks> copies of a real benchmark (tests/fixtures/benchmarks)
          --filter *BenchmarkExport*          BenchmarkDotNet: read a 1,000-benchmark export, and judge it against a baseline (QG_BENCH_BDN_BENCHMARKS)
        """);
    return 0;
}

if (commands.TryGetValue(args[0], out var command))
{
    if (args.Length < 2)
    {
        Console.Error.WriteLine($"{args[0]} needs a path; run without arguments for usage.");
        return 2;
    }

    return command(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(CoberturaReadBenchmarks).Assembly).Run(args);
return 0;

static int Generate(string[] args)
{
    var lines = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    CoberturaGenerator.Write(args[0], lines);
    var size = new FileInfo(args[0]).Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {args[0]}: {lines} class-level lines, {size / 1048576.0:F1} MB ({size} bytes)"));
    return 0;
}

static int GenerateTrx(string[] args)
{
    var results = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    LargeTrxWriter.Write(args[0], results, failedEvery: 7, skippedEvery: 11);
    var size = new FileInfo(args[0]).Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {args[0]}: {results} results, {size / 1048576.0:F1} MB ({size} bytes)"));
    return 0;
}

static int GenerateScan(string[] args)
{
    var brief = args.Contains("--brief");
    var findings = LargeScanWriter.FindingsFor(long.Parse(args[2], CultureInfo.InvariantCulture) * 1024 * 1024, brief);
    LargeScanWriter.Write(args[0], args[1], findings, brief);
    var size = new FileInfo(args[0]).Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {args[0]}: {args[1]}, {findings} findings, {size / 1048576.0:F1} MB ({size} bytes)"));
    return 0;
}

static int GenerateBenchmarkExport(string[] args)
{
    var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
    BenchmarkExportWriter.Write(args[0], count);
    var size = new FileInfo(args[0]).Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {args[0]}: {count} benchmarks, {size / 1048576.0:F1} MB ({size} bytes)"));
    return 0;
}
