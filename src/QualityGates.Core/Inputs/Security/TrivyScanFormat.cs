using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// Trivy JSON in its four layouts: an object with <c>SchemaVersion</c> 2 and <c>Results[]</c>; the
/// legacy top-level array of results (before SchemaVersion); the literal <c>null</c> that old Trivy
/// wrote when it found nothing; and the <c>trivy k8s</c> cluster report (<c>ClusterName</c> with
/// <c>Vulnerabilities[]</c>/<c>Misconfigurations[]</c>, or <c>Resources[]</c>, of resources that each
/// hold <c>Results[]</c>). Each result is read by <see cref="TrivyResultReader"/>.
/// </summary>
internal sealed class TrivyScanFormat : ISecurityScanFormat
{
    private static readonly string[] ClusterResourceLists = ["Vulnerabilities", "Misconfigurations", "Resources"];

    public string Name => "trivy";

    public bool Recognizes(JsonCursor root) => root.Kind switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Array => root.Items().Take(1).Any(first => first.Contains("Target")),
        JsonValueKind.Object => root.Contains("SchemaVersion")
            || root.Contains("ClusterName")
            || (root.Contains("Results") && root.Contains("ArtifactName")),
        _ => false,
    };

    public ScanOrigin Read(JsonCursor root, FindingTally tally)
    {
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

    private static void ReadCluster(JsonCursor root, FindingTally tally)
    {
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
