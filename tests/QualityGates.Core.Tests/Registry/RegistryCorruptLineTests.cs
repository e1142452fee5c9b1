using System.Text;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Registry;

namespace QualityGates.Tests.Registry;

/// <summary>Torn writes and hand edits: each bad line is one warning with its line number, and the records around it survive.</summary>
public sealed class RegistryCorruptLineTests
{
    private static readonly ModelIdentity V62 = new("veran", "v6.2");

    [Fact]
    public void TornLineInTheMiddleIsSkippedWithItsLineNumber()
    {
        using var scene = ThreeApprovals(out var lines);
        File.WriteAllText(scene.FileOf("veran"), lines[0] + "\n" + lines[1][..40] + "\n" + lines[2] + "\n");

        var history = scene.Registry.GetHistory(V62);

        Assert.Equal(["development", "production"], history.Value.Select(r => r.ContextName));
        Assert.Equal([1, 3], history.Value.Select(r => r.Line));
        var warning = Assert.Single(history.Warnings);
        Assert.Equal((scene.FileOf("veran"), 2, ErrorCodes.RegistryLineCorrupt), (warning.File, warning.Line, warning.Code));
        Assert.StartsWith("The line is not a valid registry record and is skipped: it is not complete JSON (torn or edited)", warning.Message);
    }

    [Fact]
    public void LastLineCutOffMidWriteIsReportedAsSuch()
    {
        using var scene = ThreeApprovals(out var lines);
        File.WriteAllText(scene.FileOf("veran"), lines[0] + "\n" + lines[1] + "\n" + lines[2][..^10]);

        var history = scene.Registry.GetHistory(V62);

        Assert.Equal(2, history.Value.Count);
        var warning = Assert.Single(history.Warnings);
        Assert.Equal(3, warning.Line);
        Assert.EndsWith("(the last line has no line break: a write was cut off).", warning.Message);
    }

    [Fact]
    public void RecordAppendedBehindATornLineIsStillRead()
    {
        // A crash mid-write leaves no line break, so the next append continues the same line.
        using var scene = ThreeApprovals(out var lines);
        File.WriteAllText(scene.FileOf("veran"), lines[0] + "\n" + lines[1][..55] + lines[2] + "\n");

        var history = scene.Registry.GetHistory(V62);

        Assert.Equal(["development", "production"], history.Value.Select(r => r.ContextName));
        var warning = Assert.Single(history.Warnings);
        Assert.Equal(2, warning.Line);
        Assert.Equal("The line starts with 55 bytes of a torn record, skipped; the complete record after them is kept.", warning.Message);
        Assert.True(scene.Controller.CanDeploy(V62, DeploymentContext.Development).Value.Allowed);
    }

    [Fact]
    public void AppendAfterATornTailKeepsTheNewRecord()
    {
        using var scene = ThreeApprovals(out var lines);
        File.WriteAllText(scene.FileOf("veran"), lines[0] + "\n" + lines[1][..30]);

        scene.Registry.Reject(V62, DeploymentContext.Development, "late finding", "bob");
        var status = scene.Registry.GetStatus(V62, DeploymentContext.Development);

        Assert.Equal("rejected", status.Value.StatusName);
        Assert.Single(status.Warnings);
    }

