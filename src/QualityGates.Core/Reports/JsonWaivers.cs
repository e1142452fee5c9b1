using System.Text.Json;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Waivers;

namespace QualityGates.Reports;

/// <summary>Waivers in the JSON report (issue 13): per waived check, per waived finding, and the <c>waivers</c> array of every waiver of the context with its state.</summary>
internal static class JsonWaivers
{
    /// <summary>
    /// One waiver: <c>{ "advisory" | "gate", "package"?, "version"?, "owner", "reason", "expires" (yyyy-MM-dd),
    /// "file" (relative to the repository root when under it), "line", "state"? (applied, unused, expired) }</c>.
    /// </summary>
    public static void Write(Utf8JsonWriter json, Waiver waiver, WaiverState? state)
    {
        json.WriteStartObject();
        if (waiver.Gate is not null)
        {
            JsonReportValues.Text(json, "gate", waiver.Gate);
        }
        else
        {
            JsonReportValues.Text(json, "advisory", waiver.Advisory);
            JsonReportValues.Text(json, "package", waiver.Package);
            JsonReportValues.Text(json, "version", waiver.Version);
        }

        JsonReportValues.Text(json, "owner", waiver.Owner);
        JsonReportValues.Text(json, "reason", waiver.Reason);
        json.WriteString("expires", waiver.ExpiresText);
        JsonReportValues.Text(json, "file", waiver.DisplayFile.Length > 0 ? waiver.DisplayFile : waiver.File);
        json.WriteNumber("line", waiver.Line);
        if (state is { } known)
        {
            json.WriteString("state", known.ToString().ToLowerInvariant());
        }

        json.WriteEndObject();
    }

    /// <summary>The report's top-level <c>waivers</c> array.</summary>
    public static void WriteOutcomes(Utf8JsonWriter json, QualityGateReport report)
    {
        json.WriteStartArray("waivers");
        foreach (var outcome in report.Waivers)
        {
            Write(json, outcome.Waiver, outcome.State);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// The security section's <c>findings</c> array: the counted findings reports name (<see cref="SecuritySummary.Listed"/>),
    /// each <c>{ "advisory", "aliases", "package", "version", "severity", "kind", "fixedVersion", "scanFile", "tool", "location", "message" }</c>.
    /// </summary>
    public static void WriteListed(Utf8JsonWriter json, SecuritySummary security)
    {
        json.WriteNumber("findingsListedPerSeverity", SecuritySummary.ListedPerSeverity);
        json.WriteStartArray("findings");
        foreach (var finding in security.Listed)
        {
            json.WriteStartObject();
            WriteIdentity(json, finding);
            json.WriteString("kind", finding.Kind);
            JsonReportValues.Text(json, "fixedVersion", finding.FixedVersion);
            JsonReportValues.Text(json, "scanFile", finding.ScanFile);
            JsonReportValues.Text(json, "tool", finding.Tool);
            JsonReportValues.Text(json, "location", finding.Location);
            JsonReportValues.Text(json, "message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteIdentity(Utf8JsonWriter json, SecurityFinding finding)
    {
        JsonReportValues.Text(json, "advisory", finding.Advisory);
        JsonReportValues.TextArray(json, "aliases", finding.Aliases);
        JsonReportValues.Text(json, "package", finding.Package);
        JsonReportValues.Text(json, "version", finding.Version);
        json.WriteString("severity", finding.Severity);
    }

    /// <summary>The security section's <c>waived</c> array: <c>{ "advisory", "aliases", "package", "version", "severity", "waiver" }</c> per finding taken out of the counts.</summary>
    public static void WriteFindings(Utf8JsonWriter json, IReadOnlyList<WaivedFinding> waived)
    {
        json.WriteStartArray("waived");
        foreach (var item in waived)
        {
            json.WriteStartObject();
            WriteIdentity(json, item.Finding);
            json.WritePropertyName("waiver");
            Write(json, item.Waiver, state: null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
