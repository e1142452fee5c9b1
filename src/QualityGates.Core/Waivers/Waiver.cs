using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Waivers;

/// <summary>
/// One entry of <c>qualitygates.waivers.json</c> (docs/waivers.md): an exception to one check
/// (<see cref="Gate"/>) or to one security advisory (<see cref="Advisory"/>, matched with its aliases and
/// narrowed by <see cref="Package"/> and <see cref="Version"/>), owned by someone, for a reason, until a date.
/// </summary>
internal sealed record Waiver
{
    /// <summary>The advisory id waived (<c>CVE-2019-18224</c>, <c>GHSA-…</c>, a SARIF rule id); null for a gate waiver.</summary>
    public string? Advisory { get; init; }

    /// <summary>Only findings in this package (ignoring case); null for any package.</summary>
    public string? Package { get; init; }

    /// <summary>Only findings at this installed version; null for any version.</summary>
    public string? Version { get; init; }

    /// <summary>The gate waived (<c>coverage.line</c>, see <see cref="GateNames"/>); null for an advisory waiver.</summary>
    public string? Gate { get; init; }

    /// <summary>The contexts it applies in; empty when the file names none (no <c>contexts</c>), which is every context. An empty list in the file is refused (QG1020).</summary>
    public IReadOnlyList<DeploymentContext> Contexts { get; init; } = [];

    /// <summary>Who answers for it (a person or team, usually an e-mail address).</summary>
    public string Owner { get; init; } = string.Empty;

    /// <summary>Why the exception is acceptable.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The last day (UTC) on which it waives anything.</summary>
    public DateOnly Expires { get; init; }

    /// <summary>The waivers file it was read from, and its 1-based line there (0 when not known).</summary>
    public string File { get; init; } = string.Empty;

    public int Line { get; init; }

    /// <summary><see cref="File"/> as reports show it: relative to the repository root when under it, so reports carry no build-machine paths.</summary>
    public string DisplayFile { get; init; } = string.Empty;

    /// <summary>What it waives, for messages: "advisory CVE-2019-18224 in libidn2-0" or "gate coverage.line".</summary>
    public string Target => Gate is not null ? $"gate {Gate}"
        : $"advisory {Cap(Advisory!)}{(Package is null ? string.Empty : " in " + Cap(Package))}{(Version is null ? string.Empty : " " + Cap(Version))}";

    private static string Cap(string text) => UntrustedText.Cap(text, 200);

    /// <summary>The expiry as written, yyyy-MM-dd.</summary>
    public string ExpiresText => Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"waived by alice@example.com until 2026-12-20: legacy module being rewritten".</summary>
    public string Describe() => $"waived by {Owner} until {ExpiresText}: {Reason}";

    public bool AppliesTo(DeploymentContext context) => Contexts.Count == 0 || Contexts.Contains(context);

    /// <summary>True while <paramref name="today"/> is on or before <see cref="Expires"/>.</summary>
    public bool IsActiveOn(DateOnly today) => today <= Expires;

    /// <summary>True when this advisory waiver covers <paramref name="finding"/>: its id or an alias, then package and version when given.</summary>
    public bool Covers(SecurityFinding finding) =>
        Advisory is not null && finding.IsKnownAs(Advisory)
        && (Package is null || string.Equals(Package, finding.Package, StringComparison.OrdinalIgnoreCase))
        && (Version is null || string.Equals(Version, finding.Version, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What became of one waiver of the run's context.</summary>
internal enum WaiverState
{
    /// <summary>Active, and it waived a failed check or a finding.</summary>
    Applied,
    /// <summary>Active, but it matched no failed check and no finding (QG2020): a dead entry.</summary>
    Unused,
    /// <summary>Past its expiry, so it waived nothing (QG2019).</summary>
    Expired,
}

/// <summary>One waiver of the run's context and what became of it, for the reports and the registry.</summary>
internal sealed record WaiverOutcome(Waiver Waiver, WaiverState State);
