using QualityGates.Configuration.Settings;

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

    /// <summary>
    /// The result for a missing input: skipped, or failed when the run requires inputs (strict mode, or
    /// production by default). The failure says how to provide the input (<paramref name="howTo"/>, else the
    /// group's way of naming its file) and how to allow its absence.
    /// </summary>
    protected GateCheckResult Missing(GateOptions options, double? threshold, string what, string? howTo = null)
    {
        if (!options.RequiresInputs)
        {
            return new GateCheckResult(Gate, GateStatus.Skipped, null, threshold, $"{what}; check skipped" + (howTo is null ? string.Empty : ". " + howTo));
        }

        var who = options.Strict == true ? "strict mode" : $"the {options.ContextName} context";
        return new GateCheckResult(Gate, GateStatus.Failed, null, threshold,
            $"{what}, and {who} requires it. {howTo ?? HowToProvide(Group, options.Names)} To allow a run without it, {options.Names.Set(SettingsCatalogue.Strict, "false")}.",
            FailureCode);
    }

    /// <summary>
    /// How a user gives a check group its input, in the words of the tools of the mode that is running
    /// (a test application cannot be told to <c>--collect</c>), with the settings named as that mode names them.
    /// </summary>
    internal static string HowToProvide(GateGroup group, SettingNames names) => (group, names.Mode) switch
    {
        (GateGroup.Tests, Adapter.MSBuild) => $"Run the tests with dotnet test, which writes this run's TRX, or name TRX files ({names.Of(SettingsCatalogue.TestResultFiles)}) or a test metrics file ({names.Of(SettingsCatalogue.TestMetricsFile)}).",
        (GateGroup.Tests, Adapter.Cli) => $"Run the tests with a TRX logger (dotnet test --logger trx, or --report-trx on Microsoft.Testing.Platform) and name the file ({names.Of(SettingsCatalogue.TestResultFiles)}), or name a test metrics file ({names.Of(SettingsCatalogue.TestMetricsFile)}).",
        (GateGroup.Tests, _) => $"Name a test metrics file ({names.Of(SettingsCatalogue.TestMetricsFile)}).",
        (GateGroup.Coverage, Adapter.MSBuild) => $"Collect coverage: dotnet test --collect \"XPlat Code Coverage\" (coverlet.collector), or the coverlet.msbuild package with -p:CollectCoverage=true; a Cobertura file from another tool is read when named ({names.Of(SettingsCatalogue.CoverageFiles)}).",
        (GateGroup.Coverage, Adapter.Cli) => $"Name the Cobertura files ({names.Of(SettingsCatalogue.CoverageFiles)}), collected with dotnet test --collect \"XPlat Code Coverage\" (coverlet.collector), coverlet.msbuild (-p:CollectCoverage=true -p:CoverletOutputFormat=cobertura) or coverlet.MTP (--coverlet).",
        (GateGroup.Coverage, _) => $"Collect coverage with coverlet.MTP: reference it and run the tests with --coverlet; a Cobertura file from another tool is read when named ({names.Of(SettingsCatalogue.CoverageFiles)}).",
        (GateGroup.Model, _) => $"Name a model metrics file ({names.Of(SettingsCatalogue.ModelMetricsFile)}).",
        (GateGroup.Security, _) => $"Name a security scan ({names.Of(SettingsCatalogue.SecurityScanFiles)}).",
        (GateGroup.Benchmarks, _) => $"Name the baseline's BenchmarkDotNet exports ({names.Of(SettingsCatalogue.BenchmarkBaselineFiles)}), or approve a run with benchmarks in the registry for this model and context.",
        _ => string.Empty,
    };

    /// <summary>
    /// What to do when a model metrics file was read but lacks <paramref name="field"/>: add it there (naming the
    /// file). Null when no model metrics were read, where naming a file is the advice.
    /// </summary>
    protected static string? AddModelField(Metrics.ModelMetrics? model, string field) =>
        model is null ? null : $"Add {field} to {ModelFile(model)}.";

    /// <summary>The model metrics file by name, for messages.</summary>
    protected static string ModelFile(Metrics.ModelMetrics model) =>
        model.SourceFile is { } source ? $"'{Path.GetFileName(source)}'" : "the model metrics file";

    /// <summary>A judged result: passed with <paramref name="passMessage"/> or failed with <paramref name="failMessage"/>.</summary>
    protected GateCheckResult Judge(bool passed, double value, double threshold, string passMessage, string failMessage)
    {
        return passed
            ? new GateCheckResult(Gate, GateStatus.Passed, value, threshold, passMessage)
            : new GateCheckResult(Gate, GateStatus.Failed, value, threshold, failMessage, FailureCode);
    }
}
