using QualityGates.Reports;

namespace QualityGates.Gates;

/// <summary>Carries the whole report to <see cref="QualityGate.GatesBlocked"/> handlers.</summary>
public sealed class GateReportEventArgs : EventArgs
{
    public GateReportEventArgs(QualityGateReport report) => Report = report;

    public QualityGateReport Report { get; }
}
