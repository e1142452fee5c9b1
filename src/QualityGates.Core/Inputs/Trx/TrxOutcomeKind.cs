namespace QualityGates.Inputs.Trx;

/// <summary>How a TRX result outcome counts towards the pass rate.</summary>
internal enum TrxOutcomeKind
{
    /// <summary>Ran and passed (counts as executed).</summary>
    Passed,

    /// <summary>Ran and did not pass (counts as executed).</summary>
    Failed,

    /// <summary>Did not run to a verdict (counts as neither passed nor failed).</summary>
    Skipped,
}
