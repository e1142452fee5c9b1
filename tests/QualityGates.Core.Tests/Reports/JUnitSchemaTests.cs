
namespace QualityGates.Tests.Reports;

/// <summary>The schema check itself must be able to fail, or a passing validation proves nothing.</summary>
public sealed class JUnitSchemaTests
{
    [Fact]
    public void RejectsAMessageAttributeOnSkipped()
    {
        const string xml = "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"c\"><skipped message=\"why\"/></testcase></testsuite></testsuites>";

        Assert.NotEmpty(JUnitSchema.Validate(xml));
    }

    [Fact]
    public void RejectsTheReferenceLoggersEmptyProperties()
    {
        var xml = File.ReadAllText(Fixtures.Path("junit-reference", "guardclauses-xunit-failskip.junitxml-testlogger.xml"));

        Assert.Contains(JUnitSchema.Validate(xml), p => p.Contains("properties", StringComparison.Ordinal));
    }
}
