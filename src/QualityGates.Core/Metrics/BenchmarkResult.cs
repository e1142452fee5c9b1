namespace QualityGates.Metrics;

/// <summary>
/// One benchmark of a BenchmarkDotNet run, as its JSON export has it: the full name that matches it across
/// runs (namespace, type, method and parameters: <c>MyLib.Parsers.Parse(Size: 100)</c>), the time of each
/// workload measurement per operation, and the bytes it allocated per operation.
/// </summary>
/// <param name="FullName">BenchmarkDotNet's <c>FullName</c>: namespace, type, method and parameters.</param>
/// <param name="Samples">Nanoseconds per operation of each workload measurement (BenchmarkDotNet's <c>Workload Result</c> iterations, its <c>Statistics.OriginalValues</c>), in run order.</param>
/// <param name="Mean">The mean of <paramref name="Samples"/> in nanoseconds (BenchmarkDotNet's Mean column).</param>
/// <param name="Error">Half the 99.9 % confidence interval of the mean in nanoseconds (BenchmarkDotNet's Error column); null when the export has none.</param>
/// <param name="AllocatedBytes">Bytes allocated per operation (MemoryDiagnoser); null when the run had no memory diagnoser.</param>
/// <param name="File">The export it was read from, as the reports show it.</param>
/// <param name="Line">Its 1-based line in <paramref name="File"/> (0 when not known).</param>
internal sealed record BenchmarkResult(string FullName, IReadOnlyList<double> Samples, double Mean, double? Error, double? AllocatedBytes, string File, int Line)
{
    /// <summary>The median of <see cref="Samples"/> in nanoseconds.</summary>
    public double Median
    {
        get
        {
            var sorted = Samples.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
