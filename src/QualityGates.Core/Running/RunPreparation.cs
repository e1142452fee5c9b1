using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Registry;

namespace QualityGates.Running;

/// <summary>
/// Everything a run checks and reads before judging: the options, the registry it records in, the inputs and
/// the ratchet's baseline. Each step goes on after another's error, so one run reports every mistake.
/// </summary>
/// <param name="Options">The options, or null when the context is bad.</param>
/// <param name="Registry">Approve-on-pass's recorder, or null when it is off (or cannot record the run).</param>
/// <param name="Inputs">The inputs read, with the ratchet's baseline.</param>
/// <param name="CoverageFiles">The Cobertura files resolved for the run (full paths).</param>
internal sealed record RunPreparation(GateOptions? Options, ApprovalRecorder? Registry, GateInputs Inputs, IReadOnlyList<string> CoverageFiles)
{
    /// <summary>Prepares <paramref name="request"/>; errors and input warnings go to <paramref name="diagnostics"/>.</summary>
    public static RunPreparation Of(GateRunRequest request, DiagnosticBag diagnostics, TimeProvider time)
    {
        var options = GateOptionsReader.Read(request, diagnostics, time);
        var registry = ApprovalRecorder.Prepare(request.Registry, request.Model, request.BaseDirectory, request.Environment, diagnostics);
        var inputs = GateInputLoader.Load(request.ForInputs(), diagnostics, out var coverageFiles);
        if (options is not null && request.ForRatchet(options.Context) is { } ratchet)
        {
            diagnostics.Attempt(() =>
            {
                var (baseline, missing) = RatchetBaselineReader.Find(ratchet);
                inputs = inputs with { Baseline = baseline, BaselineMissing = missing };
            });
        }

        if (request.Benchmarks is { } benchmarks && inputs.Benchmarks is { } comparison && options is not null)
        {
            diagnostics.Attempt(() =>
            {
                var read = inputs.Files.ToList();
                comparison = BenchmarkBaselineReader.WithRegistryBaseline(comparison, benchmarks, request.ForBaseline(options.Context), read);
                inputs = inputs with { Benchmarks = comparison, Files = diagnostics.HasErrors ? [] : read };
                diagnostics.AddRange(BenchmarkWarnings.For(comparison));
            });
        }

        return new RunPreparation(options, registry, inputs, coverageFiles);
    }
}
