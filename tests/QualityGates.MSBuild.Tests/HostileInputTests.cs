using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>
/// Hostile inputs in the MSBuild adapter: everything the task logs that came from an input (file names in
/// errors, warnings, deferred errors, echoed inputs) reaches the build log neutralised, and a planted
/// link in the report folder is a coded error with nothing written through it.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Smuggled = "x\n##vso[task.setvariable variable=X]evil\n::error::forged\u001b[2J\u202E.trx";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AHostileTrxFileNameReachesTheLogInert()
    {
        var trx = _temp.Write(Smuggled, "<TestRun");
        var run = NewRun();
        run.Set("Checks", ["Tests"]);
        run.Set("TestResultFiles", [trx]);

        Assert.False(run.Execute());

        Assert.Equal(["QG1003"], run.Engine.ErrorCodes);
        var logged = run.Engine.Errors.Select(e => e.File + " " + e.Message)
            .Concat(run.Engine.Warnings.Select(w => w.File + " " + w.Message))
            .Concat(run.Engine.Messages.Select(m => m.Message ?? string.Empty));
        foreach (var text in logged)
        {
            AssertInert(text);
        }
    }

    [Fact]
    public void DeferredErrorsAreLoggedInertToo()
    {
        var item = new Microsoft.Build.Utilities.TaskItem("QG1003");
        item.SetMetadata("Message", "bad file " + Smuggled);
        item.SetMetadata("File", Smuggled);
        var engine = new RecordingBuildEngine();

        new LogQualityGateErrors { BuildEngine = engine, Errors = [item] }.Execute();

        var error = Assert.Single(engine.Errors);
        AssertInert(error.Message!);
        AssertInert(error.File!);
    }

    [Fact]
    public void APlantedLinkInTheReportFolderIsACodedErrorAndTheVictimIsUntouched()
    {
        var victim = _temp.Write("victim.txt", "keep\n");
        var run = NewRun();
        SpecialFiles.Link(Path.Combine(run.ReportDirectory, "latest.json"), victim);
        run.Set("Checks", ["Tests"]);
        run.Set("TestResultFiles", [Fixtures.Path("trx", "guardclauses-xunit-failskip.trx")]);
        run.Set("Context", "development");

        Assert.False(run.Execute());

        Assert.Equal(["QG5005"], run.Engine.ErrorCodes);
        Assert.Equal("keep\n", File.ReadAllText(victim));
    }

    private TaskRun NewRun()
    {
        var reports = Path.Combine(_temp.Path, "reports");
        Directory.CreateDirectory(reports);
        return new TaskRun(_temp.Path, reports);
    }

    private static void AssertInert(string text)
    {
        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain("##vso[", text, StringComparison.OrdinalIgnoreCase);
        Assert.False(text.TrimStart().StartsWith("::", StringComparison.Ordinal), text);
        Assert.DoesNotContain(text, c => c is '\u001b' or '\u202E');
    }
}
