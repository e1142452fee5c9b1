using System.Text.Json;
using System.Xml.Linq;
using Npgsql;
using QualityGates.EndToEnd.Tests.Support;
using static QualityGates.EndToEnd.Tests.TestingPlatform.TestingPlatformConsumer;

namespace QualityGates.EndToEnd.Tests.TestingPlatform;

/// <summary>
/// The gate under Microsoft.Testing.Platform, on every framework and platform version of
/// <see cref="TestingPlatformConsumer"/>: dotnet test in the .NET 10 SDK's native mode (solution and
/// project), the test application run directly and <c>dotnet run</c>. Every failed check is shown once
/// with its code and figure, no check is a test, and the gate owns the exit code.
/// </summary>
[Collection(Collection)]
public sealed class TestingPlatformTests(ITestOutputHelper output)
{
    private const string PassRateError = "error QG2001 : Test pass rate 75.0% is below the staging minimum of 95.0% (3 of 4 passed)";
    private const string MSTestPassRateError = "error QG2001 : Test pass rate 80.0% is below the staging minimum of 95.0% (4 of 5 passed)";
    private const string CoverageError = "error QG2002 : Line coverage";
    private static readonly Dictionary<string, string> OneTestFails = new() { ["QG_FAIL"] = "1" };

    [Fact]
    public void NativeSolutionRunShowsEachFailedCheckOnceAndCountsOnlyTheRealTests()
    {
        var workspace = Get(output);
        workspace.ClearReports();

        var run = workspace.TestNative(["--solution", Solution, "--no-build", "-c", "Release"], OneTestFails);

        // Nine applications (the multi-targeting project is two) of four tests, one failing in each.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"total: {(9 * TestsPerApplication) + 1}", run.Output);
        Assert.Contains("failed: 9", run.Output);
        // No check is a test node (they were "failed QG2001 quality gate tests.pass_rate").
        Assert.DoesNotContain("failed QG", run.Output);
        // Once per application that misses staging's 95 %; TUnitTests accepts 70 %.
        Assert.Equal(7, run.Lines(PassRateError));
        Assert.Equal(1, run.Lines(MSTestPassRateError));
        Assert.Equal(0, run.Lines("error QG2001 : Test pass rate 75.0% is below the staging minimum of 70.0%"));
        foreach (var project in Projects.Where(p => p != Multi))
        {
            Assert.Equal(project == TUnit ? [] : ["tests.pass_rate"], GateReports.In(workspace.ReportFolder(project)).Failures);
            Assert.Contains(Path.Combine(workspace.ReportFolder(project), "gates.html"), run.Output);
        }

        // Each leg of the multi-targeting project judges itself; its target framework keeps the JUnit names apart.
        foreach (var framework in Frameworks)
        {
            Assert.Equal([$"tests.pass_rate ({framework})"], GateReports.In(workspace.ReportFolder(Multi, framework)).Failures);
        }
    }

    [Fact]
    public void NativeCoverletRunTakesEachApplicationsOwnCoverageFromThePlatformAndExits14()
    {
        var workspace = Get(output);
        workspace.ClearReports();

        var run = workspace.TestNative(["--solution", CoverletSolution, "--no-build", "-c", "Release", "--coverlet"]);

        // Every test passed; each application's coverage of Lib is below staging's 80 %.
        Assert.Equal(14, run.ExitCode);
        Assert.Contains("failed: 0", run.Output);
        Assert.Equal(7, run.Lines(CoverageError));
        Assert.Equal(0, run.Lines("QG2001"));
        var legs = Frameworks.Select(f => CoverageInputs(workspace.ReportFolder(Multi, f))).ToList();
        foreach (var project in CoverletProjects.Where(p => p != Multi))
        {
            Assert.Equal(["coverage.line"], GateReports.In(workspace.ReportFolder(project)).Failures);
            Assert.Single(CoverageInputs(workspace.ReportFolder(project)));
        }

        // Both legs write to the same results folder at the same time: each reads the report its own collector named.
        Assert.All(legs, leg => Assert.Single(leg));
        Assert.NotEqual(legs[0][0], legs[1][0]);
    }

