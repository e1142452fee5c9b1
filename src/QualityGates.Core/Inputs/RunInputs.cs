using QualityGates.Metrics;

namespace QualityGates.Inputs;

/// <summary>
/// What a test run produced, as its adapter found it: used only for the kinds of input the user did
/// not name. Tests come from <see cref="Tests"/> (an adapter that has them in memory), else
/// <see cref="TestResultFile"/>, else the newest TRX in <see cref="ResultsDirectory"/> written since
/// <see cref="StartedUtc"/>. Coverage comes from coverlet.msbuild's <see cref="CoverageFiles"/>, else
/// from the Cobertura files coverlet.collector attached to that TRX.
/// </summary>
internal sealed record RunInputs
{
    /// <summary>Nothing from a test run (a CLI check of named files).</summary>
    public static RunInputs None { get; } = new();

    /// <summary>Tests already read in process (e.g. from Microsoft.Testing.Platform's messages); wins over any TRX of the run.</summary>
    public TestRunSummary? Tests { get; init; }

    /// <summary>The TRX the adapter asked the test run to write.</summary>
    public string? TestResultFile { get; init; }

    /// <summary>
    /// With <see cref="StartedUtc"/>: the results folder the user's own trx logger wrote to (VSTest keeps
    /// only the last trx logger, so the package cannot add its own then).
    /// </summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>When the run started (UTC): older TRX files in <see cref="ResultsDirectory"/> are never taken.</summary>
    public DateTime? StartedUtc { get; init; }

    /// <summary>
    /// Cobertura files this run's coverage collector wrote: coverlet.msbuild's <c>@(CoverletReport)</c>, or
    /// coverlet.MTP's <c>coverage.cobertura.&lt;timestamp&gt;.xml</c>; only <c>*.cobertura.*xml</c> ones are read.
    /// </summary>
    public IReadOnlyList<string> CoverageFiles { get; init; } = [];

    /// <summary>
    /// Warnings the adapter found about this run's results before the gate (e.g. QG5010, a coverage producer
    /// that named no Cobertura report): printed and reported among the run's input warnings.
    /// </summary>
    public IReadOnlyList<Errors.GateDiagnostic> Warnings { get; init; } = [];
}
