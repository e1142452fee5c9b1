using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Benchmarks;

/// <summary>
/// Compares the machines and runtimes two BenchmarkDotNet runs measured on. Timings from different
/// processors, core counts, runtimes or JIT settings differ for that reason alone, so a difference is a
/// warning (QG1082) naming each field that changed, with the file and line of the run's host information.
/// </summary>
internal static class BenchmarkHosts
{
    /// <summary>Each field that differs, as "runtime .NET 10.0.1 → .NET 10.0.2"; fields one side lacks are not compared.</summary>
    public static IReadOnlyList<string> Differences(BenchmarkHost before, BenchmarkHost after) =>
        before.Fields.Zip(after.Fields)
            .Where(pair => pair.First.Value is not null && pair.Second.Value is not null && !string.Equals(pair.First.Value, pair.Second.Value, StringComparison.Ordinal))
            .Select(pair => $"{pair.First.Name} {UntrustedText.Cap(pair.First.Value!, 200)} → {UntrustedText.Cap(pair.Second.Value!, 200)}")
            .ToList();

    /// <summary>The QG1082 warning: <paramref name="what"/>, then the differences from <paramref name="other"/> to <paramref name="host"/>.</summary>
    public static GateDiagnostic Warning(BenchmarkHost host, string what, BenchmarkHost other, IReadOnlyList<string> differences)
    {
        var where = host.Line > 0 ? $"'{host.File}' line {host.Line}" : $"'{host.File}'";
        var otherWhere = other.Line > 0 ? $"'{other.File}' line {other.Line}" : $"'{other.File}'";
        return new GateDiagnostic(DiagnosticSeverity.Warning, ErrorCodes.BenchmarkHostsDiffer,
            $"{where}: {what} ({otherWhere}): {string.Join("; ", differences)}. Timings can differ for that reason alone; compare runs of one machine and runtime.",
            host.File, host.Line);
    }
}
