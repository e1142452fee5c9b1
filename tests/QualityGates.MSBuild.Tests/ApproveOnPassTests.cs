using Microsoft.Build.Framework;
using QualityGates.Configuration;
using QualityGates.Metrics;
using QualityGates.MSBuild.Tests.Support;
using QualityGates.Registry;

namespace QualityGates.MSBuild.Tests;

/// <summary>QualityGatesApproveOnPass: the registry records the gate's verdict; registry problems are coded, the verdict stays the gate's.</summary>
public sealed class ApproveOnPassTests : IDisposable
{
    private static readonly ModelIdentity Model = new("veran", "v6.2");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string RegistryFolder => Path.Combine(_temp.Path, "registry");

    [Fact]
    public void ApprovesAPassingRunFromTheReportJustWritten()
    {
        var run = NewRun().Passing();
        run.Set("ApprovedBy", "qa@example.com");

        Assert.True(run.Execute());

        var status = new ApprovalRegistry(RegistryFolder).GetStatus(Model, DeploymentContext.Development);
        Assert.Empty(status.Warnings);
        Assert.True(status.Value.IsApproved);
        var record = status.Value.LatestDecision!;
        Assert.Equal("qa@example.com", record.By);
        Assert.Equal(Assert.Single(run.Task.ReportFiles, f => f.GetMetadata("Kind") == "Json").ItemSpec, record.Report!.File);
        Assert.True(record.Report.AllPassed);
        Assert.Contains(run.Engine.MessagesAt(MessageImportance.High), m => m.StartsWith("Quality gates registry: veran v6.2 approved for development by qa@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void RecordsABlockedRunAndKeepsTheGatesError()
    {
        var run = NewRun().BlockedByCoverage();
        run.Environment["GITHUB_ACTOR"] = "octocat";

        Assert.False(run.Execute());

        Assert.Equal(["QG2002"], run.Engine.ErrorCodes);
        var record = new ApprovalRegistry(RegistryFolder).GetStatus(Model, DeploymentContext.Production).Value.LatestDecision!;
        Assert.Equal(RegistryRecordKind.Blocked, record.Kind);
        Assert.Equal("octocat", record.By);
        Assert.Equal("Gate failed: coverage.line (QG2002)", record.Reason);
    }

    [Fact]
    public void ResolvesARelativeRegistryAgainstTheProjectFolderAndDefaultsToModelsRegistry()
    {
        var run = NewRun().Passing();
        run.Set("Registry", (string?)null);
        run.Environment["QUALITYGATES_USER"] = "ci-bot";

        Assert.True(run.Execute());

        var file = Path.Combine(_temp.Path, "models", "registry", "veran.jsonl");
        Assert.True(File.Exists(file));
        var line = Assert.Single(File.ReadAllLines(file));
        Assert.Contains("\"kind\":\"approved\"", line);
        Assert.Contains("\"by\":\"ci-bot\"", line);
    }

    [Fact]
    public void WritesNothingWhenOff()
    {
        var run = NewRun().Passing();
        run.Set("ApproveOnPass", (string?)null);

        Assert.True(run.Execute());

        Assert.False(Directory.Exists(RegistryFolder));
    }

    [Fact]
    public void WarnsAndApprovesNothingWhenThePassingGateJudgedNothing()
    {
        var run = NewRun();
        run.Set("Context", "development");
        run.Set("Checks", ["Model"]);

        Assert.True(run.Execute());

        var warning = Assert.Single(run.Engine.Warnings);
        Assert.Equal("QG3002", warning.Code);
        Assert.Contains("judged no check", warning.Message);
        Assert.EndsWith("Nothing was approved.", warning.Message);
        Assert.False(File.Exists(Path.Combine(RegistryFolder, "veran.jsonl")));
    }

    [Fact]
    public void ApprovesNothingWhenFailOnAnyTestFailureBlocksTheRun()
    {
        var run = NewRun().BlockedByAnyTestFailure();

        Assert.False(run.Execute());

        Assert.Equal(["QG2012"], run.Engine.ErrorCodes);
        Assert.Equal("false", run.Task.AllPassed);
        var status = new ApprovalRegistry(RegistryFolder).GetStatus(Model, DeploymentContext.Development).Value;
        Assert.False(status.IsApproved);
        Assert.Equal(RegistryRecordKind.Blocked, status.LatestDecision!.Kind);
        Assert.Equal("Gate failed: tests.any_failure (QG2012)", status.LatestDecision.Reason);
    }

    [Fact]
    public void RefusesAnEmptyVersionBeforeJudging()
    {
        var run = NewRun().Passing();
        run.Set("ModelVersion", "");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0005", error.Code);
        Assert.Contains("QualityGatesApproveOnPass needs QualityGatesModelName and QualityGatesModelVersion", error.Message);
        Assert.Empty(run.Task.Results);
    }

    [Fact]
    public void RefusesAModelNameThatCannotBeARegistryFile()
    {
        var run = NewRun().Passing();
        run.Set("ModelName", "CON");

        Assert.False(run.Execute());

        Assert.Equal(["QG3004"], run.Engine.ErrorCodes);
    }

    [Fact]
    public void MakesARefusedApproverAnErrorButKeepsThePassingVerdict()
    {
        var run = NewRun().Passing();
        run.Set("ApprovedBy", "qa\u0007bell");
        run.Task.DeferErrors = true;

        Assert.True(run.Execute());

        Assert.Equal("true", run.Task.AllPassed);
        Assert.All(run.Task.Results, r => Assert.NotEqual("Failed", r.GetMetadata("Status")));
        Assert.Equal(["QG3005"], run.Task.DeferredErrors.Select(e => e.ItemSpec));
        Assert.False(File.Exists(Path.Combine(RegistryFolder, "veran.jsonl")));
    }

    [Fact]
    public void MakesAnUnwritableRegistryAnErrorNamingIt()
    {
        // A file where the registry folder should be.
        _temp.Write("registry", "not a folder");
        var run = NewRun().Passing();

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG3008", error.Code);
        Assert.Contains(RegistryFolder, error.Message);
    }

    [Theory, PostgresStore]
    public void ApprovesAPassingRunInAPostgreSqlRegistry(string store)
    {
        using var database = new TestPostgres();
        var run = NewRun().Passing();
        run.Set("Registry", database.Registry);
        run.Set("ApprovedBy", "qa@example.com");

        Assert.True(run.Execute(), store);

        var record = new ApprovalRegistry(database.Registry).GetStatus(Model, DeploymentContext.Development).Value.LatestDecision!;
        Assert.Equal((RegistryRecordKind.Approved, "qa@example.com"), (record.Kind, record.By));
        Assert.StartsWith("postgresql://", record.File);
        Assert.Contains(run.Engine.MessagesAt(MessageImportance.High), m => m.StartsWith("Quality gates registry: veran v6.2 approved for development by qa@example.com (postgresql://", StringComparison.Ordinal));
    }

    [Fact]
    public void MakesAnUnreachableDatabaseAnErrorNamingTheHostAndKeepsTheVerdict()
    {
        var run = NewRun().Passing();
        run.Set("Registry", "postgresql://ci@127.0.0.1:1/qualitygates?connect_timeout=5");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG3020", error.Code);
        Assert.StartsWith("Cannot reach the registry database postgresql://ci@127.0.0.1:1/qualitygates on 127.0.0.1:1", error.Message);
        Assert.Equal("true", run.Task.AllPassed);
        Assert.Contains(run.Engine.MessagesAt(MessageImportance.High), m => m.Contains("tests.pass_rate", StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesARegistryConnectionStringHoldingAPasswordWithoutEchoingIt()
    {
        var run = NewRun().Passing();
        run.Set("Registry", "Host=db.example.com;Database=qualitygates;Username=ci;Password=hunter2");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG3023", error.Code);
        Assert.Contains("QUALITYGATES_REGISTRY_PASSWORD", error.Message);
        var logged = run.Engine.Errors.Select(e => e.Message).Concat(run.Engine.Warnings.Select(w => w.Message))
            .Concat(Enum.GetValues<MessageImportance>().SelectMany(run.Engine.MessagesAt));
        Assert.DoesNotContain(logged, m => m != null && m.Contains("hunter2", StringComparison.Ordinal));
        Assert.Empty(run.Task.Results);
    }

    private TaskRun NewRun()
    {
        var run = new TaskRun(_temp.Path, Path.Combine(_temp.Path, ".quality-gates"));
        run.Set("ModelName", Model.Name);
        run.Set("ModelVersion", Model.Version);
        run.Set("ApproveOnPass", "true");
        run.Set("Registry", "registry");
        return run;
    }
}
