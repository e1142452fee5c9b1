using System.Globalization;
using System.Text;
using System.Xml;
using QualityGates.Reports.Html;

namespace QualityGates.Reports;

/// <summary>
/// What a report folder says while a solution run has no verdict: written over <c>latest.json</c>,
/// <c>junit-gates.xml</c> and <c>gates.html</c> when the run starts, so an interrupted run never leaves the
/// previous run's PASSED set looking current (a CI server's glob then shows a failed case, not green
/// gates), and again with the reason when the run ends without a verdict. The run's verdict replaces
/// all three. The timestamped <c>report-*.json</c> files of earlier runs stay as they are.
/// </summary>
/// <param name="Name">The solution's name (the model name of its reports).</param>
/// <param name="SolutionFile">The solution file.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="Reason">Why the run ended without a verdict; null while it may still be running.</param>
/// <param name="MissingProjects">The test projects that handed in no results, when known.</param>
internal sealed record IncompleteRunReport(string Name, string? SolutionFile, string RunId, DateTime StartedUtc, string? Reason = null, IReadOnlyList<string>? MissingProjects = null)
{
    /// <summary>The <c>status</c> of the marker's JSON; a gate report has none.</summary>
    public const string Status = "incomplete";

    /// <summary>The one sentence every file says.</summary>
    public string Message => Reason is null
        ? string.Create(CultureInfo.InvariantCulture,
            $"The solution run {RunId} of {Name} started at {Time} has no verdict yet: it is still running, or it was interrupted. The last complete verdict is in the report-*.json files.")
        : string.Create(CultureInfo.InvariantCulture,
            $"The solution run {RunId} of {Name} started at {Time} ended without a verdict: {Reason}");

    private string Time => StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The marker's <c>latest.json</c>: no <c>schemaVersion</c> (it is no gate report, so nothing approves from it), <c>allPassed</c> false.</summary>
    public byte[] ToJson() =>
        ProductJson.ToUtf8(new JsonIncompleteRun(this), ReportJsonContext.Default.JsonIncompleteRun);

    /// <summary>The marker's <c>junit-gates.xml</c>: one case, <c>solution.run</c>, in error, under the suite name the solution's verdict uses.</summary>
    public byte[] ToJUnit()
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", CloseOutput = false };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            var suite = "QualityGates." + ReportText.ForXml(Name);
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", suite);
            xml.WriteAttributeString("tests", "1");
            xml.WriteAttributeString("failures", "0");
            xml.WriteAttributeString("errors", "1");
            xml.WriteAttributeString("skipped", "0");
            xml.WriteAttributeString("timestamp", StartedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", suite + ".run");
            xml.WriteAttributeString("name", "solution.run");
            xml.WriteStartElement("error");
            xml.WriteAttributeString("type", Status);
            xml.WriteAttributeString("message", ReportText.ForXml(Message));
            xml.WriteString(ReportText.ForXml(Message));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>The marker's <c>gates.html</c>: an INCOMPLETE banner and the sentence, nothing that looks like a verdict.</summary>
    public byte[] ToHtml()
    {
        var page = new StringBuilder(4 * 1024)
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>Quality gates INCOMPLETE – ").Append(HtmlText.Encode(Name)).Append("</title>\n")
            .Append("<style>\n").Append(HtmlStyles.Css).Append("\n</style>\n</head>\n<body>\n")
            .Append("<header class=\"verdict failed\">\n<h1>INCOMPLETE</h1>\n<div class=\"what\">").Append(HtmlText.Encode(Name)).Append(" · solution run ")
            .Append(HtmlText.Encode(RunId)).Append("</div>\n<div class=\"counts\">started ").Append(HtmlText.Encode(Time)).Append("</div>\n</header>\n<main>\n")
            .Append("<section id=\"incomplete\">\n<p>").Append(HtmlText.Encode(Message)).Append("</p>\n");
        if (MissingProjects is { Count: > 0 } missing)
        {
            page.Append("<p>Test projects that handed in no results:</p>\n<ul>\n");
            foreach (var project in missing)
            {
                page.Append("<li><code>").Append(HtmlText.Encode(project)).Append("</code></li>\n");
            }

            page.Append("</ul>\n");
        }

        page.Append("</section>\n</main>\n<footer>Written by QualityGates when the run ")
            .Append(Reason is null ? "started" : "ended").Append(". <code>junit-gates.xml</code> and <code>latest.json</code> next to this page say the same.</footer>\n</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(page.ToString());
    }
}

/// <summary>The marker's <c>latest.json</c> members, in order.</summary>
internal sealed class JsonIncompleteRun(IncompleteRunReport run)
{
    public string Status => IncompleteRunReport.Status;
    public bool AllPassed => false;
    public string ModelName => run.Name;
    public string? Solution => run.SolutionFile;
    public string RunId => run.RunId;
    public string StartedAt => ProductJson.Timestamp(new DateTimeOffset(run.StartedUtc, TimeSpan.Zero));
    public string Message => run.Message;
    public IReadOnlyList<string> MissingProjects => run.MissingProjects ?? [];
}