    [Theory]
    [InlineData("not json at all", "it is not complete JSON")]
    [InlineData("[1,2,3]", "it is array, not a record object")]
    [InlineData("{\"schemaVersion\":2,\"id\":\"x\"}", "it has schemaVersion 2; this version of QualityGates reads 1")]
    [InlineData("{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"promoted\"}", "it has the unknown kind 'promoted'")]
    [InlineData("{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"approved\",\"timestamp\":\"yesterday\"}", "it has timestamp 'yesterday', which is not an ISO 8601 time")]
    [InlineData("{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"approved\",\"timestamp\":\"2025-03-01T09:00:00.000Z\",\"model\":\"veran\",\"version\":\"../../etc\",\"context\":\"production\",\"by\":\"x\"}", "it names a model that is not allowed")]
    [InlineData("{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"approved\",\"timestamp\":\"2025-03-01T09:00:00.000Z\",\"model\":\"veran\",\"version\":\"v6.2\",\"context\":\"prod\",\"by\":\"x\"}", "it has the unknown context 'prod'")]
    [InlineData("{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"rejected\",\"timestamp\":\"2025-03-01T09:00:00.000Z\",\"model\":\"veran\",\"version\":\"v6.2\",\"context\":\"production\",\"by\":\"x\"}", "it is a rejected record without a reason")]
    [InlineData("{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"deployed\",\"timestamp\":\"2025-03-01T09:00:00.000Z\",\"model\":\"veran\",\"version\":\"v6.2\",\"context\":\"production\",\"by\":7}", "it has by as number, not string")]
    public void HandEditedLineIsSkippedSayingWhy(string badLine, string expected)
    {
        using var scene = ThreeApprovals(out var lines);
        File.WriteAllText(scene.FileOf("veran"), lines[0] + "\n" + badLine + "\n" + lines[1] + "\n" + lines[2] + "\n");

        var history = scene.Registry.GetHistory(V62);

        Assert.Equal(3, history.Value.Count);
        var warning = Assert.Single(history.Warnings);
        Assert.Equal(2, warning.Line);
        Assert.Contains(expected, warning.Message);
    }

    [Fact]
    public void InvalidUtf8IsACorruptLine()
    {
        using var scene = ThreeApprovals(out var lines);
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(lines[0] + "\n"));
        var broken = Encoding.UTF8.GetBytes(lines[1]);
        broken[Array.IndexOf(broken, (byte)'a', 60)] = 0xC3; // a lead byte without its continuation
        bytes.AddRange(broken);
        bytes.AddRange(Encoding.UTF8.GetBytes("\n" + lines[2] + "\n"));
        File.WriteAllBytes(scene.FileOf("veran"), bytes.ToArray());

        var history = scene.Registry.GetHistory(V62);

        Assert.Equal(2, history.Value.Count);
        Assert.Equal(2, Assert.Single(history.Warnings).Line);
    }

    [Fact]
    public void DuplicatedLineCountsOnce()
    {
        using var scene = ThreeApprovals(out var lines);
        File.WriteAllText(scene.FileOf("veran"), string.Join("\n", lines[0], lines[1], lines[1], lines[2]) + "\n");

        var history = scene.Registry.GetHistory(V62);

        Assert.Equal(3, history.Value.Count);
        var warning = Assert.Single(history.Warnings);
        Assert.Equal(3, warning.Line);
        Assert.StartsWith("The line repeats the record of line 2", warning.Message);
    }

    [Fact]
    public void ByteOrderMarkCrLfAndBlankLinesFromAHandEditAreHarmless()
    {
        using var scene = ThreeApprovals(out var lines);
        File.WriteAllText(scene.FileOf("veran"), lines[0] + "\r\n\r\n" + lines[1] + "\r\n   \n" + lines[2] + "\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var history = scene.Registry.GetHistory(V62);

        Assert.Empty(history.Warnings);
        Assert.Equal([1, 3, 5], history.Value.Select(r => r.Line));
    }

    [Fact]
    public void WarningsComeWithEveryQuery()
    {
        using var scene = ThreeApprovals(out var lines);
        File.AppendAllText(scene.FileOf("veran"), "garbage\n");

        Assert.Single(scene.Registry.GetStatus(V62).Warnings);
        Assert.Single(scene.Registry.GetApprovedVersions("veran", DeploymentContext.Staging).Warnings);
        Assert.Single(scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Warnings);
        Assert.Single(scene.Controller.GetCurrentDeployments("veran").Warnings);
    }

    private static RegistryScene ThreeApprovals(out string[] lines)
    {
        var scene = new RegistryScene();
        scene.Registry.Approve(V62, DeploymentContext.Development, "dev");
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        scene.Registry.Approve(V62, DeploymentContext.Production, "alice");
        lines = scene.Lines("veran");
        return scene;
    }
}
