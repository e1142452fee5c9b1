using System.Text.Json;
using Npgsql;
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

    [Theory, PostgresStore]
    public void ApprovesTheVersionInAPostgreSqlRegistryFromInsideMSBuild(string store)
    {
        // A database of its own, named in the URI form: in -p: a ';' would split a key=value string into properties.
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        var database = "qg_e2e_" + Guid.NewGuid().ToString("N");
        Execute(admin.ConnectionString, $"CREATE DATABASE {database}");
        try
        {
            var workspace = SharedConsumer.Get(output);
            var registry = $"postgresql://{admin.Username}@{admin.Host}:{admin.Port}/{database}";

            var run = workspace.Test(["-p:QualityGatesContext=development", "-p:QualityGatesApproveOnPass=true",
                "-p:QualityGatesModelVersion=2.0.0", "-p:QualityGatesRegistry=" + registry, "-p:QualityGatesApprovedBy=qa@example.com", "-tl:off"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.GateErrorCodes);
            Assert.Contains($"Quality gates registry: Lib.Tests 2.0.0 approved for development by qa@example.com ({registry})", run.Output);
            var target = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database };
            using var connection = new NpgsqlConnection(target.ConnectionString);
            connection.Open();
            using var query = new NpgsqlCommand("SELECT model, version, context, kind, record FROM qualitygates_records", connection);
            using var reader = query.ExecuteReader();
            Assert.True(reader.Read(), store + ": no record in the database");
            Assert.Equal(("Lib.Tests", "2.0.0", "development", "approved"), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            using var record = JsonDocument.Parse(reader.GetString(4));
            Assert.Equal("qa@example.com", record.RootElement.GetProperty("by").GetString());
            Assert.True(record.RootElement.GetProperty("report").GetProperty("allPassed").GetBoolean());
            Assert.False(reader.Read());
        }
        finally
        {
            Execute(admin.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
