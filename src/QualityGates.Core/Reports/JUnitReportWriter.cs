using System.Globalization;
using System.Text;
using System.Xml;
using QualityGates.Gates;

namespace QualityGates.Reports;

/// <summary>
/// Writes <c>junit-gates.xml</c>: one <c>&lt;testsuite&gt;</c> with one <c>&lt;testcase&gt;</c> per check (and a
/// passing <see cref="WarningsCaseName"/> case when the run has warnings), valid against Jenkins' JUnit schema. Suite and case names never contain run-specific values
/// (timestamps, versions, figures), so Jenkins tracks each gate's history across builds. The legs of a
/// multi-targeting project each write a file; their <see cref="QualityGateReport.TargetFramework"/> goes into
/// suite, class and case names so that a glob reading both never merges two legs into one case (the
/// JUnit plugin renames the second <c>tests.pass_rate_2</c>, older versions drop it). With one target
/// framework the names stay exactly as they are.
/// </summary>
internal static class JUnitReportWriter
{
    /// <summary>The file name CI servers are pointed at.</summary>
    public const string FileName = "junit-gates.xml";

    private const string SuitePrefix = "QualityGates";

    /// <summary>
    /// The passing case that lists the run's warnings in its <c>&lt;system-out&gt;</c>, written only when the run
    /// has some: Jenkins shows a case's output on its page, never fails a build for it, and shows a suite's
    /// own output only on cases that have none (the checks that passed have theirs).
    /// </summary>
    public const string WarningsCaseName = "warnings";

    /// <summary>
    /// "QualityGates.&lt;model name&gt;", or "QualityGates" when the report names no model; then " (net8.0)"
    /// when the report has a target framework.
    /// </summary>
    public static string SuiteName(QualityGateReport report) => BaseName(report) + FrameworkSuffix(report);

    /// <summary>
    /// The test-case class name: the suite name plus the context ("QualityGates.veran.production").
    /// Jenkins shows the part before the last dot as the package and the rest as the class, and the
    /// context keeps a staging and a production gate of the same build apart. A target framework is joined
    /// to the context with its dots as underscores ("QualityGates.production_net8_0"), since Jenkins splits
    /// the class name at the last dot.
    /// </summary>
    public static string ClassName(QualityGateReport report) =>
        BaseName(report) + "." + report.ContextName
        + (TargetFrameworkOf(report) is { } framework ? "_" + framework.Replace('.', '_') : string.Empty);

    /// <summary>The test-case name: the gate ("tests.pass_rate"), then " (net8.0)" when the report has a target framework.</summary>
    public static string CaseName(QualityGateReport report, GateCheckResult check) =>
        ReportText.ForXml(check.Gate) + FrameworkSuffix(report);

    private static string BaseName(QualityGateReport report) =>
        report.Model is null ? SuitePrefix : SuitePrefix + "." + ReportText.ForXml(report.Model.Name);

    private static string? TargetFrameworkOf(QualityGateReport report) =>
        string.IsNullOrWhiteSpace(report.TargetFramework) ? null : ReportText.ForXml(report.TargetFramework.Trim());

    private static string FrameworkSuffix(QualityGateReport report) =>
        TargetFrameworkOf(report) is { } framework ? " (" + framework + ")" : string.Empty;

    /// <summary>Writes the report to <paramref name="stream"/> as UTF-8 without BOM; the stream is left open.</summary>
    public static void Write(QualityGateReport report, Stream stream)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            // Replace entitizes line breaks inside attributes, so a multi-line message survives in message="...".
            NewLineHandling = NewLineHandling.Replace,
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        WriteSuite(xml, report);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The report as XML text.</summary>
    public static string ToXml(QualityGateReport report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The cases of the suite: one per check, except a benchmark gate judged per benchmark, which is one case per
    /// benchmark (<c>benchmarks.time[MyLib.Parse(Size: 100)]</c>, <see cref="BenchmarkRows"/>), so Jenkins shows
    /// which benchmark regressed and keeps each one's history.
    /// </summary>
    private static List<GateCheckResult> Cases(QualityGateReport report) =>
        report.Checks.SelectMany(check => BenchmarkRows.For(report, check) is { } rows
            ? rows.Select(r => new GateCheckResult(r.Gate, r.Status, r.Value, check.Threshold, r.Message, r.Status == GateStatus.Failed ? check.Code : null))
            : [check]).ToList();

    private static void WriteSuite(XmlWriter xml, QualityGateReport report)
    {
        var cases = Cases(report);
        var failures = cases.Count(c => c.Status == GateStatus.Failed);
        var skipped = cases.Count(c => c.Status == GateStatus.Skipped);
        var warnings = report.AllWarnings;

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", SuiteName(report));
        xml.WriteAttributeString("tests", Count(cases.Count + (warnings.Count > 0 ? 1 : 0)));
        xml.WriteAttributeString("failures", Count(failures));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Count(skipped));
        // Checks are arithmetic on figures already read; their time is not worth reporting.
        xml.WriteAttributeString("time", "0");
        // Ant's convention: UTC without a zone designator (the Ant schema forbids one).
        xml.WriteAttributeString("timestamp", report.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));

