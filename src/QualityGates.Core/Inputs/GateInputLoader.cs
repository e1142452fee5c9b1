using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Cobertura;
using QualityGates.Inputs.ModelMetrics;
using QualityGates.Inputs.Security;
using QualityGates.Inputs.TestMetrics;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;
using QualityGates.Running;

namespace QualityGates.Inputs;

/// <summary>
/// Reads every input a request names. Each kind of input is read on its own, so one bad file is
/// one error and the other kinds are still checked; any error means no inputs at all are returned.
/// </summary>
internal static class GateInputLoader
{
    public static GateInputs Load(GateRunRequest request, List<QualityGatesException> errors)
    {
        var trx = ReadFiles(request.TestResultFiles, request, errors, files => new TrxReader().ReadAll(files));
        var testMetrics = ReadFile(request.TestMetricsFile, request, errors, TestMetricsJsonReader.Read);
        var coverage = ReadFiles(request.CoverageFiles, request, errors, files => new CoberturaReader().ReadAll(files));
        var security = ReadFiles(request.SecurityScanFiles, request, errors, SecurityScanReader.ReadAll);
        var model = ReadModel(request, errors);

        return new GateInputs
        {
            // TRX (or the outcomes an adapter counted) is the run's own record; test-metrics JSON is for runs without one.
            Tests = trx ?? request.Tests ?? testMetrics?.Tests,
            Coverage = coverage,
            ReportedLineRate = testMetrics?.CoverageLineRate,
            Model = model,
            Security = security,
        };
    }

    private static Metrics.ModelMetrics? ReadModel(GateRunRequest request, List<QualityGatesException> errors)
    {
        if (request.ModelMetricsFile is null && request.BaselineFile is not null)
        {
            errors.Add(new QualityGatesException(ErrorCodes.InvalidSetting,
                $"A baseline file ('{request.BaselineFile}') was given without model metrics to compare with it; name the model metrics file too."));
            return null;
        }

        return request.BaselineFile is null
            ? ReadFile(request.ModelMetricsFile, request, errors, ModelMetricsReader.Read)
            : ReadFile(request.ModelMetricsFile, request, errors,
                metrics => ModelMetricsReader.ReadWithBaseline(metrics, Path.GetFullPath(request.BaselineFile, request.BaseDirectory)));
    }

    private static T? ReadFiles<T>(IReadOnlyList<string> patterns, GateRunRequest request, List<QualityGatesException> errors, Func<IReadOnlyList<string>, T> read)
        where T : class
    {
        if (patterns.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        return Attempt(errors, () => read(FilePatterns.Expand(patterns, request.BaseDirectory)));
    }

    private static T? ReadFile<T>(string? path, GateRunRequest request, List<QualityGatesException> errors, Func<string, T> read)
        where T : class
    {
        return string.IsNullOrWhiteSpace(path) ? null : Attempt(errors, () => read(Path.GetFullPath(path, request.BaseDirectory)));
    }

    private static T? Attempt<T>(List<QualityGatesException> errors, Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
            return null;
        }
    }
}
