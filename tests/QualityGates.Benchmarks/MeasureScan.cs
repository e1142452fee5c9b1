using System.Diagnostics;
using QualityGates.Inputs.Security;

namespace QualityGates.Benchmarks;

/// <summary>
/// One read of one scan in this process (SecurityScanReader, or the DOM reader with --dom), printed as
/// elapsed time and the process's peak working set; run it once per fresh process (as /usr/bin/time -v would) to compare.
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
        return ProcessFigures.Print(dom ? "dom" : "streaming", stopwatch.Elapsed, $"findings {findings}");
    }
}
