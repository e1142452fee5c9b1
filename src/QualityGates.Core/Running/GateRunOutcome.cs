using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Running;

/// <summary>
/// Either a report (every input was read) or the errors (one per bad setting or bad file): never
/// both, so no report is ever written from partial inputs.
/// </summary>
public sealed record GateRunOutcome(QualityGateReport? Report, IReadOnlyList<QualityGatesException> Errors)
{
    public bool Succeeded => Report is not null;
}
