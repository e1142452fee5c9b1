using System.Diagnostics;
using System.Globalization;
using QualityGates.Inputs.Security;

namespace QualityGates.Benchmarks;

/// <summary>
/// One read of one scan in this process (SecurityScanReader, or the DOM reader with --dom), printed as
/// elapsed time and the process's peak working set; compare-scan runs it in fresh processes.
/// </summary>
internal static class MeasureScan
{
    public static int Run(string path, bool dom)
    {
        var stopwatch = Stopwatch.StartNew();
        int findings;
        if (dom)
        {
            findings = DomScanReader.CountFindings(path);
        }
        else
        {
            var summary = SecurityScanReader.Read(path);
            findings = summary.Critical + summary.High + summary.Medium + summary.Low + summary.Unknown;
        }

        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var mode = dom ? "dom" : "streaming";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: {stopwatch.Elapsed.TotalMilliseconds:F0} ms (process CPU {process.TotalProcessorTime.TotalMilliseconds:F0} ms), peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F1} MB, findings {findings}"));
        return 0;
    }
}
