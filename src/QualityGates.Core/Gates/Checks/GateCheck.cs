namespace QualityGates.Gates.Checks;

/// <summary>One check of the gate. Checks are stateless; the engine runs them in a fixed order.</summary>
internal abstract class GateCheck
{
    public abstract string Gate { get; }

    public abstract GateGroup Group { get; }

    /// <summary>The <c>QG2xxx</c> code a failure of this check carries.</summary>
    public abstract string FailureCode { get; }

    /// <summary>False when the check does not apply to this run (e.g. branch coverage without a threshold).</summary>
    public virtual bool AppliesTo(GateOptions options) => true;

    public abstract GateCheckResult Evaluate(GateInputs inputs, GateOptions options);

    /// <summary>The result for a missing input: skipped, or failed in strict mode.</summary>
    protected GateCheckResult Missing(GateOptions options, double? threshold, string what)
    {
        return options.Strict
            ? new GateCheckResult(Gate, GateStatus.Failed, null, threshold, $"{what}, and strict mode requires it", FailureCode)
            : new GateCheckResult(Gate, GateStatus.Skipped, null, threshold, $"{what}; check skipped");
    }

    /// <summary>A judged result: passed with <paramref name="passMessage"/> or failed with <paramref name="failMessage"/>.</summary>
    protected GateCheckResult Judge(bool passed, double value, double threshold, string passMessage, string failMessage)
    {
        return passed
            ? new GateCheckResult(Gate, GateStatus.Passed, value, threshold, passMessage)
            : new GateCheckResult(Gate, GateStatus.Failed, value, threshold, failMessage, FailureCode);
    }
}
