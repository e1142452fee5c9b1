using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Reports;
using QualityGates.Running.Solution;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Running;

/// <summary>
/// Starting a solution run: one run of a solution at a time (a second waits, then refuses with QG0090), a run
/// whose owner ended is reported (QG0091) and cleared, the report files are marked incomplete from the start,
/// and a report folder that is not a folder is QG1070.
/// </summary>
public sealed class SolutionRunStartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Reports => Path.Combine(_dir.Path, ".quality-gates");

    private string SolutionFile => Path.Combine(_dir.Path, "Shop.slnx");

    private string Claim => Path.Combine(Reports, "run", SolutionRunFolder.ClaimFileName);

    private SolutionRunStartRequest Request(SolutionRunOwner? owner = null, TimeSpan? wait = null, Action<string>? waiting = null) => new()
    {
        ReportFolder = Reports,
        SolutionFile = SolutionFile,
        Members = [Path.Combine(_dir.Path, "A.Tests", "A.Tests.csproj"), Path.Combine(_dir.Path, "B.Tests", "B.Tests.csproj")],
        Judge = SolutionJudge.LastHandIn,
        Owner = owner,
        Wait = wait ?? SolutionRunStart.DefaultWait,
        Waiting = waiting,
    };

    /// <summary>This process with another start time: an id the system has since given to another process, so the owner is gone.</summary>
    private static SolutionRunOwner EndedOwner => SolutionRunOwner.Current() with { StartedUtcTicks = 1 };

    [Fact]
    public void MarksThePreviousVerdictIncompleteSoAnInterruptedRunNeverLeavesAPassedSetLookingCurrent()
    {
        Directory.CreateDirectory(Reports);
        foreach (var name in new[] { "latest.json", "junit-gates.xml", "gates.html" })
        {
            File.WriteAllText(Path.Combine(Reports, name), "PASSED");
        }

        File.WriteAllText(Path.Combine(Reports, "report-20260101T000000000Z-00000000.json"), "{}");

        var started = SolutionRunStart.Start(Request());

        Assert.Empty(started.Diagnostics);
        using var latest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Reports, "latest.json")));
        Assert.Equal(("incomplete", false, "Shop", started.RunId), (latest.RootElement.GetProperty("status").GetString(),
            latest.RootElement.GetProperty("allPassed").GetBoolean(), latest.RootElement.GetProperty("modelName").GetString(), latest.RootElement.GetProperty("runId").GetString()));
        Assert.False(latest.RootElement.TryGetProperty("schemaVersion", out _));
        var junit = File.ReadAllText(Path.Combine(Reports, "junit-gates.xml"));
        Assert.Contains("<testsuite name=\"QualityGates.Shop\" tests=\"1\" failures=\"0\" errors=\"1\"", junit);
        Assert.Contains($"<error type=\"incomplete\" message=\"The solution run {started.RunId} of Shop started at ", junit);
        Assert.Contains("<h1>INCOMPLETE</h1>", File.ReadAllText(Path.Combine(Reports, "gates.html")));
        // The history of complete verdicts stays.
        Assert.Equal("{}", File.ReadAllText(Path.Combine(Reports, "report-20260101T000000000Z-00000000.json")));
        Assert.StartsWith($"run={started.RunId}\nowner={Environment.ProcessId}\n", File.ReadAllText(Claim));
    }

    [Fact]
    public void ASecondRunWaitsWhileTheFirstRunsThenRefusesWithQG0090()
    {
        var first = SolutionRunStart.Start(Request());
        var told = new List<string>();

        var second = SolutionRunStart.Start(Request(wait: TimeSpan.FromSeconds(2), waiting: told.Add));

        Assert.Null(second.RunId);
        var error = Assert.Single(second.Diagnostics);
        Assert.Equal((ErrorCodes.SolutionRunBusy, SolutionFile), (error.Code, error.File));
        Assert.StartsWith($"Another dotnet test of Shop.slnx is still running its solution run {first.RunId} (started ", error.Message);
        Assert.StartsWith($"run {first.RunId} (started ", Assert.Single(told));
        // The first run's files are untouched: its claim and manifest are still there.
        Assert.StartsWith($"run={first.RunId}\n", File.ReadAllText(Claim));
        Assert.True(File.Exists(Path.Combine(Reports, "run", first.RunId!, SolutionRunFolder.ManifestFileName)));
    }

    [Fact]
    public async Task ASecondRunStartsAsSoonAsTheFirstEnds()
    {
        var first = SolutionRunStart.Start(Request());
        var told = new TaskCompletionSource<string>();
        var second = Task.Run(() => SolutionRunStart.Start(Request(wait: TimeSpan.FromMinutes(1), waiting: told.SetResult)));
        await told.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var run = SolutionRunFolder.Find(new SolutionOptions { Scope = GateScope.Solution, Directory = Reports, ProjectFile = Path.Combine(_dir.Path, "A.Tests", "A.Tests.csproj") }, out _)!;
        Assert.Equal(first.RunId, run.RunId);
        run.Complete();

        var started = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(started.Diagnostics);
        Assert.NotEqual(first.RunId, started.RunId);
        Assert.Equal([started.RunId], Directory.GetDirectories(Path.Combine(Reports, "run")).Select(Path.GetFileName));
    }

    [Fact]
    public void ARunWhoseOwnerEndedIsReportedWithQG0091AndCleared()
    {
        var interrupted = SolutionRunStart.Start(Request(owner: EndedOwner));
        File.WriteAllText(Path.Combine(Reports, "run", interrupted.RunId!, "A.Tests-0123456789ab.json"), "{}");

        var next = SolutionRunStart.Start(Request(wait: TimeSpan.FromSeconds(30)));

        var warning = Assert.Single(next.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, ErrorCodes.SolutionRunInterrupted, SolutionFile), (warning.Severity, warning.Code, warning.File));
        Assert.StartsWith($"The previous solution run {interrupted.RunId} (started ", warning.Message);
        Assert.Contains("never ended: its process is gone (handed in so far: A.Tests)", warning.Message);
        Assert.Equal([next.RunId], Directory.GetDirectories(Path.Combine(Reports, "run")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(".quality-gates")]
    [InlineData(".quality-gates/run")]
    public void AReportFolderThatIsAFileIsQG1070NamingIt(string file)
    {
        var path = Path.Combine(_dir.Path, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not a folder");

        var started = SolutionRunStart.Start(Request());

        Assert.Null(started.RunId);
        var error = Assert.Single(started.Diagnostics);
        Assert.Equal((ErrorCodes.SolutionReportFolderNotAFolder, Path.GetFullPath(path)), (error.Code, error.File));
        Assert.Equal($"The solution report folder '{Path.GetFullPath(path)}' is a regular file, not a folder, so the solution gate of Shop.slnx cannot run there. Remove it, or set QualityGatesSolutionReportDirectory to another folder.", error.Message);
    }

    [Fact]
    public void AReportFileThatIsAFifoStopsTheStartWithACodeAndClaimsNothing()
    {
        SpecialFiles.Fifo(Path.Combine(Reports, "gates.html"));

        var started = SpecialFiles.Within(() => SolutionRunStart.Start(Request()));

        Assert.Null(started.RunId);
        Assert.Equal(ErrorCodes.ReportFileNotRegular, Assert.Single(started.Diagnostics).Code);
        Assert.False(File.Exists(Claim));
    }

    [Fact]
    public void TheIncompleteMarkerNamesTheProjectsThatHandedInNothing()
    {
        var marker = new IncompleteRunReport("Shop", SolutionFile, "abc", new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc), "B.Tests handed in no results.", ["B.Tests"]);

        Assert.Equal("The solution run abc of Shop started at 2026-07-01 08:00:00 UTC ended without a verdict: B.Tests handed in no results.", marker.Message);
        Assert.Contains("<li><code>B.Tests</code></li>", System.Text.Encoding.UTF8.GetString(marker.ToHtml()));
    }
}
