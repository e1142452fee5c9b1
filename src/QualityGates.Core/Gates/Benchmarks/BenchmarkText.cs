using System.Globalization;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Gates.Benchmarks;

/// <summary>How benchmark figures read in messages and reports: times in the unit BenchmarkDotNet would pick, bytes, p-values.</summary>
internal static class BenchmarkText
{
    /// <summary>Nanoseconds in the largest unit that keeps the figure at 1 or more, three significant digits: "94.8 ns", "5.95 µs", "1.20 ms".</summary>
    public static string Time(double nanoseconds)
    {
        var (value, unit) = Math.Abs(nanoseconds) switch
        {
            >= 1e9 => (nanoseconds / 1e9, "s"),
            >= 1e6 => (nanoseconds / 1e6, "ms"),
            >= 1e3 => (nanoseconds / 1e3, "µs"),
            _ => (nanoseconds, "ns"),
        };
        var format = Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.0" : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + unit;
    }

    /// <summary>Bytes per operation, whole: "536 B".</summary>
    public static string Bytes(double bytes) => bytes.ToString("0.##", CultureInfo.InvariantCulture) + " B";

    /// <summary>A p-value: three decimals down to 0.001, then two significant digits in exponent form ("2.8e-11").</summary>
    public static string PValue(double p) =>
        p >= 0.001 ? p.ToString("0.###", CultureInfo.InvariantCulture) : p.ToString("0.0e+0", CultureInfo.InvariantCulture);

    /// <summary>A change in percent with its sign: "+316.9%", "-4.2%"; "+∞%" for something from nothing.</summary>
    public static string Change(double percent) =>
        double.IsPositiveInfinity(percent) ? "+∞%" : (percent >= 0 ? "+" : string.Empty) + percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"SumCsv 5.95 µs → 24.8 µs (×4.17, +316.9%, p = 2.8e-11)": one benchmark's time against its baseline.</summary>
    public static string TimeFigures(BenchmarkVerdict b) =>
        $"{Name(b.FullName)} {Time(b.Base!.Mean)} → {Time(b.Current!.Mean)} (×{b.Ratio!.Value.ToString("0.00", CultureInfo.InvariantCulture)}, {Change(b.TimeIncrease!.Value * 100)}"
        + (b.PValue is double p ? $", p = {PValue(p)})" : ")");

    /// <summary>"SumCsv 0 B → 17560 B per operation (was allocation-free)": one benchmark's allocations against its baseline.</summary>
    public static string AllocatedFigures(BenchmarkVerdict b) =>
        $"{Name(b.FullName)} {Bytes(b.Base!.AllocatedBytes!.Value)} → {Bytes(b.Current!.AllocatedBytes!.Value)} per operation ("
        + (b.AllocatedIncreasePercent is double.PositiveInfinity ? "was allocation-free" : Change(b.AllocatedIncreasePercent!.Value)) + ")";

    /// <summary>A benchmark's full name as messages show it: cut when very long (a parameter can be a long string); printers neutralise it.</summary>
    public static string Name(string fullName) => UntrustedText.Cap(fullName, 300);
}
