using System.Globalization;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Trx;

namespace QualityGates.MSBuild.Discovery;

/// <summary>Which TRX and coverage files belong to this test run, when the user named none.</summary>
internal static class RunInputs
{
    /// <summary>The user's files when named; otherwise the TRX this run wrote (ours, or the newest of the user's logger).</summary>
    public static IReadOnlyList<string> TestResults(IReadOnlyList<string> named, string? runTestResultFile,
        string? runResultsDirectory, string? runStartedUtc, string projectDirectory)
    {
        if (named.Count > 0)
        {
            return named;
        }

        if (!string.IsNullOrWhiteSpace(runTestResultFile))
        {
            return [runTestResultFile.Trim()];
        }

        if (!string.IsNullOrWhiteSpace(runResultsDirectory) && !string.IsNullOrWhiteSpace(runStartedUtc))
        {
            var started = DateTime.TryParse(runStartedUtc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed.ToUniversalTime()
                : DateTime.MinValue;
            return [TestRunResultFinder.FindNewest(Path.GetFullPath(runResultsDirectory.Trim(), projectDirectory), started)];
        }

        return [];
    }

    /// <summary>
    /// The user's files when named; else coverlet.msbuild's report of this run; else the Cobertura files
    /// coverlet.collector attached to this run's TRX.
    /// </summary>
    public static IReadOnlyList<string> Coverage(IReadOnlyList<string> named, IReadOnlyList<string> runCoverageFiles,
        bool testResultsNamed, IReadOnlyList<string> testResults, GateGroup groups)
    {
        if (named.Count > 0)
        {
            return named;
        }

        // coverlet.msbuild may also write json, lcov or opencover files next to the Cobertura one.
        var coverlet = runCoverageFiles.Where(f => f.EndsWith(".cobertura.xml", StringComparison.OrdinalIgnoreCase)).ToList();
        if (coverlet.Count > 0 || testResultsNamed)
        {
            return coverlet;
        }

        // Attachments are only read when coverage is judged: a run gated on tests alone needs no coverage file.
        var attachments = new List<string>();
        if ((groups & GateGroup.Coverage) == 0)
        {
            return attachments;
        }

        foreach (var trx in testResults.Where(File.Exists))
        {
            try
            {
                attachments.AddRange(TrxCoverageAttachments.Find(trx));
            }
            catch (QualityGatesException)
            {
                // The engine reads the same TRX and reports what is wrong with it, once.
            }
        }

        return attachments;
    }
}
