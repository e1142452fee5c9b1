using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace QualityGates.BenchmarkSubject;

/// <summary>
/// BenchmarkDotNet's clock for these fixtures: the CPU time of the measuring thread (Linux
/// <c>CLOCK_THREAD_CPUTIME_ID</c>), not the wall clock. The fixtures are made on a 2-core machine shared with
/// other work, whose load would move wall-clock figures by more than the gate's threshold between two runs
/// of the same code; the thread's CPU time does not count the time others ran. Benchmarks run in process, on
/// the thread that reads this clock.
/// </summary>
internal sealed class ThreadCpuClock : IClock
{
    private const int ThreadCpuTimeId = 3;

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux() && Read(out _);

    public Frequency Frequency => new(1_000_000_000);

    public long GetTimestamp() => Read(out var nanoseconds) ? nanoseconds : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");

    private static bool Read(out long nanoseconds)
    {
        var ok = clock_gettime(ThreadCpuTimeId, out var time) == 0;
        nanoseconds = (time.Seconds * 1_000_000_000) + time.Nanoseconds;
        return ok;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
