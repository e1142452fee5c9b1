using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Gates;

public class TestPassRateCheckTests
{
    [Fact]
    public void FailsBelowTheProductionMinimumWithTheSpecMessage()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Tests = TestRun(970, 30) });

        var check = report.Check(GateNames.TestPassRate);
        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Equal(0.97, check.Value);
        Assert.Equal(0.98, check.Threshold);
        Assert.Equal(ErrorCodes.TestPassRateBelowMinimum, check.Code);
        Assert.Equal("Test pass rate 97.0% is below the production minimum of 98.0% (970 of 1000 passed)", check.Message);
    }

    [Fact]
    public void TheSameRunPassesUnderDevelopment()
    {
        var report = Run(DeploymentContext.Development, new GateInputs { Tests = TestRun(970, 30) });

        var check = report.Check(GateNames.TestPassRate);
        Assert.Equal(GateStatus.Passed, check.Status);
        Assert.Null(check.Code);
        Assert.StartsWith("Test pass rate 97.0% meets the development minimum of 80.0%", check.Message);
    }

    [Fact]
    public void SkippedTestsCountNeitherWayButAreShown()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Tests = TestRun(98, 2, skipped: 50) });

        var check = report.Check(GateNames.TestPassRate);
        Assert.Equal(GateStatus.Passed, check.Status);
        Assert.Equal(0.98, check.Value);
        Assert.Contains("(98 of 100 passed, 50 skipped)", check.Message);
    }

    [Fact]
    public void ExactlyTheMinimumPasses()
    {
        var report = Run(DeploymentContext.Staging, new GateInputs { Tests = TestRun(95, 5) });

        Assert.Equal(GateStatus.Passed, report.Check(GateNames.TestPassRate).Status);
    }

    [Fact]
    public void ARateThatRoundsToTheMinimumIsShownWithMoreDigits()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Tests = TestRun(9795, 205) });

        var check = report.Check(GateNames.TestPassRate);
        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.StartsWith("Test pass rate 97.95% is below the production minimum of 98.00%", check.Message);
    }

    [Fact]
    public void NoExecutedTestFails()
    {
        var report = Run(DeploymentContext.Development, new GateInputs { Tests = TestRun(0, 0, skipped: 3) });

        var check = report.Check(GateNames.TestPassRate);
        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Null(check.Value);
        Assert.Contains("No test was executed (3 found, 3 skipped)", check.Message);
    }

    [Fact]
    public void AnAbortedRunWithNoTestsFailsAndSaysItAborted()
    {
        var report = Run(DeploymentContext.Development, new GateInputs { Tests = new() { Aborted = true } });

        var check = report.Check(GateNames.TestPassRate);
        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.StartsWith("The test run aborted before any test was executed", check.Message);
    }

    [Fact]
    public void MissingTestResultsAreSkippedOrFailInStrictMode()
    {
        var lenient = Run(DeploymentContext.Staging, new GateInputs()).Check(GateNames.TestPassRate);
        var strict = Run(DeploymentContext.Staging, new GateInputs(), strict: true).Check(GateNames.TestPassRate);

        Assert.Equal(GateStatus.Skipped, lenient.Status);
        Assert.Null(lenient.Code);
        Assert.Equal(GateStatus.Failed, strict.Status);
        Assert.Equal(ErrorCodes.TestPassRateBelowMinimum, strict.Code);
        Assert.Contains("strict mode", strict.Message);
    }
}
