namespace QualityGates.Configuration;

/// <summary>
/// A full set of thresholds. Rates are fractions (0.95 = 95 %); <see cref="MaxMemoryIncreasePercent"/>
/// is in percent (15.0 = 15 %), as in the seed and the JSON report, though its setting
/// (QualityGatesMaxMemoryIncrease) is a fraction like every other change against a baseline. Use <see cref="For"/> for a context's set and
/// <see cref="ThresholdCatalog"/> to override single values.
/// </summary>
internal sealed record GateThresholds
{
    /// <summary>The default column of SPEC §1 (equal to staging).</summary>
    public static GateThresholds Default { get; } = new();

    public double MinTestPassRate { get; init; } = 0.95;
    public double MinCodeCoverage { get; init; } = 0.80;
    /// <summary>Branch coverage minimum; null means branch coverage is reported but not gated.</summary>
    public double? MinBranchCoverage { get; init; }
    public double MinQualityScore { get; init; } = 0.70;
    public double MaxRegression { get; init; } = 0.05;
    public double MaxLatencyIncrease { get; init; } = 0.20;
    public double MaxMemoryIncreasePercent { get; init; } = 15.0;
    public double MinThroughputTokensPerSec { get; init; } = 10.0;
    public int MaxCriticalVulnerabilities { get; init; }
    public int MaxHighVulnerabilities { get; init; } = 2;
    public int MaxMediumVulnerabilities { get; init; } = 10;
    /// <summary>Most tests that may fail and then pass on a retry (<c>tests.flaky</c>); null means flaky tests are reported but not gated.</summary>
    public int? MaxFlakyTests { get; init; }
    /// <summary>Minimum coverage of the change's coverable lines (fraction 0–1); SonarQube's default condition on new code is 80 %.</summary>
    public double MinNewCodeCoverage { get; init; } = 0.80;
    /// <summary>Below this many coverable changed lines, <c>coverage.new_code</c> is skipped: a few lines make a noisy percentage (Sonar waits for about 20).</summary>
    public int MinNewCodeLines { get; init; } = 20;
    /// <summary>How far (in percentage points, 0.1 = 0.1 pp) a ratcheted figure may fall below its baseline.</summary>
    public double RatchetTolerance { get; init; } = 0.1;

    // The warning tier. A figure between a warning level and its threshold passes with a coded
    // warning (QG2018). Null (the default) means no warning level. Same units as the threshold beside it.
    public double? WarnTestPassRate { get; init; }
    public double? WarnCodeCoverage { get; init; }
    public double? WarnBranchCoverage { get; init; }
    /// <summary>Warning level for <c>coverage.new_code</c> (fraction 0–1, at or above <see cref="MinNewCodeCoverage"/>).</summary>
    public double? WarnNewCodeCoverage { get; init; }
    public double? WarnQualityScore { get; init; }
    public double? WarnRegression { get; init; }
    public double? WarnLatencyIncrease { get; init; }
    public double? WarnMemoryIncreasePercent { get; init; }
    public double? WarnThroughputTokensPerSec { get; init; }
    public double? WarnCriticalVulnerabilities { get; init; }
    public double? WarnHighVulnerabilities { get; init; }
    public double? WarnMediumVulnerabilities { get; init; }

    /// <summary>The longest a waiver may run, in days from today to its <c>expires</c> date; per context, see <see cref="For"/>.</summary>
    public int MaxWaiverDays { get; init; } = 180;

    /// <summary>The thresholds of <paramref name="context"/>: pass rate, coverage, new-code coverage and the longest waiver differ per context.</summary>
    public static GateThresholds For(DeploymentContext context) => context switch
    {
        DeploymentContext.Development => Default with { MinTestPassRate = 0.80, MinCodeCoverage = 0.60, MinNewCodeCoverage = 0.60, MaxWaiverDays = 365 },
        DeploymentContext.Staging => Default with { MinTestPassRate = 0.95, MinCodeCoverage = 0.80, MinNewCodeCoverage = 0.80, MaxWaiverDays = 180 },
        DeploymentContext.Production => Default with { MinTestPassRate = 0.98, MinCodeCoverage = 0.90, MinNewCodeCoverage = 0.90, MaxWaiverDays = 90 },
        _ => throw new ArgumentOutOfRangeException(nameof(context)),
    };
}
