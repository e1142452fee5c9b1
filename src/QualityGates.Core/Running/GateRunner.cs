using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;

namespace QualityGates.Running;

/// <summary>
/// The one entry point the MSBuild task and the CLI share: validates the settings, reads the inputs,
/// runs the gate. Every bad setting and bad file becomes one coded error; with any error there is
/// no report, so nothing is ever judged or written from partial inputs.
/// </summary>
public sealed class GateRunner
{
    private readonly TimeProvider _time;

    public GateRunner(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Raised with the gate before evaluation, so callers can subscribe to its events.</summary>
    public event Action<QualityGate>? GateCreated;

    public GateRunOutcome Run(GateRunRequest request)
    {
        var errors = new List<QualityGatesException>();
        var options = ReadOptions(request, errors);
        var inputs = GateInputLoader.Load(request, errors);
        if (errors.Count > 0 || options is null)
        {
            return new GateRunOutcome(null, errors);
        }

        var gate = new QualityGate(options, _time);
        GateCreated?.Invoke(gate);
        return new GateRunOutcome(gate.Evaluate(inputs, request.Model), []);
    }

    private static GateOptions? ReadOptions(GateRunRequest request, List<QualityGatesException> errors)
    {
        DeploymentContext? context = null;
        try
        {
            context = DeploymentContexts.Parse(string.IsNullOrWhiteSpace(request.Context) ? GateRunRequest.DefaultContext : request.Context, request.ContextSource);
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
        }

        // Overrides are validated even when the context is bad, so one run reports every mistake.
        var thresholds = GateThresholds.For(context ?? DeploymentContext.Staging);
        foreach (var item in request.Overrides)
        {
            try
            {
                thresholds = ThresholdCatalog.Apply(thresholds, item.Name, item.Value, item.Source);
            }
            catch (QualityGatesException ex)
            {
                errors.Add(ex);
            }
        }

        return context is { } valid
            ? new GateOptions(valid, thresholds) { Strict = request.Strict, Groups = request.Groups }
            : null;
    }
}
