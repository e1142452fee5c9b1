using QualityGates.Configuration;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The gate owns the test application's verdict, as it does in VSTest mode: a run that meets the
/// context passes even when a tolerated test failed, and a run that misses it fails even when every
/// test passed. The platform computes its exit code from the test results alone and offers extensions
/// no way to set it, so the judging process sets its own exit code when it ends (measured on
/// Microsoft.Testing.Platform 1.9 to 2.5 and the .NET 10.0.401 SDK's <c>dotnet test</c>, which reads the
/// process's exit code). Only the judging process may do so: a test host whose exit code differs from
/// the one it reported to its controller fails the run with code 7.
/// </summary>
internal sealed class GateExitCode
{
    /// <summary>The platform's code for a run with at least one failed test.</summary>
    public const int TestsFailed = 2;

    /// <summary>The platform's code for a failed coverage threshold (Microsoft.Testing.Platform 2.4 and later).</summary>
    public const int CoverageThresholdFailed = 14;

    /// <summary>A blocked gate in a run where no test failed and no coverage check failed: the code of a blocked VSTest run too.</summary>
    public const int GateBlocked = 1;

    private int _armed;

    /// <summary>Sets the process's exit code from the gate's result when the process exits (once).</summary>
    public void Apply(GateSessionResult result)
    {
        if (Interlocked.Exchange(ref _armed, 1) == 0)
        {
            var blocked = result.Blocked;
            var testGateFailed = result.Runs.Any(r => r.Report?.FailedChecks.Any(c => IsTestGate(c.Gate)) == true);
            var coverageFailed = result.Runs.Any(r => r.Report?.FailedChecks.Any(c => PlatformCoverage.IsCoverageGate(c.Gate)) == true);
            // A project that handed its results to a solution run leaves its failed tests to the solution's verdict.
            var testsFailed = result.Run.Report?.Inputs.Tests is { Failed: > 0 } || result.Run.HandedToSolution;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Environment.ExitCode = Decide(Environment.ExitCode, blocked, coverageFailed, testsFailed, testGateFailed);
        }
    }

    /// <summary>
    /// The exit code for the platform's own: a blocked gate never exits 0 (the platform's non-zero code is
    /// kept, else 2 for a failed test check — a solution's verdict judged in an application whose own tests
    /// passed —, else 14 for a failed coverage check, else 1); a passing gate clears the platform's
    /// failed-test code 2 for the failures it tolerated or handed to a solution run. Every other code
    /// (aborted, no tests, a crash) stands.
    /// </summary>
    public static int Decide(int platformCode, bool blocked, bool coverageFailed, bool testsFailed, bool testGateFailed = false) =>
        blocked
            ? platformCode != 0 ? platformCode : testGateFailed ? TestsFailed : coverageFailed ? CoverageThresholdFailed : GateBlocked
            : platformCode == TestsFailed && testsFailed ? 0 : platformCode;

    private static bool IsTestGate(string gate) => gate is GateNames.TestPassRate or GateNames.AnyTestFailure or GateNames.FlakyTests;
}
