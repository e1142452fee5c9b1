using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Reports.Html;
using QualityGates.Tests.Registry;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Files;

/// <summary>Bidi and zero-width characters are refused in names and shown, not obeyed, in reports.</summary>
public class HiddenCharacterTests
{
    public static TheoryData<string> Spoofs() => ["ver\u202Ean", "ve\u200Bran", "veran\u2066", "\uFEFFveran", "ver\u00ADan", "veran\U000E0041"];

    [Theory]
    [MemberData(nameof(Spoofs))]
    public void AModelNameOrVersionWithAHiddenCharacterIsRefused(string spoof)
    {
        Assert.Equal(ErrorCodes.InvalidModelIdentity, Assert.Throws<QualityGatesException>(() => ModelIdentity.Parse(spoof + ":v1", "--model")).Code);
        Assert.Equal(ErrorCodes.InvalidModelIdentity, Assert.Throws<QualityGatesException>(() => ModelIdentity.Parse("veran:" + spoof, "--model")).Code);
    }

    [Theory]
    [MemberData(nameof(Spoofs))]
    public void AnApproverNameWithAHiddenCharacterIsRefused(string spoof)
    {
        using var scene = new RegistryScene();

        var error = Assert.Throws<QualityGatesException>(() =>
            scene.Registry.Approve(new ModelIdentity("veran", "v1"), DeploymentContext.Staging, spoof));

        Assert.Equal(ErrorCodes.RegistryValueNotAllowed, error.Code);
        Assert.Contains("U+", error.Message);
    }

    [Fact]
    public void NotesMaySpanLinesButNotHideText()
    {
        using var scene = new RegistryScene();
        var model = new ModelIdentity("veran", "v1");

        scene.Registry.Approve(model, DeploymentContext.Staging, "alice", "line one\nline two");
        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(model, DeploymentContext.Staging, "alice", "ok \u202Etxt.exe"));

        Assert.Equal(ErrorCodes.RegistryValueNotAllowed, error.Code);
    }

    [Fact]
    public void ReportsShowBidiAndZeroWidthCharactersInsteadOfObeyingThem()
    {
        const string message = "test \u202Egnp.exe and zero\u200Bwidth";
        var report = SampleReports.Failing() with
        {
            Checks = [new GateCheckResult("tests.pass_rate", GateStatus.Failed, 0.5, 0.98, message, "QG2001")],
        };

        var html = System.Text.Encoding.UTF8.GetString(HtmlReportWriter.ToUtf8(report));
        var markdown = MarkdownSummary.Render(report, null, 1_000_000)!;

        foreach (var text in new[] { html, markdown })
        {
            Assert.DoesNotContain('\u202E', text);
            Assert.DoesNotContain('\u200B', text);
            Assert.Contains("&lt;U+202E&gt;", text);
            Assert.Contains("&lt;U+200B&gt;", text);
        }
    }
}
