using System.Text.Json;
using System.Xml.Linq;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Tests.Reports;
using QualityGates.Tests.Support;
using QualityGates.Waivers;

namespace QualityGates.Tests.Running;

/// <summary>
/// Every coded warning a run prints before its report files are written is also in each of them (the JSON
/// report, junit-gates.xml, gates.html) and in the CI server's summary: under native dotnet test a run that
/// exits 0 shows no console output at all, so the files are the only trace a warning leaves.
/// </summary>
public sealed class RunWarningsTests : IDisposable
{
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// A run with an adapter's warning (QG5010), an unused waiver (QG2020, with its file and line) and tolerated
    /// failed tests (QG2013): the console's warnings, the report's and each file's are the same, in the same order.
    /// </summary>
    [Fact]
    public void EveryWarningTheRunPrintsIsInEveryReportFileInTheSameOrder()
    {
        var waivers = _dir.Write("qualitygates.waivers.json", """
            { "waivers": [
              { "gate": "coverage.line", "owner": "alice@example.com", "reason": "legacy module", "expires": "2026-12-20" } ] }
            """);
        var summary = Path.Combine(_dir.Path, "step-summary.md");
        var variables = new Dictionary<string, string>
        {
            [WaiverSet.TodayVariable] = "2026-11-30", ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary,
        };
        var adapters = GateDiagnostic.Warning(ErrorCodes.CoverageReportNotCobertura, "The coverage producer X reported coverage but named no Cobertura report.");

        var result = new GateRun().Execute(new GateRunRequest
        {
            Context = "development",
            Groups = GateGroup.Tests,
            BaseDirectory = _dir.Path,
            TestResultFiles = [FailSkipTrx],
            WaiversFile = waivers,
            Run = new RunInputs { Warnings = [adapters] },
            Reports = new ReportOptions { Folder = "reports" },
            Environment = variables.GetValueOrDefault,
        }, TextWriter.Null);

        Assert.True(result.Passed);
        string[] codes = [ErrorCodes.CoverageReportNotCobertura, ErrorCodes.WaiverUnused, ErrorCodes.TestFailuresTolerated];
        Assert.Equal(codes, result.Diagnostics.Select(d => d.Code));
        Assert.Equal(codes, result.Report!.AllWarnings.Select(w => w.Code));

        using var json = JsonDocument.Parse(File.ReadAllText(result.Files!.Latest));
        var details = json.RootElement.GetProperty("warningDetails").EnumerateArray().ToList();
        Assert.Equal(codes, details.Select(d => d.GetProperty("code").GetString()));
        Assert.Equal(result.Diagnostics.Select(d => d.Message), json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(("qualitygates.waivers.json", 2), (Path.GetFileName(details[1].GetProperty("file").GetString()), details[1].GetProperty("line").GetInt32()));
        Assert.Equal(JsonValueKind.Null, details[2].GetProperty("file").ValueKind);

        var junit = File.ReadAllText(result.Files.JUnit);
        Assert.Empty(JUnitSchema.Validate(junit));
        var suite = XDocument.Parse(junit).Root!.Element("testsuite")!;
        var warningsCase = suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == JUnitReportWriter.WarningsCaseName);
        Assert.Equal(["system-out"], warningsCase.Elements().Select(e => e.Name.LocalName));
        var output = warningsCase.Element("system-out")!.Value;
        Assert.StartsWith("3 warnings (none changed the verdict):\n", output);
        Assert.All(result.Diagnostics, d => Assert.Contains($"{d.Code}: {d.Message}", output));
        Assert.Contains("qualitygates.waivers.json, line 2)", output);
        Assert.Equal(result.Report.Checks.Count + 1, (int)suite.Attribute("tests")!);
        Assert.Equal("0", (string?)suite.Attribute("failures"));

        var html = File.ReadAllText(result.Files.Html!);
        var section = html[html.IndexOf("<section id=\"warnings\">", StringComparison.Ordinal)..];
        Assert.StartsWith("<section id=\"warnings\">\n<h2>Warnings (3)</h2>", section);
        Assert.All(codes, c => Assert.Contains($"<code>{c}</code>", section[..section.IndexOf("</section>", StringComparison.Ordinal)]));
        Assert.True(html.IndexOf("<section id=\"warnings\">", StringComparison.Ordinal) < html.IndexOf("<section id=\"tests\">", StringComparison.Ordinal));

        var markdown = File.ReadAllText(summary);
        Assert.Contains("**Warnings**: 3 (none changed the verdict)", markdown);
        Assert.All(codes, c => Assert.Contains($"| {c} | ", markdown));
    }

    /// <summary>A warning that comes after the report files (here the registry's QG3002) is on the console and in the CI server's summary, not in the files.</summary>
    [Fact]
    public void AWarningAfterTheReportFilesReachesTheStepSummaryButNotTheFiles()
    {
        var summary = Path.Combine(_dir.Path, "step-summary.md");
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var result = new GateRun().Execute(new GateRunRequest
        {
            Context = "development",
            Groups = GateGroup.Coverage,
            Model = new ModelIdentity("veran", "v6.2"),
            BaseDirectory = _dir.Path,
            Registry = new RegistryOptions { Folder = "registry" },
            Reports = new ReportOptions { Folder = "reports" },
            Environment = variables.GetValueOrDefault,
        }, TextWriter.Null);

        var nothingApproved = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, ErrorCodes.ReportDidNotPass), (nothingApproved.Severity, nothingApproved.Code));
        Assert.Empty(result.Report!.AllWarnings);
        using var json = JsonDocument.Parse(File.ReadAllText(result.Files!.Latest));
        Assert.Equal(0, json.RootElement.GetProperty("warningDetails").GetArrayLength());
        Assert.Contains($"| {ErrorCodes.ReportDidNotPass} | ", File.ReadAllText(summary));
    }

    [Fact]
    public void ARunWithoutWarningsWritesNoWarningsCaseAndNoSection()
    {
        var result = new GateRun().Execute(new GateRunRequest
        {
            Context = "development",
            Groups = GateGroup.Tests,
            BaseDirectory = _dir.Path,
            TestResultFiles = [Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx")],
            Reports = new ReportOptions { Folder = "reports" },
            Environment = _ => null,
        }, TextWriter.Null);

        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(JUnitReportWriter.WarningsCaseName, File.ReadAllText(result.Files!.JUnit));
        Assert.DoesNotContain("id=\"warnings\"", File.ReadAllText(result.Files.Html!));
    }

    /// <summary>A report made by the gate alone (a library user) still lists its throwing handlers' warnings, once.</summary>
    [Fact]
    public void HandlerWarningsAreListedOnceWhetherOrNotTheRunListedThem()
    {
        var alone = new QualityGateReport { Warnings = ["handler threw"] };
        var run = alone with { RunWarnings = [GateDiagnostic.Warning(ErrorCodes.EventHandlerFailed, "handler threw")] };

        Assert.Equal([(ErrorCodes.EventHandlerFailed, "handler threw")], alone.AllWarnings.Select(w => (w.Code, w.Message)));
        Assert.Equal([(ErrorCodes.EventHandlerFailed, "handler threw")], run.AllWarnings.Select(w => (w.Code, w.Message)));
    }
}
