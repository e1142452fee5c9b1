namespace QualityGates.Testing.Platform;

/// <summary>
/// Makes the test application's process fail when the gate blocked, whatever exit code the platform
/// computed. The platform offers extensions no way to set its exit code (Microsoft.Testing.Platform's
/// TestApplicationResult decides it from test results alone), so this raises the process exit code at
/// process exit: a run the platform would end with 0 (all tests passed, or their failure ignored with
/// <c>--ignore-exit-code 2</c>) ends with 2, the platform's code for "at least one test failed". A
/// non-zero code the platform chose is kept. Verified on .NET 10: <c>dotnet test</c> reads the process exit code.
/// </summary>
internal sealed class ExitCodeLatch
{
    /// <summary>The code a blocked gate gives a run the platform would have passed.</summary>
    public const int GateFailedExitCode = 2;

    private int _armed;

    /// <summary>Arms the latch once; later calls do nothing.</summary>
    public void Fail()
    {
        if (Interlocked.Exchange(ref _armed, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                if (Environment.ExitCode == 0)
                {
                    Environment.ExitCode = GateFailedExitCode;
                }
            };
        }
    }
}
