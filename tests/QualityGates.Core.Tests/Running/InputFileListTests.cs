using System.Text.Json;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Running;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Running;

/// <summary>Every run lists the input files it read, with their kind and what each contributed.</summary>
public sealed class InputFileListTests : IDisposable
{
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string FailSkipCoverage = Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml");
    private static readonly string TrivyDebian = Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden");
    private static readonly string TrivyNuget = Fixtures.Path("security", "trivy", "trivy-nuget.json.golden");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private GateRunRequest Request() => new()
    {
        Context = "development",
        Groups = GateGroup.Tests | GateGroup.Coverage | GateGroup.Security,
        BaseDirectory = _dir.Path,
        Reports = new ReportOptions { Folder = "reports" },
        Environment = _ => null,
    };

    [Fact]
    public void ListsEachFileWithItsKindAndWhatItContributed()
    {
        var request = Request() with
        {
            TestResultFiles = [FailSkipTrx],
            CoverageFiles = [FailSkipCoverage],
            SecurityScanFiles = [TrivyDebian, TrivyNuget],
        };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.Equal(
            [
                new InputFileRead(FailSkipTrx, "TRX", "964 results, 3 failed"),
                new InputFileRead(FailSkipCoverage, "Cobertura", "295 of 591 lines"),
                new InputFileRead(TrivyDebian, "security scan (trivy)", "2 findings (critical 1, low 1)"),
                new InputFileRead(TrivyNuget, "security scan (trivy)", "1 finding (high 1)"),
            ],
            result.Report!.Inputs.Files);
        Assert.Equal($"QualityGates input: TRX {FailSkipTrx}: 964 results, 3 failed", result.InputLines[0]);
        Assert.Equal(4, result.InputLines.Count);
    }

    [Fact]
    public void ShowsPathsRelativeToTheRepositoryRootInTheJsonReportAndThePage()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, ".git"));
        var trx = Path.Combine(_dir.Path, "tests", "Lib.Tests", "TestResults", "run.trx");
        Directory.CreateDirectory(Path.GetDirectoryName(trx)!);
        File.Copy(FailSkipTrx, trx);
        var request = Request() with { Groups = GateGroup.Tests, TestResultFiles = ["tests/Lib.Tests/TestResults/*.trx"] };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.Equal("QualityGates input: TRX tests/Lib.Tests/TestResults/run.trx: 964 results, 3 failed", Assert.Single(result.InputLines));
        using var json = JsonDocument.Parse(File.ReadAllText(result.Files!.Json));
        var input = Assert.Single(json.RootElement.GetProperty("inputs").EnumerateArray());
        Assert.Equal(
            ("tests/Lib.Tests/TestResults/run.trx", "TRX", "964 results, 3 failed"),
            (input.GetProperty("path").GetString(), input.GetProperty("kind").GetString(), input.GetProperty("contribution").GetString()));
        var page = File.ReadAllText(result.Files.Html!);
        Assert.Contains("<tr><td><code>tests/Lib.Tests/TestResults/run.trx</code></td><td>TRX</td><td>964 results, 3 failed</td></tr>", page);
        Assert.DoesNotContain(_dir.Path, page);
    }

    [Fact]
    public void AnInProcessRunListsNoFileAndThePageSaysWhy()
    {
        var request = Request() with { Groups = GateGroup.Tests, Run = new RunInputs { Tests = new() { Total = 2, Passed = 2 } } };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.Empty(result.Report!.Inputs.Files);
        Assert.Empty(result.InputLines);
        using var json = JsonDocument.Parse(File.ReadAllText(result.Files!.Json));
        Assert.Equal(0, json.RootElement.GetProperty("inputs").GetArrayLength());
        Assert.Contains("No input file was read", File.ReadAllText(result.Files.Html!));
    }
}
