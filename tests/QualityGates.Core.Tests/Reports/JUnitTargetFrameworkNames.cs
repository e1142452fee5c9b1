using System.Xml.Linq;
using QualityGates.Reports;

namespace QualityGates.Tests.Reports;

/// <summary>
/// The net8.0 and net10.0 legs of a multi-targeting project write two junit-gates.xml that one Jenkins glob
/// reads; their names must differ, or the JUnit plugin merges them (renaming a case tests.pass_rate_2).
/// </summary>
public sealed class JUnitTargetFrameworkNames
{
    [Fact]
    public void NamesWithoutATargetFrameworkStayAsTheyWere()
    {
        var xml = XDocument.Parse(JUnitReportWriter.ToXml(SampleReports.Passing()));

        Assert.Equal("QualityGates.veran", xml.Root!.Element("testsuite")!.Attribute("name")!.Value);
        var first = xml.Descendants("testcase").First();
        Assert.Equal("QualityGates.veran.production", first.Attribute("classname")!.Value);
        Assert.Equal("tests.pass_rate", first.Attribute("name")!.Value);
        Assert.DoesNotContain(xml.Descendants("property"), p => p.Attribute("name")!.Value == "targetFramework");
    }

    [Fact]
    public void TwoLegsOfOneProjectGetDistinctSuiteClassAndCaseNames()
    {
        var net8 = XDocument.Parse(JUnitReportWriter.ToXml(SampleReports.Passing() with { TargetFramework = "net8.0" }));
        var net10 = XDocument.Parse(JUnitReportWriter.ToXml(SampleReports.Passing() with { TargetFramework = "net10.0" }));

        Assert.Equal("QualityGates.veran (net8.0)", net8.Root!.Element("testsuite")!.Attribute("name")!.Value);
        var case8 = net8.Descendants("testcase").First();
        Assert.Equal("QualityGates.veran.production_net8_0", case8.Attribute("classname")!.Value);
        Assert.Equal("tests.pass_rate (net8.0)", case8.Attribute("name")!.Value);
        Assert.Contains(net8.Descendants("property"), p => p.Attribute("name")!.Value == "targetFramework" && p.Attribute("value")!.Value == "net8.0");

        var names8 = net8.Descendants("testcase").Select(c => c.Attribute("classname")!.Value + "/" + c.Attribute("name")!.Value);
        var names10 = net10.Descendants("testcase").Select(c => c.Attribute("classname")!.Value + "/" + c.Attribute("name")!.Value);
        Assert.Empty(names8.Intersect(names10));
    }
}
