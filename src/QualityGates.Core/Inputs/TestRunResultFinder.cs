using QualityGates.Errors;

namespace QualityGates.Inputs;

/// <summary>
/// Finds the TRX that this test run wrote when the user's own <c>trx</c> logger was in effect (VSTest
/// keeps only the last trx logger, so the package cannot add its own then). The TRX of this run is the
/// newest <c>*.trx</c> directly in the results folder written at or after the run started; older files
/// from earlier runs are never taken.
/// </summary>
internal static class TestRunResultFinder
{
    /// <summary>The newest TRX in <paramref name="resultsDirectory"/> written at or after <paramref name="startedUtc"/>.</summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.PatternMatchedNoFile"/> when the run wrote none.</exception>
    public static string FindNewest(string resultsDirectory, DateTime startedUtc)
    {
        var newest = Directory.Exists(resultsDirectory)
            ? new DirectoryInfo(resultsDirectory).EnumerateFiles("*.trx", SearchOption.TopDirectoryOnly)
                .Where(f => f.LastWriteTimeUtc >= startedUtc)
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return newest?.FullName ?? throw new QualityGatesException(ErrorCodes.PatternMatchedNoFile,
            $"This test run wrote no TRX file in '{resultsDirectory}' (looked for *.trx written since {startedUtc:yyyy-MM-dd HH:mm:ss} UTC).",
            resultsDirectory);
    }
}
