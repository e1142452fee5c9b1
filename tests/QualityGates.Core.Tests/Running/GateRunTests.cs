using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Running;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Running;

/// <summary>GateRun.Execute: one entry for the whole run, the same for every adapter.</summary>
public sealed class GateRunTests : IDisposable
{
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string PassingTrx = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
    private static readonly ModelIdentity Model = new("veran", "v6.2");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private GateRunRequest Request(params string[] trx) => new()
    {
        Context = "development",
        Groups = GateGroup.Tests,
        Model = Model,
        BaseDirectory = _dir.Path,
        TestResultFiles = trx,
        Reports = new ReportOptions { Folder = "reports" },
        Environment = _ => null,
    };

    [Fact]
    public void FailOnAnyTestFailureBlocksTheReportAndRecordsABlockNotAnApproval()
    {
        var request = Request(FailSkipTrx) with
        {
            FailOnAnyTestFailure = true,
            Registry = new RegistryOptions { Folder = "registry", ApprovedBy = "qa@example.com" },
        };
        var blocked = 0;
        var run = new GateRun();
        run.GatesBlocked += (_, _) => blocked++;

        var result = run.Execute(request, TextWriter.Null);

        Assert.False(result.Passed);
        Assert.Equal(1, blocked);
        var check = Assert.Single(result.Report!.FailedChecks);
        Assert.Equal((GateNames.AnyTestFailure, 3.0, 0.0), (check.Gate, check.Value!.Value, check.Threshold!.Value));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, ErrorCodes.TestFailedWithFailOnAnyTestFailure, GateNames.AnyTestFailure), (error.Severity, error.Code, error.Gate));
        Assert.Equal(RegistryRecordKind.Blocked, result.RegistryRecord!.Kind);
        Assert.False(new ApprovalRegistry(Path.Combine(_dir.Path, "registry")).GetStatus(Model, DeploymentContext.Development).Value.IsApproved);
        Assert.Contains("tests.any_failure", File.ReadAllText(result.Files!.JUnit));
    }

    [Fact]
    public void FailOnAnyTestFailurePassesARunWithoutFailedTests()
    {
        var result = new GateRun().Execute(Request(PassingTrx) with { FailOnAnyTestFailure = true }, TextWriter.Null);

        Assert.True(result.Passed);
        var check = result.Report!.Checks.Single(c => c.Gate == GateNames.AnyTestFailure);
        Assert.Equal((GateStatus.Passed, 0.0), (check.Status, check.Value!.Value));
        Assert.StartsWith("No test failed (", check.Message);
    }

    [Fact]
    public void WithoutTheSwitchThereIsNoAnyFailureCheck()
    {
        var result = new GateRun().Execute(Request(FailSkipTrx), TextWriter.Null);

        Assert.True(result.Passed);
        Assert.DoesNotContain(result.Report!.Checks, c => c.Gate == GateNames.AnyTestFailure);
    }

    [Fact]
    public void ReturnsTheJsonTextItWroteToTheReportFiles()
    {
        var result = new GateRun().Execute(Request(PassingTrx) with { Reports = new ReportOptions { Folder = "reports", Json = true } }, TextWriter.Null);

        Assert.Equal(File.ReadAllText(result.Files!.Json), result.Json);
        Assert.Equal(File.ReadAllText(result.Files.Latest), result.Json);
    }

    [Fact]
    public void JudgesTestsAnAdapterReadInProcessAndWritesToTheFrameworksFolder()
    {
        var tests = new TestRunSummary { Total = 4, Passed = 3, Failed = 1 };
        var request = Request() with
        {
            Run = new RunInputs { Tests = tests },
            Reports = new ReportOptions { Folder = "reports", TargetFramework = "net10.0" },
        };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.Same(tests, result.Report!.Inputs.Tests);
        Assert.Equal(Path.Combine(_dir.Path, "reports", "net10.0", "junit-gates.xml"), result.Files!.JUnit);
    }

    [Fact]
    public void TakesTheCoverageTheRunsTrxAttachedFromTheSameRead()
    {
        var trx = Path.Combine(_dir.Path, "run.trx");
        File.Copy(PassingTrx, trx);
        var attached = Path.Combine(_dir.Path, "_vm_2026-11-26_07_49_50", "In", "vm", "coverage.cobertura.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(attached)!);
        File.Copy(Fixtures.Path("cobertura", "coverlet-collector", "stateless-net8.0.coverage.cobertura.xml"), attached);
        var request = Request() with { Groups = GateGroup.Tests | GateGroup.Coverage, Run = new RunInputs { TestResultFile = trx } };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.Equal([attached], result.CoverageFiles);
        Assert.Equal(GateStatus.Passed, result.Report!.Checks.Single(c => c.Gate == GateNames.LineCoverage).Status);
    }

    [Fact]
    public void ABadTrxOfTheRunIsOneCodedErrorAndNothingIsWritten()
    {
        var trx = _dir.Write("run.trx", "<TestRun");
        var request = Request() with { Groups = GateGroup.Tests | GateGroup.Coverage, Run = new RunInputs { TestResultFile = trx } };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.MalformedXml, trx), (error.Code, error.File));
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "reports")));
    }

    [Fact]
    public void ApproveOnPassWithoutAModelIsASettingErrorBeforeAnythingIsJudged()
    {
        var request = Request(PassingTrx) with { Model = null, Registry = new RegistryOptions { Source = "--approve-on-pass" } };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCodes.InvalidModelIdentity, error.Code);
        Assert.StartsWith("--approve-on-pass needs the model's name and version", error.Message);
    }

    [Fact]
    public void AThrowingHandlerIsACodedWarningAndTheOtherHandlersStillRun()
    {
        var run = new GateRun();
        var seen = new List<string>();
        run.GatePassed += (_, _) => throw new InvalidOperationException("boom");
        run.GatePassed += (_, e) => seen.Add(e.Result.Gate);

        var result = run.Execute(Request(PassingTrx), TextWriter.Null);

        Assert.True(result.Passed);
        Assert.Equal([GateNames.TestPassRate], seen);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, ErrorCodes.EventHandlerFailed), (warning.Severity, warning.Code));
        Assert.Contains("boom", warning.Message);
    }

    [Fact]
    public void WebhookSettingsFollowOneRuleForEveryAdapter()
    {
        var settings = new WebhookSettings(null, Always: true, Timeout: "3", "--webhook", "--webhook-timeout");

        Assert.Null(WebhookOptions.FromSettings(settings, _ => null));
        var fromEnvironment = WebhookOptions.FromSettings(settings, name => name == WebhookOptions.UrlVariable ? "https://hooks.example/x" : null)!;
        Assert.Equal((true, TimeSpan.FromSeconds(3)), (fromEnvironment.Always, fromEnvironment.Timeout));
        var bad = Assert.Throws<QualityGatesException>(() => WebhookOptions.FromSettings(settings with { Timeout = "0" }, _ => null));
        Assert.Equal(ErrorCodes.InvalidSetting, bad.Code);
        Assert.StartsWith("--webhook-timeout is '0'", bad.Message);
    }
}