        // Jenkins ignores these; other readers (and people) get the run's settings in one place.
        xml.WriteStartElement("properties");
        WriteProperty(xml, "context", report.ContextName);
        if (report.Model is not null)
        {
            WriteProperty(xml, "model", report.Model.Name);
            WriteProperty(xml, "modelVersion", report.Model.Version);
        }

        if (TargetFrameworkOf(report) is { } framework)
        {
            WriteProperty(xml, "targetFramework", framework);
        }

        WriteProperty(xml, "strict", report.Strict ? "true" : "false");
        WriteProperty(xml, "allPassed", report.AllPassed ? "true" : "false");
        xml.WriteEndElement();

        var className = ClassName(report);
        foreach (var check in cases)
        {
            WriteCase(xml, report, className, check);
        }

        if (warnings.Count > 0)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", WarningsCaseName + FrameworkSuffix(report));
            xml.WriteAttributeString("classname", className);
            xml.WriteAttributeString("time", "0");
            xml.WriteElementString("system-out", ReportText.ForXml(WarningsText(warnings)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>One line per warning: "QG2019: message (file, line 4)".</summary>
    private static string WarningsText(IReadOnlyList<Errors.GateDiagnostic> warnings)
    {
        var text = new StringBuilder(warnings.Count == 1 ? "1 warning" : Count(warnings.Count) + " warnings")
            .Append(" (none changed the verdict):");
        foreach (var warning in warnings)
        {
            text.Append('\n').Append(warning.Code).Append(": ").Append(warning.Message);
            if (warning.File is { } file)
            {
                text.Append(" (").Append(file).Append(warning.Line > 0 ? ", line " + Count(warning.Line) : string.Empty).Append(')');
            }
        }

        return text.ToString();
    }

    private static void WriteCase(XmlWriter xml, QualityGateReport report, string className, GateCheckResult check)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", CaseName(report, check));
        xml.WriteAttributeString("classname", className);
        xml.WriteAttributeString("time", "0");
        switch (check.Status)
        {
            case GateStatus.Failed:
                // Jenkins shows @message as "Error Message" and the text as "Stacktrace"; it drops
                // <properties>, so both carry value, threshold and context themselves.
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", ReportText.ForXml(FailureMessage(report, check)));
                xml.WriteAttributeString("type", check.Code ?? "failure");
                xml.WriteString(ReportText.ForXml(FailureDetails(report, check)));
                xml.WriteEndElement();
                break;
            case GateStatus.Skipped:
                // Jenkins' schema types <skipped> as text only (no message attribute); Jenkins reads the text as the reason.
                xml.WriteElementString("skipped", ReportText.ForXml(check.Message));
                break;
            default:
                xml.WriteElementString("system-out", ReportText.ForXml(check.Message));
                break;
        }

        xml.WriteEndElement();
    }

    /// <summary>The one-line failure message: the check's message, then value, threshold and context.</summary>
    internal static string FailureMessage(QualityGateReport report, GateCheckResult check) =>
        $"{check.Message} [value {ValueText(check)}, threshold {ThresholdText(check)}, context {report.ContextName}]";

    private static string FailureDetails(QualityGateReport report, GateCheckResult check)
    {
        var text = new StringBuilder();
        text.Append(check.Code ?? "failure").Append(": ").Append(check.Message).Append('\n');
        text.Append("Gate: ").Append(check.Gate).Append('\n');
        text.Append("Value: ").Append(ValueText(check)).Append('\n');
        text.Append("Threshold: ").Append(ThresholdText(check)).Append('\n');
        text.Append("Context: ").Append(report.ContextName).Append('\n');
        if (report.Model is not null)
        {
            text.Append("Model: ").Append(report.Model.Name).Append(' ').Append(report.Model.Version).Append('\n');
        }

        text.Append("Strict: ").Append(report.Strict ? "yes" : "no");
        return text.ToString();
    }

    private static string ValueText(GateCheckResult check) =>
        check.Value is null ? "not measured" : GateDescriptions.FormatValue(check.Gate, check.Value);

    private static string ThresholdText(GateCheckResult check) =>
        check.Threshold is null ? "none" : GateDescriptions.FormatThreshold(check.Gate, check.Threshold);

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", ReportText.ForXml(value));
        xml.WriteEndElement();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