    [Fact]
    public void OlderPlatformsFindCoverletsFileAndTheTemplatesMSTestBuilds()
    {
        var workspace = Get(output);
        workspace.ClearReports();

        // MSTest 4.0.2 with coverlet.MTP 10.0.1 resolves platform 2.2, which has no coverage messages.
        var run = workspace.TestNative(["--project", MSTest402, "--no-build", "-c", "Release", "--coverlet"]);

        Assert.Equal(1, run.Lines(CoverageError));
        Assert.Equal(14, run.ExitCode);
        Assert.Equal(["coverage.line"], GateReports.In(workspace.ReportFolder(MSTest402)).Failures);
        Assert.Single(CoverageInputs(workspace.ReportFolder(MSTest402)));
    }

    [Fact]
    public void RunDirectlyEveryFailedCheckIsOneCodedLine()
    {
        var workspace = Get(output);
        workspace.ClearReports();

        // Independent applications: run two at a time.
        var runs = new Dictionary<string, CommandResult>();
        Parallel.ForEach(Projects, new ParallelOptions { MaxDegreeOfParallelism = 2 }, project =>
        {
            var run = workspace.RunApp(project, project is NUnit5 or MSTest402 ? [] : ["--coverlet"], OneTestFails);
            lock (runs)
            {
                runs[project] = run;
            }
        });

        foreach (var (project, run) in runs)
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Equal(project == TUnit ? 0 : 1, run.Lines(project == MSTest ? MSTestPassRateError : PassRateError));
            Assert.Equal(project is NUnit5 or MSTest402 ? 0 : 1, run.Lines(CoverageError));
            Assert.Contains($"total: {TestsIn(project)}", run.Output);
        }

