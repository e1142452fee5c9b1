using System.Globalization;
using QualityGates.Metrics;

namespace QualityGates.Inputs;

/// <summary>
/// One input file a gate run read, so a person can tell which files made the verdict (a glob that
/// matched four earlier runs shows as four rows).
/// </summary>
/// <param name="Path">The full path as read; reports show it relative to the repository root.</param>
/// <param name="Kind">What the file is: <c>TRX</c>, <c>Cobertura</c>, <c>security scan (sarif)</c>, <c>model metrics</c>, <c>baseline</c> or <c>test metrics</c>.</param>
/// <param name="Contribution">What it added to the run, in words: <c>50 results, 1 failed</c>, <c>412 of 598 lines</c>, <c>3 findings (high 1)</c>.</param>
/// <param name="SameAs">For a copy of a file read earlier (a TRX of the same test run, see <see cref="Trx.TrxReader.ReadFiles"/>): that file, shown like <paramref name="Path"/>; the copy added nothing. Else null.</param>
internal sealed record InputFileRead(string Path, string Kind, string Contribution, string? SameAs = null)
{
    /// <summary>What a copy of an earlier file contributes, in words.</summary>
    internal const string CopyContribution = "the same test run as an earlier file, counted once";

    /// <summary>What a byte-identical copy of an earlier Cobertura file contributes, in words.</summary>
    internal const string CoverageCopyContribution = "the same bytes as an earlier file, counted once";

    internal static string Tests(TestRunSummary tests, int attempts = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"{tests.Total} results, {tests.Failed} failed")
        + (tests.Flaky > 0 ? string.Create(CultureInfo.InvariantCulture, $", {tests.Flaky} flaky") : string.Empty)
        + (tests.Aborted ? ", aborted" : string.Empty)
        + (attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" (a retried run: {attempts} attempts, each test counted by its last)") : string.Empty);

    /// <summary>What a later attempt of a retried run contributes, in words.</summary>
    internal static string RetryContribution(int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"attempt {attempt} of the retried run, merged into its first attempt");

    internal static string Lines(long covered, long valid) =>
        string.Create(CultureInfo.InvariantCulture, $"{covered} of {valid} lines");

    internal static string Findings(SecuritySummary security)
    {
        var counts = new[] { ("critical", security.Critical), ("high", security.High), ("medium", security.Medium), ("low", security.Low), ("unknown", security.Unknown) }
            .Where(c => c.Item2 > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Item1} {c.Item2}"))
            .ToList();
        var total = string.Create(CultureInfo.InvariantCulture, $"{security.Total} finding{(security.Total == 1 ? string.Empty : "s")}");
        return counts.Count == 0 ? total : $"{total} ({string.Join(", ", counts)})";
    }
}
