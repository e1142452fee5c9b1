using QualityGates.Gates;

namespace QualityGates.Registry;

/// <summary>One check of the gate report behind a registry record: its gate name, status and failure code.</summary>
public sealed record ReportCheckEntry(string Gate, GateStatus Status, string? Code = null);
