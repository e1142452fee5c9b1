using QualityGates.Configuration;
using QualityGates.Gates;
#if PLATFORM_COVERAGE_API
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;
#endif

namespace QualityGates.Testing.Platform;

/// <summary>
/// Coverage through the platform's own channel (Microsoft.Testing.Platform 2.4 and later): the Cobertura
/// reports that any coverage producer (coverlet.MTP, Microsoft's code coverage, another) named with a
/// <c>TestCoverageReportMessage</c>, read from the platform's <c>ITestCoverageResult</c>, and the gate's
/// coverage verdicts published back as <c>TestCoverageThresholdMessage</c>s, which the platform shows in its
/// coverage summary and turns into its exit code 14 when one failed. The extension built against an
/// older platform has none of this and finds coverlet.MTP's file in the results folder instead.
/// </summary>
internal sealed class PlatformCoverage
{
    /// <summary>The producer id of the gate's threshold messages.</summary>
    public const string ProducerId = "QualityGates";

    /// <summary>True for the checks the platform's coverage vocabulary can carry: line, branch (also per assembly) and new-code coverage.</summary>
    public static bool IsCoverageGate(string gate) => GateNames.BaseOf(gate) is GateNames.LineCoverage or GateNames.BranchCoverage or GateNames.NewCodeCoverage;

#if PLATFORM_COVERAGE_API
    /// <summary>The messages the gate publishes.</summary>
    public static Type[] MessageTypes { get; } = [typeof(TestCoverageThresholdMessage)];

    private readonly ITestCoverageResult? _result;

    public PlatformCoverage(IServiceProvider services)
    {
        _result = services.GetService(typeof(ITestCoverageResult)) as ITestCoverageResult;
    }

    /// <summary>The platform has the coverage contract (it always does in this build; null only when a host did not register it).</summary>
    public bool Available => _result is not null;

    /// <summary>The Cobertura reports the session's producers named, in the order they came.</summary>
    public IReadOnlyList<string> CoberturaReports() =>
        _result?.Reports.Where(r => r.Format == CoverageReportFormat.Cobertura).Select(r => r.Path).Distinct(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>The producers that published coverage figures but named no Cobertura report (the gate needs one for its per-line detail).</summary>
    public IReadOnlyList<string> ProducersWithoutCobertura()
    {
        if (_result is null)
        {
            return [];
        }

        var withCobertura = _result.Reports.Where(r => r.Format == CoverageReportFormat.Cobertura).Select(r => r.ProducerId).ToHashSet(StringComparer.Ordinal);
        return _result.Scopes.SelectMany(s => s.Metrics).Select(m => m.ProducerId)
            .Where(p => p != ProducerId && !withCobertura.Contains(p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The session the producers reported in (a controller's producer makes up its own), else <paramref name="fallback"/>.</summary>
    public SessionUid SessionOf(SessionUid fallback) => _result is { Reports: [var first, ..] } ? first.SessionUid : fallback;

    /// <summary>Publishes one threshold message per judged coverage check of the project (waived failures are left out: the gate let them pass).</summary>
    public static async Task PublishThresholdsAsync(IMessageBus bus, IDataProducer producer, SessionUid session, GateSessionResult result)
    {
        if (result.Run.Report is not { } report)
        {
            return;
        }

        foreach (var check in report.Checks.Where(c => IsCoverageGate(c.Gate) && c.Threshold is not null && c.Status is GateStatus.Passed or GateStatus.Failed or GateStatus.Warning))
        {
            await bus.PublishAsync(producer, ThresholdOf(session, check)).ConfigureAwait(false);
        }
    }

    /// <summary>The check as the platform's threshold evaluation: percentages 0–100, the assembly as a module scope.</summary>
    internal static TestCoverageThresholdMessage ThresholdOf(SessionUid session, GateCheckResult check)
    {
        var gate = GateNames.BaseOf(check.Gate);
        var assembly = gate.Length < check.Gate.Length ? check.Gate[(gate.Length + 1)..^1] : null;
        var scope = assembly is null ? CoverageScope.Overall : new CoverageScope(CoverageScopeLevel.Module, assembly);
        var (metric, custom) = gate switch
        {
            GateNames.BranchCoverage => (CoverageMetric.Branch, (string?)null),
            GateNames.NewCodeCoverage => (CoverageMetric.Custom, "New code (line)"),
            _ => (CoverageMetric.Line, null),
        };
        var hasData = check.Value is not null;
        return new TestCoverageThresholdMessage(session, scope, metric, CoverageAggregation.None,
            actualPercentage: (check.Value ?? 0) * 100, requiredPercentage: check.Threshold!.Value * 100, hasCoverableData: hasData,
            producerId: ProducerId, aggregatedOver: null, treatNoDataAsFailure: check.Failed, customMetricName: custom);
    }
#else
    public static Type[] MessageTypes { get; } = [];

    public PlatformCoverage(IServiceProvider services)
    {
    }

    public bool Available => false;

    public IReadOnlyList<string> CoberturaReports() => [];

    public IReadOnlyList<string> ProducersWithoutCobertura() => [];
#endif
}
