using QualityGates.Integrations;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Integrations;

public class CiIntegrationsTests
{
    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", "github-actions")]
    [InlineData("GITHUB_ACTIONS", "TRUE", "github-actions")]
    [InlineData("TF_BUILD", "True", "azure-pipelines")]
    [InlineData("TF_BUILD", "true", "azure-pipelines")]
    [InlineData("GITHUB_ACTIONS", "false", null)]
    [InlineData("TF_BUILD", "1", null)]
    [InlineData("JENKINS_URL", "http://ci/", null)]
    [InlineData("GITLAB_CI", "true", null)]
    public void DetectsTheCiServerFromItsVariable(string name, string value, string? expected)
    {
        var environment = new Dictionary<string, string> { [name] = value };

        Assert.Equal(expected, CiIntegrations.Detect(environment.GetValueOrDefault)?.Name);
    }

    [Fact]
    public void OutsideCiWithoutAWebhookNothingIsWritten()
    {
        var commands = new StringWriter();

        var warnings = CiReporter.Report(SampleReports.Failing(), null, commands, new CiReportOptions(), _ => null);

        Assert.Empty(warnings);
        Assert.Equal(string.Empty, commands.ToString());
    }
}
