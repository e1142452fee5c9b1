using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Gates;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Gates;

/// <summary>Production fails closed: a selected check without input fails unless strict mode is turned off explicitly.</summary>
public class FailClosedTests
{
    [Fact]
    public void ProductionFailsLineCoverageWithoutCoverageAndSaysHowToCollectIt()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Tests = TestRun(passed: 10, failed: 0) }, strict: null);
        var check = report.Check(GateNames.LineCoverage);

        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Equal(ErrorCodes.LineCoverageBelowMinimum, check.Code);
        Assert.StartsWith("No coverage results were given, and the production context requires it. Collect coverage: dotnet test --collect \"XPlat Code Coverage\"", check.Message);
        Assert.Contains("coverlet.msbuild", check.Message);
        Assert.Contains("QualityGatesCoverageFiles", check.Message);
        Assert.EndsWith("To allow a run without it, set QualityGatesStrict=false.", check.Message);
        Assert.True(report.Strict);
    }

    [Fact]
    public void EachModeIsToldHowToProvideTheInputInItsOwnWords()
    {
        string Message(Adapter mode) => new QualityGate(new GateOptions(DeploymentContext.Production) { Names = SettingNames.For(mode) })
            .Evaluate(new GateInputs { Tests = TestRun(passed: 10, failed: 0) }, null).Check(GateNames.LineCoverage).Message;

        var cli = Message(Adapter.Cli);
        var platform = Message(Adapter.TestingPlatform);

        Assert.Contains("Name the Cobertura files (--coverage)", cli);
        Assert.EndsWith("To allow a run without it, pass --strict false.", cli);
        // A test application refuses --collect and --strict: it is told what it accepts.
        Assert.Contains("coverlet.MTP", platform);
        Assert.Contains("(--quality-gates-coverage)", platform);
        Assert.EndsWith("To allow a run without it, pass --quality-gates-strict false.", platform);
        Assert.DoesNotContain("--collect", platform);
        Assert.DoesNotContain(" --strict", platform);
        Assert.DoesNotContain("QualityGates", platform.Replace("--quality-gates-", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void ProductionSkipsMissingInputsWhenStrictModeIsTurnedOff()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Tests = TestRun(passed: 10, failed: 0) }, strict: false);

        Assert.Equal(GateStatus.Skipped, report.Check(GateNames.LineCoverage).Status);
        Assert.False(report.Strict);
        Assert.True(report.AllPassed);
    }

    [Theory]
    [InlineData(DeploymentContext.Development)]
    [InlineData(DeploymentContext.Staging)]
    public void OtherContextsSkipMissingInputsByDefault(object contextValue)
    {
        var context = (DeploymentContext)contextValue;
        var report = Run(context, new GateInputs { Tests = TestRun(passed: 10, failed: 0) }, strict: null);

        Assert.Equal(GateStatus.Skipped, report.Check(GateNames.LineCoverage).Status);
        Assert.False(report.Strict);
    }
}