        // The platform's own coverage summary shows the gate's verdict beside coverlet's figures.
        Assert.Contains("Coverage Threshold Results:", runs[MSTest].Output);
    }

    [Fact]
    public void AToleratedFailureMeetsTheContextAndExitsZeroInEveryMode()
    {
        var workspace = Get(output);
        workspace.ClearReports();

        var native = workspace.TestNative(["--project", TUnit, "--no-build", "-c", "Release"], OneTestFails);
        var direct = workspace.RunApp(NUnit5, ["--quality-gates-min-test-pass-rate", "0.7"], OneTestFails);
        var coverlet = workspace.RunApp(XunitV3, ["--coverlet", "--quality-gates-min-test-pass-rate", "0.7", "--quality-gates-min-line-coverage", "0.3"], OneTestFails);

        Assert.Equal((0, 0, 0), (native.ExitCode, direct.ExitCode, coverlet.ExitCode));
        Assert.Contains("failed: 1", native.Output);
        // A passing run in native mode leaves its reports in the platform's list of artifacts.
        Assert.Contains(Path.Combine(workspace.ReportFolder(TUnit), "gates.html"), native.Output);
        Assert.Equal(1, direct.Lines("warning QG2013 : 1 failed test tolerated"));
        Assert.Contains("QualityGates: PASSED (staging)", coverlet.Output);
        Assert.Empty(GateReports.In(workspace.ReportFolder(TUnit)).Failures);
        // The SDK shows nothing of an application that exits 0: the tolerated failure's warning is in its reports.
        Assert.DoesNotContain("QG2013", native.Output);
        Assert.Contains("QG2013", GateReports.In(workspace.ReportFolder(TUnit)).WarningCodes);
        Assert.Contains("warnings", GateReports.In(workspace.ReportFolder(TUnit)).TestCases);
    }

    [Fact]
    public void ThePlatformsTrxAndTheGateCountTheSameTests()
    {
        var workspace = Get(output);
        workspace.ClearReports();
        workspace.DeleteDirectory(Path.Combine(MSTestSdk, "bin", "Release", "net10.0", "TestResults"));

        var run = workspace.TestNative(["--project", MSTestSdk, "--no-build", "-c", "Release", "--report-trx", "--results-directory", workspace.FullPath(MSTestSdk, "bin", "Release", "net10.0", "TestResults")], OneTestFails);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(1, run.Lines(PassRateError));
        var trx = XDocument.Load(Directory.GetFiles(workspace.FullPath(MSTestSdk, "bin", "Release", "net10.0", "TestResults"), "*.trx").Single());
        var counters = trx.Descendants().Single(e => e.Name.LocalName == "Counters");
        Assert.Equal(("4", "1"), ((string)counters.Attribute("total")!, (string)counters.Attribute("failed")!));
        using var report = JsonDocument.Parse(File.ReadAllText(GateReports.In(workspace.ReportFolder(MSTestSdk)).JsonReports.Single()));
        var tests = report.RootElement.GetProperty("metrics").GetProperty("tests");
        Assert.Equal((4, 1), (tests.GetProperty("total").GetInt32(), tests.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public void DotnetRunShowsTheFailedCheckOnce()
    {
        var workspace = Get(output);
        workspace.ClearReports();

        var run = workspace.DotnetPlain(["run", "--project", MSTest, "-c", "Release", "--no-build"], OneTestFails);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(1, run.Lines(MSTestPassRateError));
    }

    [Theory, PostgresStore]
    public void ApprovesIntoAPostgreSqlRegistryFromATestApplication(string store)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        var database = "qg_e2e_mtp_" + Guid.NewGuid().ToString("N");
        Execute(admin.ConnectionString, $"CREATE DATABASE {database}");
        var workspace = Get(output);
        var settings = Path.Combine(Path.GetDirectoryName(workspace.App(MSTest))!, MSTest + ".qualitygates.settings");
        var built = File.ReadAllText(settings);
        try
        {
            // The properties a build with QualityGatesApproveOnPass would have written (each key once: the extension refuses a repeated one).
            var registry = $"postgresql://{admin.Username}@{admin.Host}:{admin.Port}/{database}";
            var approval = new Dictionary<string, string>
            {
                ["QualityGatesApproveOnPass"] = "true",
                ["QualityGatesModelVersion"] = "3.1.0",
                ["QualityGatesRegistry"] = registry,
                ["QualityGatesApprovedBy"] = "qa@example.com",
            };
            File.WriteAllLines(settings, built.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'))
                .Select(line => approval.TryGetValue(line[..line.IndexOf('=')], out var value) ? line[..(line.IndexOf('=') + 1)] + value : line));

            // Npgsql comes from the application's qualitygates/ folder: it is no reference of the test project.
            var run = workspace.RunApp(MSTest, ["--quality-gates-context", "development"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains($"Quality gates registry: {MSTest} 3.1.0 approved for development by qa@example.com ({registry})", run.Output);
            var target = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database };
            using var connection = new NpgsqlConnection(target.ConnectionString);
            connection.Open();
            using var query = new NpgsqlCommand("SELECT model, version, context, kind FROM qualitygates_records", connection);
            using var reader = query.ExecuteReader();
            Assert.True(reader.Read(), store + ": no record in the database");
            Assert.Equal((MSTest, "3.1.0", "development", "approved"), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        finally
        {
            File.WriteAllText(settings, built);
            Execute(admin.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [Fact]
    public void ARetriedTestThatPassedCountsOnceAndIsGatedAsFlakyWhenAMaximumIsSet()
    {
        var workspace = Get(output);
        workspace.ClearReports();
        var flaky = new Dictionary<string, string> { ["QG_FLAKY"] = "1" };

        var ungated = workspace.RunApp(MSTest, [], flaky);
        var gated = workspace.RunApp(MSTest, ["--quality-gates-max-flaky-tests", "0"], flaky);

        // MSTest's [Retry] reports the failed first attempt and the passing second under one test node.
        Assert.Equal(0, ungated.ExitCode);
        Assert.Contains("tests.pass_rate  PASS", ungated.Output);
        Assert.DoesNotContain("tests.flaky", ungated.Output);
        Assert.NotEqual(0, gated.ExitCode);
        Assert.Equal(1, gated.Lines("error QG2030 : 1 flaky test (failed, then passed on a retry) exceeds the staging maximum of 0: "));
        Assert.Contains("PassesOnRetryOnRequest", gated.Output);
    }

    [Fact]
    public void HelpListsTheOptionsAndABadValueIsRefusedWithItsCode()
    {
        var workspace = Get(output);

        var help = workspace.RunApp(XunitV3, ["--help"]);
        var bad = workspace.RunApp(XunitV3, ["--quality-gates-context", "prod"]);
        var diff = workspace.RunApp(XunitV3, ["--quality-gates-new-code-diff", "Both"]);

        Assert.Contains("--quality-gates-context", help.Output);
        Assert.Contains("--quality-gates-min-line-coverage", help.Output);
        Assert.Contains("--quality-gates-strict", help.Output);
        Assert.Contains("--quality-gates-fail-on-any-test-failure", help.Output);
        Assert.Contains("--quality-gates-max-flaky-tests", help.Output);
        Assert.Equal(5, bad.ExitCode);
        Assert.Contains("QG0001", bad.Output);
        // Refused before any test runs, even with new-code coverage off.
        Assert.Equal(5, diff.ExitCode);
        Assert.Contains("QG0011", diff.Output);
    }

    /// <summary>The benchmark settings are catalogue entries, so a test application takes them as its own options.</summary>
    [Fact]
    public void ATestApplicationJudgesBenchmarkExportsGivenAsItsOptions()
    {
        const string SumCsv = "QualityGates.BenchmarkSubject.ParseBenchmarks.SumCsv";
        var workspace = Get(output);
        var reports = workspace.FullPath("bench-mtp-reports");

        var run = workspace.RunApp(XunitV3,
        [
            "--quality-gates-checks", "Benchmarks", "--quality-gates-report-directory", reports,
            "--quality-gates-benchmark-files", Fixtures.Path("benchmarks", "regressed", "*-report-full.json"),
            "--quality-gates-benchmark-baseline-files", Fixtures.Path("benchmarks", "base", "*-report-full.json"),
        ]);

        // Tests pass and a check other than coverage fails: exit code 1 (docs/testing-platform.md).
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, run.Lines("error QG2050 : "));
        Assert.Equal(1, run.Lines("error QG2051 : "));
        Assert.Equal([$"benchmarks.time[{SumCsv}]", $"benchmarks.allocated[{SumCsv}]"], GateReports.In(reports).Failures);
    }

    [Fact]
    public void AProductionRunWithoutCoverageSaysWhatATestApplicationAccepts()
    {
        var workspace = Get(output);
        workspace.ClearReports();

        var production = workspace.RunApp(XunitV3, ["--quality-gates-context", "production"]);

        // No coverage collected, which production requires: the message names what a test application accepts, in its options.
        Assert.NotEqual(0, production.ExitCode);
        Assert.Equal(1, production.Lines("error QG2002 : No coverage results were given, and the production context requires it. Collect coverage with coverlet.MTP"));
        Assert.Contains("pass --quality-gates-strict false.", production.Output);
        Assert.DoesNotContain("--collect", production.Output);
    }

    [Fact]
    public void EvaluateTargetInATestApplicationWithoutResultFilesSaysWhy()
    {
        var workspace = Get(output);

        var run = workspace.Dotnet(["msbuild", Path.Combine(XunitV3, XunitV3 + ".csproj"), "-t:QualityGatesEvaluate", "-p:Configuration=Release", "-tl:off"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG0010"], run.GateErrorCodes);
    }

    [Fact]
    public void TheEngineStaysOutOfTheTestProjectsCompileReferences()
    {
        var workspace = Get(output);
        var folder = Path.GetDirectoryName(workspace.App(XunitV3))!;

        // Only the extension's entry type is compiled against; the engine and Npgsql sit in qualitygates/.
        Assert.False(File.Exists(Path.Combine(folder, "QualityGates.Core.dll")));
        Assert.True(File.Exists(Path.Combine(folder, "qualitygates", "QualityGates.Core.dll")));
        Assert.True(File.Exists(Path.Combine(folder, "qualitygates", "Npgsql.dll")));
        Assert.DoesNotContain("QualityGates.Core", File.ReadAllText(Path.Combine(folder, XunitV3 + ".deps.json")));
    }

    /// <summary>The coverage files a report's JSON says the gate read.</summary>
    private static List<string> CoverageInputs(string reportFolder)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(GateReports.In(reportFolder).JsonReports.Single()));
        return report.RootElement.GetProperty("inputs").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "Cobertura")
            .Select(i => i.GetProperty("path").GetString()!)
            .ToList();
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
