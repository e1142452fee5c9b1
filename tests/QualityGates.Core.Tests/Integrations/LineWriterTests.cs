using QualityGates.Integrations;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Integrations;

public class LineWriterTests
{
    [Fact]
    public void HandsOnEachLineWithoutItsLineEnd()
    {
        var lines = new List<string>();
        using (var writer = new LineWriter(lines.Add))
        {
            writer.WriteLine("one");
            writer.Write("two\r\nthree");
            writer.Write('\n');
            writer.Write("{0} left open", "last");
        }

        Assert.Equal(["one", "two", "three", "last left open"], lines);
    }

    [Fact]
    public void CarriesTheReportersCommandsLineByLine()
    {
        var lines = new List<string>();
        using var writer = new LineWriter(lines.Add);

        CiReporter.Report(SampleReports.Failing(), null, writer, null, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }.GetValueOrDefault);

        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("::error title=QG20", l));
    }
}
