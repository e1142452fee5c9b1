using System.Text.Json;
using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>What a passing dotnet test does beyond its reports: the webhook (with Always), the registry approval, the Passed hook.</summary>
[Collection(SharedConsumer.Collection)]
public sealed class WebhookAndRegistryTests(ITestOutputHelper output)
{
    [Fact]
    public void PostsTheWebhookAndApprovesTheVersionAfterAPassingRun()
    {
        var workspace = SharedConsumer.Get(output);
        HookTargets.Clear(workspace);
        workspace.DeleteDirectory("registry");
        using var server = new LocalHttpServer(status: 200);

        var run = workspace.Test([HookTargets.Argument(workspace), "-p:QualityGatesContext=development",
            "-p:QualityGatesWebhookUrl=" + server.Url("/hooks/secret-token"), "-p:QualityGatesWebhookAlways=true",
            "-p:QualityGatesApproveOnPass=true", "-p:QualityGatesModelVersion=1.2.3", "-p:QualityGatesRegistry=../registry",
            "-p:QualityGatesApprovedBy=qa@example.com", "-tl:off"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.GateErrorCodes);
        Assert.DoesNotContain(run.WarningCodes, c => c.StartsWith("QG", StringComparison.Ordinal));
        // The URL's path is its secret: the build log names only the endpoint.
        Assert.DoesNotContain("secret-token", run.Output);

        var request = server.WaitForRequest(seconds: 1);
        Assert.NotNull(request);
        Assert.Equal("/hooks/secret-token", request.Target);
        using (var payload = JsonDocument.Parse(request.Body))
        {
            Assert.Equal("gates_passed", payload.RootElement.GetProperty("event").GetString());
            Assert.Equal("Lib.Tests", payload.RootElement.GetProperty("modelName").GetString());
            Assert.Equal("1.2.3", payload.RootElement.GetProperty("modelVersion").GetString());
        }

        var report = Assert.Single(GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates")).JsonReports);
        var line = Assert.Single(File.ReadAllLines(workspace.FullPath("registry", "Lib.Tests.jsonl")));
        using (var record = JsonDocument.Parse(line))
        {
            var root = record.RootElement;
            Assert.Equal("approved", root.GetProperty("kind").GetString());
            Assert.Equal("Lib.Tests", root.GetProperty("model").GetString());
            Assert.Equal("1.2.3", root.GetProperty("version").GetString());
            Assert.Equal("development", root.GetProperty("context").GetString());
            Assert.Equal("qa@example.com", root.GetProperty("by").GetString());
            Assert.Equal(report, root.GetProperty("report").GetProperty("file").GetString());
            Assert.True(root.GetProperty("report").GetProperty("allPassed").GetBoolean());
        }

        Assert.Equal(["AllPassed=true"], HookTargets.Read(workspace, HookTargets.CompletedFile));
        Assert.Contains("tests.pass_rate Passed", HookTargets.Read(workspace, HookTargets.PassedFile)!);
        Assert.Null(HookTargets.Read(workspace, HookTargets.BlockedFile));
    }
}
