using System.Text;
using System.Xml.Linq;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Tests.Reports;

public sealed class JUnitReportWriterTests
{
    private static readonly string[] AllGates =
    [
        "tests.pass_rate", "coverage.line", "model.quality_score", "model.regression", "model.latency_increase",
        "model.memory_increase", "model.throughput", "security.critical", "security.high", "security.medium",
    ];

    [Fact]
    public void FailingReportValidatesAndCountsThreeFailures()
    {
        var xml = JUnitReportWriter.ToXml(SampleReports.Failing());

        Assert.Empty(JUnitSchema.Validate(xml));
        var suite = SingleSuite(xml);
        Assert.Equal("QualityGates.veran", (string?)suite.Attribute("name"));
        Assert.Equal("10", (string?)suite.Attribute("tests"));
        Assert.Equal("3", (string?)suite.Attribute("failures"));
        Assert.Equal("0", (string?)suite.Attribute("errors"));
        Assert.Equal("0", (string?)suite.Attribute("skipped"));
        Assert.Equal("0", (string?)suite.Attribute("time"));
        Assert.Equal("2025-03-01T12:34:56", (string?)suite.Attribute("timestamp"));
        Assert.Equal(AllGates, suite.Elements("testcase").Select(c => (string?)c.Attribute("name")));
        Assert.All(suite.Elements("testcase"), c => Assert.Equal("QualityGates.veran.production", (string?)c.Attribute("classname")));
        Assert.All(suite.Elements("testcase"), c => Assert.Equal("0", (string?)c.Attribute("time")));
        Assert.Equal(["tests.pass_rate", "coverage.line", "security.critical"],
            suite.Elements("testcase").Where(c => c.Element("failure") is not null).Select(c => (string?)c.Attribute("name")));
    }

    [Fact]
    public void FailureCarriesCodeValueThresholdAndContextInMessageAndText()
    {
        var suite = SingleSuite(JUnitReportWriter.ToXml(SampleReports.Failing()));

        var failure = Case(suite, "tests.pass_rate").Element("failure")!;
        Assert.Equal("QG2001", (string?)failure.Attribute("type"));
        Assert.Equal(
            "Test pass rate 97.0% is below the production minimum of 98.0% (970 of 1000 passed, 2 skipped) [value 97.0%, threshold ≥ 98.0%, context production]",
            (string?)failure.Attribute("message"));
        Assert.Equal(
            "QG2001: Test pass rate 97.0% is below the production minimum of 98.0% (970 of 1000 passed, 2 skipped)\n"
            + "Gate: tests.pass_rate\nValue: 97.0%\nThreshold: ≥ 98.0%\nContext: production\nModel: veran v6.2\nStrict: no",
            failure.Value);

        var critical = Case(suite, "security.critical").Element("failure")!;
        Assert.Equal("QG2009", (string?)critical.Attribute("type"));
        Assert.Equal("1 critical vulnerability exceeds the production maximum of 0 (scan: trivy) [value 1, threshold ≤ 0, context production]",
            (string?)critical.Attribute("message"));
    }

