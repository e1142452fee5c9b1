using System.Diagnostics;
using System.Globalization;
using QualityGates.Inputs.Cobertura;
using QualityGates.Inputs.Trx;

namespace QualityGates.Benchmarks;

/// <summary>
/// One pass over a <see cref="ShardFiles"/> folder in this process: every file read one by one, or all
/// TRX files merged and all Cobertura files merged; printed as elapsed time, process CPU and peak working set.
/// </summary>
internal static class MeasureShards
{
    public static int Run(string folder, bool merged)
    {
        var (trx, cobertura) = ShardFiles.In(folder);
        var stopwatch = Stopwatch.StartNew();
        string figures;
        if (merged)
        {
            var tests = new TrxReader().ReadAll(trx);
            var coverage = new CoberturaReader().ReadAll(cobertura);
            figures = string.Create(CultureInfo.InvariantCulture,
                $"tests={tests.Total} failed={tests.Failed} kept failures={tests.FailedTests.Count} lines={coverage.LinesCovered}/{coverage.LinesValid} branches={coverage.BranchesCovered}/{coverage.BranchesValid}");
        }
        else
        {
            var reader = new TrxReader();
            var tests = trx.Sum(path => reader.Read(path).Total);
            var lines = cobertura.Sum(path => new CoberturaReader().Read(path).LinesValid);
            figures = string.Create(CultureInfo.InvariantCulture, $"tests={tests} line entries={lines}");
        }

        stopwatch.Stop();
        return ProcessFigures.Print(merged ? "merged" : "one-by-one", stopwatch.Elapsed, $"{trx.Count} TRX + {cobertura.Count} Cobertura files, {figures}");
    }
}
