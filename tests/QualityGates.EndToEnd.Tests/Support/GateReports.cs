using System.Xml.Linq;

namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>What a run wrote to a report folder: junit-gates.xml and report-*.json.</summary>
public sealed class GateReports
{
    private GateReports(string directory)
    {
        Directory = directory;
        JUnit = XDocument.Load(Path.Combine(directory, "junit-gates.xml"));
    }

    public string Directory { get; }

    public XDocument JUnit { get; }

    /// <summary>The JSON reports in the folder (one per run).</summary>
    public IReadOnlyList<string> JsonReports => System.IO.Directory.GetFiles(Directory, "report-*.json");

    /// <summary>Names of the JUnit test cases (one per check, then <c>warnings</c> when the run had any).</summary>
    public IReadOnlyList<string> TestCases => JUnit.Descendants("testcase").Select(t => (string)t.Attribute("name")!).ToList();

    /// <summary>Names of the test cases with a failure.</summary>
    public IReadOnlyList<string> Failures => JUnit.Descendants("testcase").Where(t => t.Element("failure") is not null)
        .Select(t => (string)t.Attribute("name")!).ToList();

    /// <summary>The codes of the run's warnings, from <c>latest.json</c>'s <c>warningDetails</c>.</summary>
    public IReadOnlyList<string> WarningCodes
    {
        get
        {
            using var latest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "latest.json")));
            return latest.RootElement.GetProperty("warningDetails").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToList();
        }
    }

    /// <summary>Reads the reports in <paramref name="directory"/>; fails the test when junit-gates.xml is missing.</summary>
    public static GateReports In(string directory)
    {
        Assert.True(File.Exists(Path.Combine(directory, "junit-gates.xml")), "no junit-gates.xml in " + directory);
        return new GateReports(directory);
    }
}