    [Fact]
    public void PassedChecksCarryTheirMessageAsSystemOut()
    {
        var xml = JUnitReportWriter.ToXml(SampleReports.Passing());

        Assert.Empty(JUnitSchema.Validate(xml));
        var suite = SingleSuite(xml);
        Assert.Equal("10", (string?)suite.Attribute("tests"));
        Assert.Equal("0", (string?)suite.Attribute("failures"));
        Assert.Equal("0", (string?)suite.Attribute("skipped"));
        Assert.Empty(suite.Descendants("failure"));
        Assert.Empty(suite.Descendants("skipped"));
        var passRate = Case(suite, "tests.pass_rate");
        Assert.Equal(["system-out"], passRate.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Test pass rate 100.0% meets the production minimum of 98.0% (1000 of 1000 passed, 2 skipped)", passRate.Element("system-out")!.Value);
    }

    [Fact]
    public void SkippedChecksCarryTheReasonAsText()
    {
        var xml = JUnitReportWriter.ToXml(SampleReports.TestsOnly());

        Assert.Empty(JUnitSchema.Validate(xml));
        var suite = SingleSuite(xml);
        Assert.Equal("10", (string?)suite.Attribute("tests"));
        Assert.Equal("0", (string?)suite.Attribute("failures"));
        Assert.Equal("9", (string?)suite.Attribute("skipped"));
        Assert.Equal(9, suite.Descendants("skipped").Count());
        var skipped = Case(suite, "coverage.line").Element("skipped")!;
        Assert.Equal("No coverage results were given; check skipped", skipped.Value);
        Assert.Empty(skipped.Attributes()); // Jenkins' schema allows no attribute on <skipped>
        Assert.Equal("No security scan was given; check skipped", Case(suite, "security.medium").Element("skipped")!.Value);
    }

    [Fact]
    public void ReportWithoutChecksStillGivesAValidSuite()
    {
        var xml = JUnitReportWriter.ToXml(SampleReports.Empty());

        Assert.Empty(JUnitSchema.Validate(xml));
        var suite = SingleSuite(xml);
        Assert.Equal("QualityGates", (string?)suite.Attribute("name"));
        Assert.Equal("0", (string?)suite.Attribute("tests"));
        Assert.Equal("0", (string?)suite.Attribute("failures"));
        Assert.Empty(suite.Elements("testcase"));
        Assert.Equal(["context"], suite.Element("properties")!.Elements("property").Select(p => (string?)p.Attribute("name")).Take(1));
    }

    [Fact]
    public void NamesStayTheSameAcrossVersionsTimesAndOutcomes()
    {
        var first = SampleReports.Passing();
        var second = SampleReports.Evaluate(new GateInputs { Tests = SampleReports.FailingTests }, new ModelIdentity("veran", "v7.0"), SampleReports.Time.AddDays(3));

        static string[] Names(QualityGateReport report) =>
            SingleSuite(JUnitReportWriter.ToXml(report)).Elements("testcase").Select(c => $"{c.Attribute("classname")!.Value}/{c.Attribute("name")!.Value}").ToArray();

        Assert.Equal(JUnitReportWriter.SuiteName(first), JUnitReportWriter.SuiteName(second));
        Assert.Equal(Names(first), Names(second));
    }

    [Fact]
    public void HostileTextIsEscapedOrStrippedAndStillValid()
    {
        const string hostile = "Boom <xml> & \"special\" ]]> 'q' \u0001\u0008\u000B\u001F\uFFFE tab\tnl\ncr\r end \uD800 lone \U0001F600";
        const string cleaned = "Boom <xml> & \"special\" ]]> 'q'  tab\tnl\ncr\r end  lone \U0001F600";
        var report = SampleReports.Failing() with
        {
            Model = new ModelIdentity("ve<r>an & \"co\"", "v]]>1"),
            Checks =
            [
                new GateCheckResult(GateNames.TestPassRate, GateStatus.Failed, 0.5, 0.98, hostile, "QG2001"),
                new GateCheckResult(GateNames.LineCoverage, GateStatus.Skipped, null, 0.9, hostile),
                new GateCheckResult(GateNames.QualityScore, GateStatus.Passed, 0.9, 0.7, hostile),
            ],
        };

        var xml = JUnitReportWriter.ToXml(report);

        Assert.Empty(JUnitSchema.Validate(xml));
        Assert.DoesNotContain("]]>", xml);
        Assert.DoesNotContain('\u0001', xml);
        var suite = SingleSuite(xml);
        Assert.Equal("QualityGates.ve<r>an & \"co\"", (string?)suite.Attribute("name"));
        Assert.Equal("v]]>1", (string?)suite.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == "modelVersion").Attribute("value"));
        var failure = Case(suite, GateNames.TestPassRate).Element("failure")!;
        // Attributes keep line breaks as character references; text turns CR into LF.
        Assert.Equal(cleaned + " [value 50.0%, threshold ≥ 98.0%, context production]", (string?)failure.Attribute("message"));
        Assert.StartsWith("QG2001: " + cleaned.Replace('\r', '\n') + "\nGate: tests.pass_rate", failure.Value);
        Assert.Equal(cleaned.Replace('\r', '\n'), Case(suite, GateNames.LineCoverage).Element("skipped")!.Value);
        Assert.Equal(cleaned.Replace('\r', '\n'), Case(suite, GateNames.QualityScore).Element("system-out")!.Value);
    }

    /// <summary>The run's warnings go into one passing case's output, so Jenkins shows them without failing the build; hostile text stays valid.</summary>
    [Fact]
    public void WarningsAreOnePassingCaseWhoseOutputListsThemAndTheSuiteStillValidates()
    {
        const string hostile = "Boom <xml> & ]]> \u0001 \uD800 é";
        var report = SampleReports.Passing() with
        {
            TargetFramework = "net8.0",
            Warnings = ["handler threw"],
            RunWarnings =
            [
                new GateDiagnostic(DiagnosticSeverity.Warning, "QG2020", hostile, "qualitygates.waivers.json", 4),
                GateDiagnostic.Warning("QG2013", "2 failed tests tolerated"),
            ],
        };

        var xml = JUnitReportWriter.ToXml(report);

        Assert.Empty(JUnitSchema.Validate(xml));
        var suite = SingleSuite(xml);
        Assert.Equal(report.Checks.Count + 1, (int)suite.Attribute("tests")!);
        Assert.Equal("0", (string?)suite.Attribute("failures"));
        var warnings = suite.Elements("testcase").Last();
        Assert.Equal(("warnings (net8.0)", JUnitReportWriter.ClassName(report)), ((string?)warnings.Attribute("name"), (string?)warnings.Attribute("classname")));
        Assert.Equal(
            "3 warnings (none changed the verdict):\nQG2020: Boom <xml> & ]]>   é (qualitygates.waivers.json, line 4)\nQG2013: 2 failed tests tolerated\nQG5004: handler threw",
            warnings.Element("system-out")!.Value);
    }

    [Fact]
    public void WritesUtf8WithoutBomAndIndented()
    {
        using var stream = new MemoryStream();
        JUnitReportWriter.Write(SampleReports.Failing(), stream);
        var bytes = stream.ToArray();

        Assert.Equal("<?xml"u8.ToArray(), bytes[..5]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites>\n  <testsuite name=\"QualityGates.veran\"", text);
        Assert.Contains("threshold ≥ 98.0%", text); // raw UTF-8, not a character reference
    }

    [Fact]
    public void LeavesTheStreamOpen()
    {
        using var stream = new MemoryStream();
        JUnitReportWriter.Write(SampleReports.Empty(), stream);

        Assert.True(stream.CanWrite);
    }

    private static XElement SingleSuite(string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        return Assert.Single(root.Elements("testsuite"));
    }

    private static XElement Case(XElement suite, string gate) =>
        suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == gate);
}
