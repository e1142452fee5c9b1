using QualityGates.Errors;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// <c>dotnet list package --vulnerable [--include-transitive] --format json</c> (output version 1):
/// <c>projects[].frameworks[].topLevelPackages/transitivePackages[].vulnerabilities[]</c> with
/// <c>severity</c> and <c>advisoryurl</c>. A project with nothing vulnerable has no <c>frameworks</c>.
/// The advisory id is the last segment of the advisory URL (a GHSA id on nuget.org).
/// </summary>
internal sealed class DotnetListVulnerableFormat : ISecurityScanFormat
{
    private static readonly string[] PackageLists = ["topLevelPackages", "transitivePackages"];

    public string Name => "dotnet-list-package";

    public bool Recognizes(JsonCursor root) => root.Contains("projects") && root.Contains("parameters");

    public ScanOrigin Read(JsonCursor root, FindingTally tally)
    {
        tally.ScanTool = "dotnet list package";
        if (root.Optional("version") is { } version && version.AsFiniteNumber() != 1)
        {
            throw version.Error(ErrorCodes.WrongFileKind,
                $"dotnet list package JSON version {version.RawText} is not supported; this reader knows version 1.");
        }

        // --outdated or --deprecated reports have the same shape but say nothing about vulnerabilities.
        var parameters = root.Required("parameters");
        if (!parameters.AsString().Contains("--vulnerable", StringComparison.OrdinalIgnoreCase))
        {
            throw parameters.Error(ErrorCodes.WrongFileKind,
                $"this dotnet list package report was made with '{parameters.AsString()}', not --vulnerable, so it lists no vulnerabilities.");
        }

        // An error (a project that could not be read, a source that could not be asked) means the
        // list is incomplete; counting it would let a gate pass on missing data.
        foreach (var problem in root.OptionalItems("problems"))
        {
            if (problem.Optional("error") is { } error)
            {
                var project = problem.Optional("project")?.AsString();
                throw error.Error(ErrorCodes.ScanReportedError,
                    $"dotnet list package reported an error{(project is null ? string.Empty : $" for '{project}'")}: {error.AsString()}");
            }
        }

        foreach (var project in root.Required("projects").Items())
        {
            foreach (var framework in project.OptionalItems("frameworks"))
            {
                foreach (var list in PackageLists)
                {
                    foreach (var package in framework.OptionalItems(list))
                    {
                        ReadPackage(package, tally);
                    }
                }
            }
        }

        return new ScanOrigin("dotnet list package", null);
    }

    private static void ReadPackage(JsonCursor package, FindingTally tally)
    {
        var id = package.Required("id").AsString();
        var version = package.Optional("resolvedVersion")?.AsString() ?? package.Optional("requestedVersion")?.AsString() ?? string.Empty;
        foreach (var vulnerability in package.OptionalItems("vulnerabilities"))
        {
            var advisory = AdvisoryId(vulnerability.Optional("advisoryurl")?.AsString());
            if (advisory is null)
            {
                tally.Add(SeverityOf(vulnerability), identity: null, new FindingDetails("package", "(no advisory)", id, version));
            }
            else
            {
                tally.AddPackage(SeverityOf(vulnerability), advisory, [], id, version);
            }
        }
    }

    private static string? AdvisoryId(string? advisoryUrl)
    {
        if (string.IsNullOrWhiteSpace(advisoryUrl))
        {
            return null;
        }

        var trimmed = advisoryUrl.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash >= 0 && slash < trimmed.Length - 1 ? trimmed[(slash + 1)..] : trimmed;
    }

    /// <summary>Critical, High, Moderate (NuGet's word for medium), Low; the empty string NuGet writes for an unrated advisory, or any other word, is Unknown.</summary>
    private static FindingSeverity SeverityOf(JsonCursor vulnerability) =>
        vulnerability.Optional("severity")?.AsString().ToUpperInvariant() switch
        {
            "CRITICAL" => FindingSeverity.Critical,
            "HIGH" => FindingSeverity.High,
            "MODERATE" or "MEDIUM" => FindingSeverity.Medium,
            "LOW" => FindingSeverity.Low,
            _ => FindingSeverity.Unknown,
        };
}
