namespace QualityGates.Testing.Platform.Tests;

/// <summary>The gate owns the test application's exit code: one verdict, as in VSTest mode.</summary>
public sealed class GateExitCodeTests
{
    [Fact]
    public void APassingGateClearsThePlatformsFailedTestCodeForToleratedFailures()
    {
        Assert.Equal(0, GateExitCode.Decide(platformCode: 2, blocked: false, coverageFailed: false, testsFailed: true));
    }

    [Fact]
    public void APassingGateKeepsEveryOtherCodeOfThePlatform()
    {
        // 3 aborted, 7 test host crashed, 8 no test ran, 14 a producer's own coverage threshold (coverlet's --coverlet-threshold).
        Assert.Equal([0, 3, 7, 8, 14], new[] { 0, 3, 7, 8, 14 }.Select(code => GateExitCode.Decide(code, blocked: false, coverageFailed: false, testsFailed: false)));
        // Code 2 without a failed test the gate counted is not the gate's to clear.
        Assert.Equal(2, GateExitCode.Decide(2, blocked: false, coverageFailed: false, testsFailed: false));
    }

    [Fact]
    public void ABlockedGateNeverExitsZero()
    {
        Assert.Equal(14, GateExitCode.Decide(0, blocked: true, coverageFailed: true, testsFailed: false));
        Assert.Equal(1, GateExitCode.Decide(0, blocked: true, coverageFailed: false, testsFailed: false));
        Assert.Equal(2, GateExitCode.Decide(2, blocked: true, coverageFailed: true, testsFailed: true));
        Assert.Equal(14, GateExitCode.Decide(14, blocked: true, coverageFailed: true, testsFailed: false));
    }

    [Fact]
    public void ASolutionsFailedTestCheckJudgedInAGreenApplicationExitsWithTheFailedTestCode()
    {
        // The judging application's own tests passed (platform code 0); the solution's pass rate and coverage failed.
        Assert.Equal(2, GateExitCode.Decide(0, blocked: true, coverageFailed: true, testsFailed: false, testGateFailed: true));
        Assert.Equal(14, GateExitCode.Decide(0, blocked: true, coverageFailed: true, testsFailed: false, testGateFailed: false));
    }
}
