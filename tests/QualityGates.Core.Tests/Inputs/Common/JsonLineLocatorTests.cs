using System.Text;
using QualityGates.Inputs.Common;

namespace QualityGates.Tests.Inputs.Common;

/// <summary>Finding the line of a JSON path, used only to report errors.</summary>
public sealed class JsonLineLocatorTests
{
    private const string Scan = """
        {
          "descriptor": { "name": "grype" },
          "matches": [
            {
              "vulnerability": { "id": "CVE-1", "severity": "High" }
            },
            {
              "vulnerability": {
                "id": "CVE-2",
                "severity": 7
              }
            }
          ],
          "properties": {
            "security-severity": "8.2",
            "problem.severity": "error"
          }
        }
        """;

    [Theory]
    [InlineData("$", 1)]
    [InlineData("$.descriptor.name", 2)]
    [InlineData("$.matches", 3)]
    [InlineData("$.matches[0]", 4)]
    [InlineData("$.matches[0].vulnerability.severity", 5)]
    [InlineData("$.matches[1].vulnerability.severity", 10)]
    [InlineData("$.properties['security-severity']", 15)]
    [InlineData("$.properties['problem.severity']", 16)]
    public void FindsTheLineWhereTheValueStarts(string path, int line)
    {
        Assert.Equal(line, JsonLineLocator.FindLine(Encoding.UTF8.GetBytes(Scan), path));
    }

    [Theory]
    // A missing field or element is reported at the deepest value that exists.
    [InlineData("$.matches[1].vulnerability.fix", 8)]
    [InlineData("$.matches[5].vulnerability", 3)]
    [InlineData("$.descriptor.name.first", 2)]
    public void FallsBackToTheDeepestExistingValue(string path, int line)
    {
        Assert.Equal(line, JsonLineLocator.FindLine(Encoding.UTF8.GetBytes(Scan), path));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(64)]
    public void FindsTheSameLineThroughABufferRefilledMidToken(int bufferSize)
    {
        var reader = JsonFileReader.Over(Encoding.UTF8.GetBytes(Scan), bufferSize);

        Assert.Equal(16, JsonLineLocator.FindLine(reader, "$.properties['problem.severity']"));
    }

    [Fact]
    public void SkipsAByteOrderMarkAndComments()
    {
        var json = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("// header\n{\n  /* x */ \"a\":\n    [1, 2]\n}")).ToArray();

        Assert.Equal(4, JsonLineLocator.FindLine(json, "$.a[1]"));
    }

    [Fact]
    public void ReadsEscapedPropertyNames()
    {
        var json = "{\n\"\\u0061b\": 1\n}";

        Assert.Equal(2, JsonLineLocator.FindLine(Encoding.UTF8.GetBytes(json), "$.ab"));
    }

    [Fact]
    public void ReturnsZeroForBytesThatAreNotJson()
    {
        Assert.Equal(0, JsonLineLocator.FindLine(Encoding.UTF8.GetBytes("{ \"a\": [1, "), "$.a[5]"));
    }

    [Theory]
    [InlineData("name", "$.name")]
    [InlineData("security-severity", "$['security-severity']")]
    [InlineData("problem.severity", "$['problem.severity']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("$schema", "$['$schema']")]
    public void WritesNamesThatAreNotIdentifiersInBrackets(string name, string path)
    {
        Assert.Equal(path, JsonPath.Property(JsonPath.Root, name));
        Assert.Equal([JsonPathSegment.Property(name)], JsonPath.Parse(path));
    }
}
