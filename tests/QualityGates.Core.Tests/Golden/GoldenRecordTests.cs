using Npgsql;
using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running.Solution;
using QualityGates.Tests.Registry;

namespace QualityGates.Tests.Golden;

/// <summary>
/// Registry records of every kind as both stores keep them (a folder's JSON Lines file, a database's
/// <c>record</c> column: the same bytes), and a solution run's project hand-in, against committed files.
/// </summary>
public sealed class GoldenRecordTests
{
    private static readonly ModelIdentity Veran = new("veran", "v6.2");
    private static readonly DateTimeOffset Time = GoldenReportTests.Time;

    [Theory, FolderStore, PostgresStore]
    public void RecordsOfEveryKindAreStoredAsTheirGoldenLines(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Migrate();
        foreach (var record in Records())
        {
            scene.Registry.Append(record);
        }

        var stored = scene.Database is null ? File.ReadAllText(scene.FileOf("veran")) : string.Concat(DatabaseLines(scene.Setting).Select(l => l + "\n"));

        Assert.Equal(GoldenFile.Expected(Path.Combine(GoldenReportTests.Folder, "registry-records.jsonl"), stored), stored);
        Assert.Equal(stored, string.Concat(scene.Stored("veran").Select(r => RegistryRecordJson.ToLine(r) + "\n")));
    }

    [Fact]
    public void ProjectHandInOfASolutionRun()
    {
        var tests = new TestRunSummary
        {
            RunId = "5b8e1c7a-0d3f-4b8e-9a43-2f4c1d9e7a10",
            Total = 12,
            Passed = 9,
            Failed = 2,
            Skipped = 1,
            Duration = TimeSpan.FromSeconds(3.25),
            FailedTests =
            [
                new FailedTest("Veran.Tests.CalcTests.Adds(a: 1, b: <2>)", "Expected 3 & got \"4\" — é", "/src/Veran.Tests/CalcTests.cs",
                    "   at Veran.Tests.CalcTests.Adds(Int32 a, Int32 b) in /src/Veran.Tests/CalcTests.cs:line 42"),
                new FailedTest("Veran.Tests.CalcTests.Divides", "System.DivideByZeroException"),
            ],
            SourceFiles = ["/builds/Veran.Tests/TestResults/run.trx"],
            CoverageAttachments = ["/builds/Veran.Tests/TestResults/5b8e/coverage.cobertura.xml"],
        };
        var handIn = new ProjectHandIn("/builds/Veran.Tests/Veran.Tests.csproj", "Veran.Tests", tests,
            ["/builds/Veran.Tests/TestResults/5b8e/coverage.cobertura.xml"], ["Veran.Tests"], new CoverageCounts(410, 500, 33, 40))
        {
            Warnings = [new HandInWarning("QG0021", "Two TRX files share run id 5b8e but not their bytes.", "/builds/Veran.Tests/TestResults/run.trx", 0)],
        };
        var actual = GoldenFile.Normalise(handIn.ToUtf8());

        Assert.Equal(GoldenFile.Expected(Path.Combine(GoldenReportTests.Folder, "solution-hand-in.json"), actual), actual);
        Assert.Equal(actual, GoldenFile.Normalise(ReadBack(handIn).ToUtf8()));
    }

    private static ProjectHandIn ReadBack(ProjectHandIn handIn)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "hand-in.json");
        File.WriteAllBytes(path, handIn.ToUtf8());
        return ProjectHandIn.Read(path);
    }

    /// <summary>One record of each kind, with every optional member present in one of them and absent in another.</summary>
    private static IEnumerable<RegistryRecord> Records()
    {
        var report = new ReportReference
        {
            File = "/builds/veran/.quality-gates/report-20261130T081530123Z-0a1b2c3d.json",
            Timestamp = Time,
            Strict = true,
            AllPassed = true,
            Checks =
            [
                new ReportCheckEntry(GateNames.TestPassRate, GateStatus.Passed),
                new ReportCheckEntry(GateNames.LineCoverage, GateStatus.Waived, "QG2021"),
                new ReportCheckEntry("coverage.branch", GateStatus.Warning, "QG2018"),
                new ReportCheckEntry("model.quality", GateStatus.Skipped),
            ],
            Waivers =
            [
                new ReportWaiverEntry("gate coverage.line", "alice@example.com", "legacy module <being> rewritten & \"tested\"", "2026-12-20", "applied"),
                new ReportWaiverEntry("advisory CVE-2019-18224 in libidn2-0", "team-platform@example.com", "no fix yet", "2027-01-31", "unused"),
            ],
        };
        var n = 0;
        RegistryRecord Record(RegistryRecordKind kind, DeploymentContext context, string by) => new()
        {
            Id = (++n).ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
            Kind = kind,
            Timestamp = Time.AddMinutes(n),
            Model = Veran,
            Context = context,
            By = by,
        };

        yield return Record(RegistryRecordKind.Approved, DeploymentContext.Staging, "qa@example.com") with { Notes = "Passed all staging gates ≥ 90 % → ship; multi\nline <notes> & \"quotes\" 😀", Report = report };
        yield return Record(RegistryRecordKind.Approved, DeploymentContext.Production, "release-bot");
        yield return Record(RegistryRecordKind.Deployed, DeploymentContext.Production, "deployer") with { Target = "eu-west/slot-2" };
        yield return Record(RegistryRecordKind.Blocked, DeploymentContext.Production, "ci-runner") with
        {
            Reason = "1 of 2 checks failed (coverage.line)",
            Report = report with { File = null, Strict = false, AllPassed = false, Checks = [new ReportCheckEntry(GateNames.LineCoverage, GateStatus.Failed, "QG2002")], Waivers = [] },
        };
        yield return Record(RegistryRecordKind.Rejected, DeploymentContext.Production, "bob") with { Reason = "Security vulnerabilities found", Notes = "see JIRA-1" };
        yield return Record(RegistryRecordKind.RolledBack, DeploymentContext.Production, "oncall") with { Reason = "latency spike", Target = "eu-west/slot-2" };
    }

    private static List<string> DatabaseLines(string connection)
    {
        using var data = NpgsqlDataSource.Create(connection);
        using var command = data.CreateCommand("SELECT record FROM qualitygates_records ORDER BY model, seq");
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
