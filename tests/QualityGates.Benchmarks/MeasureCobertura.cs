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
        return ProcessFigures.Print(bare ? "bare" : "reader", stopwatch.Elapsed, figures);
    }
}
