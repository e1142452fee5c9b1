using QualityGates.Configuration;
using QualityGates.Gates.Checks;
using QualityGates.Metrics;

namespace QualityGates.Gates;

/// <summary>
/// The gate engine: runs every selected check on the inputs and returns the report.
/// Events fire in a defined order: one <see cref="GatePassed"/> or <see cref="GateFailed"/> per
/// judged check, in check order, as it is evaluated (skipped checks raise neither; a warning or a waived
/// check raises <see cref="GatePassed"/>, since neither blocks), then
/// <see cref="GatesBlocked"/> once when any check failed. A throwing handler never stops the other
/// handlers or changes the verdict; its error is recorded in <see cref="QualityGateReport.Warnings"/>.
/// </summary>
internal sealed class QualityGate
{
    private readonly GateOptions _options;
    private readonly TimeProvider _time;

    public QualityGate(GateOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    public event EventHandler<GateCheckEventArgs>? GatePassed;
    public event EventHandler<GateCheckEventArgs>? GateFailed;
    public event EventHandler<GateReportEventArgs>? GatesBlocked;

    public GateOptions Options => _options;

    /// <summary>Evaluates every check that applies and returns the report.</summary>
    public QualityGateReport Evaluate(GateInputs inputs, ModelIdentity? model = null)
    {
        var warnings = new List<string>();
        var checks = new List<GateCheckResult>();
        var waivers = _options.Waivers;
        if (waivers is not null && inputs.Security is { } scanned)
        {
            inputs = inputs with { Security = waivers.Apply(scanned, _options.Context) };
        }

        if (inputs.Benchmarks is { } benchmarks && (_options.Groups & GateGroup.Benchmarks) != 0 && _options.Benchmarks)
        {
            inputs = inputs with { Benchmarks = Benchmarks.BenchmarkJudge.Judge(benchmarks, _options.Thresholds, waivers, _options.Context) };
        }

        foreach (var check in CheckSet.For(inputs, _options))
        {
            if ((_options.Groups & check.Group) == 0 || !check.AppliesTo(_options))
            {
                continue;
            }

            var result = WithWarningLevel(check.Evaluate(inputs, _options));
            if (waivers is not null)
            {
                result = WaiverJudge.Judge(waivers, result, _options.Context, inputs.Security, inputs.Benchmarks);
            }

            checks.Add(result);
            var handler = result.Status switch
            {
                GateStatus.Passed or GateStatus.Warning or GateStatus.Waived => GatePassed,
                GateStatus.Failed => GateFailed,
                _ => null,
            };
            Raise(handler, new GateCheckEventArgs(result), warnings);
        }

        var report = new QualityGateReport
        {
            Model = model,
            Context = _options.Context,
            Timestamp = _time.GetUtcNow(),
            Strict = _options.RequiresInputs,
            Thresholds = _options.Thresholds,
            Inputs = inputs,
            Checks = checks,
            Warnings = warnings,
            Waivers = waivers is null ? [] : WaiverJudge.Outcomes(waivers, _options.Context, checks, inputs.Security, inputs.Benchmarks),
        };
        if (!report.AllPassed)
        {
            Raise(GatesBlocked, new GateReportEventArgs(report), warnings);
        }

        return report;
    }

    /// <summary>A passed check whose value lies beyond its warning level becomes <see cref="GateStatus.Warning"/>.</summary>
    private GateCheckResult WithWarningLevel(GateCheckResult result)
    {
        if (WarningLevels.Of(result.Gate, _options.Thresholds) is not double warn)
        {
            return result;
        }

        result = result with { WarningLevel = warn };
        return result.Passed && result.Value is double value && WarningLevels.Warns(result.Gate, value, warn)
            ? result with
            {
                Status = GateStatus.Warning,
                Code = Errors.ErrorCodes.FigureInWarningBand,
                Message = $"{result.Message}; {(GateDescriptions.IsMinimum(result.Gate) ? "below" : "above")} the {_options.ContextName} warning level of {GateDescriptions.FormatValue(result.Gate, warn)}",
            }
            : result;
    }

    private void Raise<T>(EventHandler<T>? handler, T args, List<string> warnings)
        where T : EventArgs
    {
        if (handler is null)
        {
            return;
        }

        foreach (var single in handler.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                single(this, args);
            }
            catch (Exception ex)
            {
                warnings.Add($"An event handler ({single.Method.DeclaringType?.Name}.{single.Method.Name}) threw {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}

/// <summary>Carries one check's result to <see cref="QualityGate.GatePassed"/> and <see cref="QualityGate.GateFailed"/> handlers.</summary>
internal sealed class GateCheckEventArgs : EventArgs
{
    public GateCheckEventArgs(GateCheckResult result) => Result = result;

    public GateCheckResult Result { get; }
}

/// <summary>Carries the whole report to <see cref="QualityGate.GatesBlocked"/> handlers.</summary>
internal sealed class GateReportEventArgs : EventArgs
{
    public GateReportEventArgs(QualityGateReport report) => Report = report;

    public QualityGateReport Report { get; }
}
