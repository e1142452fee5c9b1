using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Running;
using QualityGates.Tests.Inputs.Cobertura;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Running;

/// <summary>The ratchet: line coverage, branch coverage and pass rate held to the registry's last approval or a named report.</summary>
public sealed class RatchetTests : IDisposable
{
    private static readonly ModelIdentity Model = new("veran", "v6.2");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A Cobertura file with <paramref name="covered"/> of 10 lines covered, and 1 of 2 branches on line 1.</summary>
    private string Coverage(int covered) => _dir.Write($"coverage-{covered}.xml", new CoberturaXml()
        .Class("Lib", "src/Lib/Calc.cs", methodLines: null,
            [.. Enumerable.Range(1, 10).Select(i => $"number=\"{i}\" hits=\"{(i <= covered ? 1 : 0)}\"" + (i == 1 ? " branch=\"true\" condition-coverage=\"50% (1/2)\"" : string.Empty))])
        .ToString());

    private GateRunResult Run(int covered, ModelIdentity model, RatchetOptions? ratchet, bool approve = false, bool? strict = null, string? tolerance = null, string? waive = null) =>
        new GateRun().Execute(Waive(new GateRunRequest
        {
            Context = "staging",
            Groups = GateGroup.Coverage,
            Model = model,
            Strict = strict,
            BaseDirectory = _dir.Path,
            CoverageFiles = [Coverage(covered)],
            Overrides = [new ThresholdOverride("MinCodeCoverage", "0.5", "x"), new ThresholdOverride("RatchetTolerance", tolerance, "QualityGatesRatchetTolerance")],
            Reports = new ReportOptions { Folder = "reports-" + Guid.NewGuid().ToString("N") },
            Registry = approve ? new RegistryOptions { Folder = "registry", ApprovedBy = "qa@example.com" } : null,
            Ratchet = ratchet,
            Environment = _ => null,
        }, waive), TextWriter.Null);

    private GateRunRequest Waive(GateRunRequest request, string? gate) => gate is null ? request : request.Waiving(_dir, gate);

    [Fact]
    public void BlocksACoverageDropAgainstTheRegistrysLastApproval()
    {
        Assert.True(Run(9, Model with { Version = "v6.1" }, ratchet: null, approve: true).Passed);

        var result = Run(8, Model, new RatchetOptions { Registry = "registry" });

        var line = Assert.Single(result.Report!.Checks, c => c.Gate == GateNames.RatchetLineCoverage);
        Assert.Equal((GateStatus.Failed, ErrorCodes.RatchetLineCoverageDropped), (line.Status, line.Code));
        Assert.Equal((0.8, 0.899), (line.Value!.Value, Math.Round(line.Threshold!.Value, 6)));
        Assert.Contains("Line coverage 80.0% fell 10 pp from the baseline of 90.0% (the last approval of veran v6.1 for staging", line.Message, StringComparison.Ordinal);
        var branch = Assert.Single(result.Report.Checks, c => c.Gate == GateNames.RatchetBranchCoverage);
        Assert.Equal(GateStatus.Passed, branch.Status);
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.RatchetLineCoverageDropped);
    }

    [Fact]
    public void PassesWithinTheToleranceAndComparesWithANamedBaselineReport()
    {
        var baseline = Run(9, Model, ratchet: null).Files!.Json;

        var within = Run(8, Model, new RatchetOptions { BaselineReport = baseline }, tolerance: "10");
        var beyond = Run(8, Model, new RatchetOptions { BaselineReport = baseline }, tolerance: "9.9");

        Assert.Equal(GateStatus.Passed, within.Report!.Checks.Single(c => c.Gate == GateNames.RatchetLineCoverage).Status);
        Assert.Equal(GateStatus.Failed, beyond.Report!.Checks.Single(c => c.Gate == GateNames.RatchetLineCoverage).Status);
        Assert.Contains("the baseline report", within.Report.Checks.Single(c => c.Gate == GateNames.RatchetLineCoverage).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWaiverOfTheRatchetWaivesTheDrop()
    {
        var baseline = Run(9, Model, ratchet: null).Files!.Json;

        var result = Run(8, Model, new RatchetOptions { BaselineReport = baseline }, tolerance: "5", waive: GateNames.RatchetLineCoverage);

        Assert.True(result.Passed);
        var line = result.Report!.Checks.Single(c => c.Gate == GateNames.RatchetLineCoverage);
        Assert.Equal((GateStatus.Waived, "qa@example.com"), (line.Status, Assert.Single(line.Waivers).Owner));
    }

    [Fact]
    public void WithoutABaselineIsSkippedWithAMessageAndFailsOnlyInStrictMode()
    {
        var relaxed = Run(8, Model, new RatchetOptions { Registry = "registry" });
        var strict = Run(8, Model, new RatchetOptions { Registry = "registry" }, strict: true);

        var skipped = relaxed.Report!.Checks.Single(c => c.Gate == GateNames.RatchetLineCoverage);
        Assert.Equal(GateStatus.Skipped, skipped.Status);
        Assert.Contains("has no approval of veran for staging", skipped.Message, StringComparison.Ordinal);
        Assert.True(relaxed.Passed);
        Assert.Equal(ErrorCodes.RatchetLineCoverageDropped, strict.Report!.Checks.Single(c => c.Gate == GateNames.RatchetLineCoverage).Code);
    }

    [Fact]
    public void FromTheRegistryWithoutAModelIsACodedError()
    {
        var result = new GateRun().Execute(new GateRunRequest
        {
            Groups = GateGroup.Coverage, BaseDirectory = _dir.Path, CoverageFiles = [Coverage(8)],
            Ratchet = new RatchetOptions { Source = "QualityGatesRatchet" }, Environment = _ => null,
        }, TextWriter.Null);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCodes.RatchetNeedsModel, error.Code);
        Assert.StartsWith("QualityGatesRatchet takes its baseline", error.Message, StringComparison.Ordinal);
    }
}
