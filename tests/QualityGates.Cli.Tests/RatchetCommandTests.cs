namespace QualityGates.Cli.Tests;

/// <summary><c>check --ratchet --baseline-report</c>: a coverage drop against an earlier report blocks with QG2015.</summary>
public sealed class RatchetCommandTests : IDisposable
{
    private static readonly string HigherCoverage = Fixtures.Path("cobertura", "coverlet-collector", "stateless-net8.0.coverage.cobertura.xml");
    private static readonly string LowerCoverage = Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BlocksALineCoverageDropBelowTheBaselineReport()
    {
        var folder = Path.Combine(_temp.Path, "main");
        Assert.Equal(0, CliRun.Of("check", "--context", "development", "--model", "guard:1.0", "--coverage", HigherCoverage, "--report-dir", folder).ExitCode);

        var run = CliRun.Of("check", "--context", "development", "--model", "guard:1.1", "--coverage", LowerCoverage, "--min-code-coverage", "0.4",
            "--ratchet", "--baseline-report", Path.Combine(folder, "latest.json"), "--ratchet-tolerance", "0.5");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2015"], run.ErrorCodes);
        Assert.Contains("Line coverage 49.9% fell 25.047 pp from the baseline of 75.0% (the baseline report ", run.Error);
        Assert.Contains("more than the tolerance of 0.5 pp", run.Error);
    }
}
