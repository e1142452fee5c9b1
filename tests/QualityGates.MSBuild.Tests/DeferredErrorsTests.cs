using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>
/// DeferErrors (what the targets use): a blocked run's errors are handed back instead of logged, so the
/// QualityGatesBlocked hooks can run first; LogQualityGateErrors logs them afterwards, unchanged.
/// </summary>
public sealed class DeferredErrorsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void HandsBackTheFailedChecksErrorsAndTheVerdictWithoutFailing()
    {
        var run = NewRun().BlockedByCoverage();
        run.Task.DeferErrors = true;

        Assert.True(run.Execute());

        Assert.Empty(run.Engine.Errors);
        Assert.Equal("false", run.Task.AllPassed);
        var deferred = Assert.Single(run.Task.DeferredErrors);
        Assert.Equal("QG2002", deferred.GetMetadata("Code"));
        Assert.Equal(RecordingBuildEngine.ProjectFile, deferred.GetMetadata("File"));
        Assert.StartsWith("Line coverage 75.0% is below the production minimum of 90.0%", deferred.GetMetadata("Message"));
        Assert.Equal("Failed", run.Result("coverage.line").GetMetadata("Status"));
        Assert.Equal(5, run.Task.ReportFiles.Length);
    }

    [Fact]
    public void LogsTheDeferredErrorsAsTheTaskWouldHave()
    {
        var direct = NewRun().BlockedByCoverage();
        Assert.False(direct.Execute());
        var deferred = NewRun().BlockedByCoverage();
        deferred.Task.DeferErrors = true;
        deferred.Execute();
        var engine = new RecordingBuildEngine();

        var logged = new LogQualityGateErrors { BuildEngine = engine, Errors = deferred.Task.DeferredErrors }.Execute();

        Assert.False(logged);
        var expected = Assert.Single(direct.Engine.Errors);
        var actual = Assert.Single(engine.Errors);
        Assert.Equal((expected.Code, expected.File, expected.LineNumber, expected.Message), (actual.Code, actual.File, actual.LineNumber, actual.Message));
    }

    [Fact]
    public void BlocksTheRunAndDefersTheAnyTestFailureError()
    {
        var run = NewRun().BlockedByAnyTestFailure();
        run.Task.DeferErrors = true;

        Assert.True(run.Execute());

        // The pass rate meets development's minimum; the any-failure check alone blocks, so QualityGatesBlocked runs.
        Assert.Equal("false", run.Task.AllPassed);
        Assert.Equal("Passed", run.Result("tests.pass_rate").GetMetadata("Status"));
        Assert.Equal("Failed", run.Result("tests.any_failure").GetMetadata("Status"));
        Assert.Equal(["QG2012"], run.Task.DeferredErrors.Select(e => e.ItemSpec));
    }

    [Fact]
    public void StillLogsABadSettingAtOnceWithNoVerdict()
    {
        var run = NewRun().BlockedByCoverage();
        run.Set("Context", "prod");
        run.Task.DeferErrors = true;

        Assert.False(run.Execute());

        Assert.Equal(["QG0001"], run.Engine.ErrorCodes);
        Assert.Equal(string.Empty, run.Task.AllPassed);
        Assert.Empty(run.Task.DeferredErrors);
    }

    [Fact]
    public void ReportsAPassingVerdictWithNothingDeferred()
    {
        var run = NewRun().Passing();
        run.Task.DeferErrors = true;

        Assert.True(run.Execute());

        Assert.Equal("true", run.Task.AllPassed);
        Assert.Empty(run.Task.DeferredErrors);
        Assert.Equal(["JUnit", "Json", "Latest", "Html"], run.Task.ReportFiles.Select(f => f.GetMetadata("Kind")));
    }

    [Fact]
    public void NamesTheCoberturaFilesItReadForTheCoverageReport()
    {
        var run = NewRun().Passing();

        Assert.True(run.Execute());

        Assert.Equal([GateFixtures.Coverage], run.Task.JudgedCoverageFiles.Select(f => f.ItemSpec));

        var noCoverage = NewRun().Passing();
        noCoverage.Set("CoverageFiles", []);
        Assert.True(noCoverage.Execute());
        Assert.Empty(noCoverage.Task.JudgedCoverageFiles);
    }

    private TaskRun NewRun() => new(_temp.Path, Path.Combine(_temp.Path, ".quality-gates"));
}
