namespace QualityGates.Inputs.Trx;

/// <summary>
/// Maps the TRX <c>outcome</c> vocabulary (VSTest's and the older mstest.exe's) to passed, failed or skipped.
/// VSTest itself only writes Passed, Failed and NotExecuted; the rest come from older producers.
/// </summary>
internal static class TrxOutcomeClassifier
{
    /// <summary>Classifies <paramref name="outcome"/>; false when it is not a TRX outcome at all.</summary>
    public static bool TryClassify(string? outcome, out TrxOutcomeKind kind)
    {
        switch (outcome?.ToUpperInvariant())
        {
            // The test passed; the run aborting afterwards does not change that test's verdict.
            case "PASSED":
            case "PASSEDBUTRUNABORTED":
                kind = TrxOutcomeKind.Passed;
                return true;

            // Every way a test can run and not pass is a failure for the gate.
            case "FAILED":
            case "ERROR":
            case "TIMEOUT":
            case "ABORTED":
                kind = TrxOutcomeKind.Failed;
                return true;

            // No verdict: the test was skipped, not run, or never finished.
            case "NOTEXECUTED":
            case "INCONCLUSIVE":
            case "PENDING":
            case "DISCONNECTED":
            case "WARNING":
            case "COMPLETED":
            case "INPROGRESS":
            case "NOTRUNNABLE":
                kind = TrxOutcomeKind.Skipped;
                return true;

            default:
                kind = TrxOutcomeKind.Skipped;
                return false;
        }
    }
}
