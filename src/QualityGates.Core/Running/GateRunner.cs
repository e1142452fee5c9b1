using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Running;

// TEMPORARY STUB on feature/msbuild so the MSBuild adapter compiles before the lead's GateRunner lands on
// main ("Add GateRunner"). It validates settings but reads no input files. Replaced by main's file on merge.
public sealed record ThresholdOverride(string Name, string? Value, string Source);

public sealed record GateRunRequest
{
    public string? Context { get; init; }
    public string ContextSource { get; init; } = "context";
    public IReadOnlyList<ThresholdOverride> Overrides { get; init; } = [];
    public bool Strict { get; init; }
    public GateGroup Groups { get; init; } = GateGroup.All;
    public ModelIdentity? Model { get; init; }
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;
    public IReadOnlyList<string> TestResultFiles { get; init; } = [];
    public IReadOnlyList<string> CoverageFiles { get; init; } = [];
    public IReadOnlyList<string> SecurityScanFiles { get; init; } = [];
    public string? TestMetricsFile { get; init; }
    public string? ModelMetricsFile { get; init; }
    public string? BaselineFile { get; init; }
}

public sealed record GateRunOutcome(QualityGateReport? Report, IReadOnlyList<QualityGatesException> Errors)
{
    public bool Succeeded => Report is not null;
}

public sealed class GateRunner
{
    private readonly TimeProvider _time;

    public GateRunner(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public event Action<QualityGate>? GateCreated;

    public GateRunOutcome Run(GateRunRequest request)
    {
        var errors = new List<QualityGatesException>();
        var context = DeploymentContext.Staging;
        try
        {
            context = string.IsNullOrWhiteSpace(request.Context) ? DeploymentContext.Staging : DeploymentContexts.Parse(request.Context, request.ContextSource);
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
        }

        var thresholds = GateThresholds.For(context);
        foreach (var o in request.Overrides)
        {
            try
            {
                thresholds = ThresholdCatalog.Apply(thresholds, o.Name, o.Value, o.Source);
            }
            catch (QualityGatesException ex)
            {
                errors.Add(ex);
            }
        }

        foreach (var file in request.TestResultFiles.Concat(request.CoverageFiles).Concat(request.SecurityScanFiles)
                     .Concat(new[] { request.TestMetricsFile, request.ModelMetricsFile, request.BaselineFile }.OfType<string>()))
        {
            var path = Path.Combine(request.BaseDirectory, file);
            if (!File.Exists(path))
            {
                errors.Add(new QualityGatesException(ErrorCodes.InputFileNotFound, $"Input file '{path}' does not exist.", path));
            }
        }

        if (errors.Count > 0)
        {
            return new GateRunOutcome(null, errors);
        }

        var gate = new QualityGate(new GateOptions(context, thresholds) { Strict = request.Strict, Groups = request.Groups }, _time);
        GateCreated?.Invoke(gate);
        return new GateRunOutcome(gate.Evaluate(new GateInputs(), request.Model), []);
    }
}
