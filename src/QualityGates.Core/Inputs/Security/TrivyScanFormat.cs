using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// Trivy JSON in every layout that holds findings: an object with <c>SchemaVersion</c> 2 and <c>Results[]</c>
/// (image, fs, repo, config, sbom scans); the legacy top-level array of results (before SchemaVersion); the
/// literal <c>null</c> that old Trivy wrote when it found nothing; and the <c>trivy k8s</c> cluster report
/// (aquasecurity/trivy pkg/k8s/report: <c>ClusterName</c> with resources that each hold <c>Results[]</c> —
/// <c>--report all</c> writes them under <c>Resources[]</c> (before v0.42 under <c>Vulnerabilities[]</c> and
/// <c>Misconfigurations[]</c>), <c>--report summary</c> under <c>Findings[]</c>, its ConsolidatedReport).
/// Each result is read by <see cref="TrivyResultReader"/>. A cluster report with any other list, and a
/// compliance report (pkg/compliance/report: findings per control, or only their counts), are refused (QG1006):
/// counting none of their findings would pass a gate on a cluster no one looked at.
/// </summary>
internal sealed class TrivyScanFormat : ISecurityScanFormat
{
    private static readonly string[] ClusterResourceLists = ["Vulnerabilities", "Misconfigurations", "Resources", "Findings"];

    public string Name => "trivy";

    public bool Recognizes(JsonCursor root) => root.Kind switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Array => root.Items().Take(1).Any(first => first.Contains("Target")),
        JsonValueKind.Object => root.Contains("SchemaVersion")
            || root.Contains("ClusterName")
            || (root.Contains("Results") && root.Contains("ArtifactName"))
            || IsComplianceReport(root),
        _ => false,
    };

    public ScanOrigin Read(JsonCursor root, FindingTally tally)
    {
        tally.ScanTool = "trivy";
        if (root.Kind == JsonValueKind.Null)
        {
            return new ScanOrigin("trivy", null);
        }

        if (root.Kind == JsonValueKind.Array)
        {
            foreach (var result in root.Items())
            {
                TrivyResultReader.Read(result, resource: string.Empty, tally);
            }

            return new ScanOrigin("trivy", null);
        }

        if (IsComplianceReport(root))
        {
            throw root.Error(ErrorCodes.WrongFileKind,
                "this is a trivy compliance report (trivy k8s/image --compliance): it lists each control's results, "
                + "or with --report summary only how many failed, not the scan's findings. Scan again with --format json and "
                + "without --compliance, and give that report.");
        }

        if (root.Optional("SchemaVersion") is { } schemaVersion && schemaVersion.AsFiniteNumber() != 2)
        {
            throw schemaVersion.Error(ErrorCodes.WrongFileKind,
                $"Trivy SchemaVersion {schemaVersion.RawText} is not supported; this reader knows SchemaVersion 2.");
        }

        if (root.Has("ClusterName"))
        {
            ReadCluster(root, tally);
        }
        else
        {
            foreach (var result in root.OptionalItems("Results"))
            {
                TrivyResultReader.Read(result, resource: string.Empty, tally);
            }
        }

        return new ScanOrigin("trivy", root.Optional("CreatedAt")?.AsString());
    }

    /// <summary>
    /// A compliance report: <c>ID</c> and <c>Title</c> with the controls' results (<c>RelatedResources</c>, <c>Results[]</c>
    /// of controls) or their summary (<c>SummaryControls[]</c>).
    /// </summary>
    private static bool IsComplianceReport(JsonCursor root) =>
        root.Contains("ID") && root.Contains("Title") && (root.Contains("SummaryControls") || root.Contains("RelatedResources"));

    private static void ReadCluster(JsonCursor root, FindingTally tally)
    {
        // A list this reader does not know may hold findings it would not count.
        foreach (var name in root.PropertyNames.Where(n => !ClusterResourceLists.Contains(n, StringComparer.Ordinal)))
        {
            if (root.Optional(name) is { Kind: JsonValueKind.Array } unknown)
            {
                throw unknown.Error(ErrorCodes.WrongFileKind,
                    $"this trivy k8s report has a list '{name}' this reader does not know (it reads {string.Join(", ", ClusterResourceLists)}); "
                    + "its resources' findings would go uncounted.");
            }
        }

        foreach (var list in ClusterResourceLists)
        {
            foreach (var resource in root.OptionalItems(list))
            {
                // Misconfigurations belong to their workload; the same check failing on two
                // deployments is two findings.
                var name = string.Join('/',
                    resource.Optional("Namespace")?.AsString() ?? string.Empty,
                    resource.Optional("Kind")?.AsString() ?? string.Empty,
                    resource.Optional("Name")?.AsString() ?? string.Empty);
                // trivy k8s writes a resource it could not scan with its "Error" text and no results;
                // counting the rest would pass a gate on a cluster it did not see whole.
                if (resource.Optional("Error")?.AsString() is { Length: > 0 } error)
                {
                    throw resource.Error(ErrorCodes.ScanReportedError, $"trivy could not scan {name}: {error}");
                }

                foreach (var result in resource.OptionalItems("Results"))
                {
                    TrivyResultReader.Read(result, name, tally);
                }
            }
        }
    }
}
