namespace QualityGates.Inputs.Trx;

/// <summary>
/// The Cobertura files a TRX run attached (coverlet.collector's "XPlat Code Coverage"). They are the
/// coverage of exactly that run: older runs' files pile up in the results folder, so globbing it would
/// pick up stale coverage. An attachment lives at
/// <c>&lt;folder of the TRX&gt;/&lt;TestSettings/Deployment/@runDeploymentRoot&gt;/In/&lt;UriAttachment/A/@href&gt;</c>
/// (the layout VSTest's trx logger writes, verified with coverlet.collector 6.0.4 on .NET SDK 10.0.401).
/// The TRX reader collects the links while it reads the file once; see <see cref="Metrics.TestRunSummary.CoverageAttachments"/>.
/// </summary>
internal static class TrxCoverageAttachments
{
    private const string CoberturaSuffix = ".cobertura.xml";

    /// <summary>The absolute paths of the <c>*.cobertura.xml</c> attachments of <paramref name="trxPath"/>, in file order.</summary>
    /// <exception cref="Errors.QualityGatesException">The TRX cannot be read (coded as <see cref="TrxReader"/> codes it).</exception>
    public static IReadOnlyList<string> Find(string trxPath) => new TrxReader().Read(trxPath).CoverageAttachments;

    /// <summary>The Cobertura links among <paramref name="hrefs"/>, resolved under the run's <c>In</c> folder; empty without a deployment root.</summary>
    internal static IReadOnlyList<string> Resolve(string trxPath, string? deploymentRoot, IReadOnlyList<string> hrefs)
    {
        var cobertura = hrefs.Where(h => h.EndsWith(CoberturaSuffix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (deploymentRoot is null || cobertura.Count == 0)
        {
            return Array.Empty<string>();
        }

        var inFolder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(trxPath))!, deploymentRoot, "In");
        return cobertura.Select(h => Path.GetFullPath(Path.Combine(inFolder, h.Replace('\\', '/')))).ToList();
    }
}
