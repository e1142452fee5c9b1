using System.Xml;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Finds the Cobertura files a TRX run attached (coverlet.collector's "XPlat Code Coverage"). They are
/// the coverage of exactly that run: older runs' files pile up in the results folder, so globbing it
/// would pick up stale coverage. An attachment lives at
/// <c>&lt;folder of the TRX&gt;/&lt;runDeploymentRoot&gt;/In/&lt;href&gt;</c>
/// (see ../shared/notes/msbuild-mechanics.md §3).
/// </summary>
public static class TrxCoverageAttachments
{
    private const string CoberturaSuffix = ".cobertura.xml";

    /// <summary>The absolute paths of the <c>*.cobertura.xml</c> attachments of <paramref name="trxPath"/>, in file order.</summary>
    public static IReadOnlyList<string> Find(string trxPath)
    {
        using var stream = InputFile.OpenRead(trxPath);
        using var reader = XmlInput.CreateReader(stream);
        string? deploymentRoot = null;
        var hrefs = new List<string>();
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "Deployment")
                {
                    deploymentRoot ??= reader.GetAttribute("runDeploymentRoot");
                }
                else if (reader.LocalName == "A" && reader.GetAttribute("href") is { } href
                    && href.EndsWith(CoberturaSuffix, StringComparison.OrdinalIgnoreCase))
                {
                    hrefs.Add(href);
                }
            }
        }
        catch (XmlException ex)
        {
            throw XmlInput.Malformed(trxPath, ex);
        }

        if (deploymentRoot is null || hrefs.Count == 0)
        {
            return Array.Empty<string>();
        }

        var inFolder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(trxPath))!, deploymentRoot, "In");
        return hrefs.Select(h => Path.GetFullPath(Path.Combine(inFolder, h.Replace('\\', '/')))).ToList();
    }
}
