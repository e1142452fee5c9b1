using System.Diagnostics;
using System.Globalization;
using QualityGates.Inputs.Cobertura;

namespace QualityGates.Benchmarks;

/// <summary>
/// One read of one file in this process, printed as elapsed time and the process's peak working set,
/// so a fresh process per run measures what a build would see (runtime, JIT and all).
/// </summary>
internal static class MeasureCobertura
{
    /// <summary>The line <see cref="CompareCobertura"/> parses: mode, elapsed ms, process CPU ms, peak bytes.</summary>
    public const string ResultPrefix = "RESULT";

    public static int Run(string path, bool bare)
    {
        var stopwatch = Stopwatch.StartNew();
        string figures;
        if (bare)
        {
            figures = $"line elements={BareLinePass.CountLines(path)}";
        }
        else
        {
            var summary = new CoberturaReader().Read(path);
            figures = string.Create(CultureInfo.InvariantCulture,
                $"lines={summary.LinesCovered}/{summary.LinesValid} branches={summary.BranchesCovered}/{summary.BranchesValid} files={summary.SourceFiles.Count} packages={summary.Packages.Count}");
        }

        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var cpu = process.TotalProcessorTime.TotalMilliseconds;
        var mode = bare ? "bare" : "reader";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: {stopwatch.Elapsed.TotalMilliseconds:F0} ms (process CPU {cpu:F0} ms), peak working set {peak / 1048576.0:F1} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F1} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {figures}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix} {mode} {stopwatch.Elapsed.TotalMilliseconds:F1} {cpu:F1} {peak}"));
        return 0;
    }
}
