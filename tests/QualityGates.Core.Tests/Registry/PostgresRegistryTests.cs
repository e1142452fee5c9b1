using System.Diagnostics;
using System.Globalization;
using Npgsql;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Registry.Deployment;
using QualityGates.Tests.Support;
using Xunit.Abstractions;

namespace QualityGates.Tests.Registry;

/// <summary>
/// What only the PostgreSQL store has: its schema and migrations, copying to and from a folder, many
/// processes writing at once, and coded errors for a server that is down or refuses the login.
/// </summary>
public sealed class PostgresRegistryTests(ITestOutputHelper output)
{
    private static readonly ModelIdentity V62 = new("veran", "v6.2");

    [Theory, PostgresStore]
    public void MigrateCreatesTheSchemaOnceAndThenFindsItCurrent(string store)
    {
        using var scene = new RegistryScene(store);

        var first = scene.Registry.Migrate();
        var again = new ApprovalRegistry(scene.Setting).Migrate();

        Assert.Equal((0, 1), first);
        Assert.Equal((1, 1), again);
    }

    [Theory, PostgresStore]
    public void ManyAgentsMigratingAtOnceApplyEachMigrationOnce(string store)
    {
        using var scene = new RegistryScene(store);

        var results = new (int Before, int After)[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length },
            i => results[i] = new ApprovalRegistry(scene.Setting).Migrate());

        Assert.Single(results, r => r == (0, 1));
        Assert.All(results, r => Assert.Equal(1, r.After));
        Assert.Equal(1L, Scalar(scene.Setting, "SELECT count(*) FROM qualitygates_schema"));
    }

    [Theory, PostgresStore]
    public void ASchemaNewerThanThisBuildIsACodedError(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Migrate();
        Scalar(scene.Setting, "INSERT INTO qualitygates_schema (version, applied_by) VALUES (2, 'a newer QualityGates') RETURNING version");

        var error = Assert.Throws<QualityGatesException>(() => new ApprovalRegistry(scene.Setting).GetStatus(V62));

        Assert.Equal(ErrorCodes.RegistrySchemaTooNew, error.Code);
        Assert.StartsWith("The registry database postgresql://", error.Message);
        Assert.Contains("has schema version 2, newer than the 1 this version of QualityGates knows", error.Message);
    }

    [Theory, PostgresStore]
    public void RecordsCannotBeChangedOrDeletedInTheDatabase(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");

        var update = Assert.Throws<PostgresException>(() => Scalar(scene.Setting, "UPDATE qualitygates_records SET kind = 'rejected' RETURNING 1"));
        var delete = Assert.Throws<PostgresException>(() => Scalar(scene.Setting, "DELETE FROM qualitygates_records RETURNING 1"));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.Equal("approved", Assert.Single(scene.Stored("veran")).KindName);
    }

    [Theory, PostgresStore]
    public void CopyMovesAFolderIntoTheDatabaseAndBackWithEveryRecordIntact(string store)
    {
        using var scene = new RegistryScene(store);
        var folder = new ApprovalRegistry(scene.Folder, environment: scene.Environment);
        folder.Approve(V62, DeploymentContext.Staging, "qa", "multi\nline ≥ notes");
        folder.ApproveFromReport(Reports.SampleReports.Passing(), "ci", reportFile: Path.Combine(scene.Root, "report.json"));
        new DeploymentController(folder).Deploy(V62, DeploymentContext.Production, "eu", "deployer");
        folder.Reject(new ModelIdentity("other", "1.0"), DeploymentContext.Development, "flaky", "bob");
        var back = new ApprovalRegistry(Path.Combine(scene.Root, "back"));

        var into = folder.CopyTo(scene.Registry);
        var again = folder.CopyTo(scene.Registry);
        var outOf = scene.Registry.CopyTo(back);

        Assert.Equal((2, 4), (into.Models, into.Copied));
        Assert.Equal((2, 0), (again.Models, again.Copied));
        Assert.Equal((2, 4), (outOf.Models, outOf.Copied));
        foreach (var model in new[] { "veran", "other" })
        {
            // Byte for byte: ids, timestamps (milliseconds), report references and notes survive both ways.
            Assert.Equal(File.ReadAllText(Path.Combine(scene.Folder, model + ".jsonl")), File.ReadAllText(Path.Combine(back.Location, model + ".jsonl")));
            Assert.Equal(folder.GetHistory(model).Value.Select(RegistryRecordJson.ToLine), scene.Stored(model).Select(RegistryRecordJson.ToLine));
        }

        Assert.True(new DeploymentController(scene.Registry).CanDeploy(V62, DeploymentContext.Production).Value.Allowed);
    }

    [Theory, PostgresStore]
    public async Task SixteenProcessesMixingApprovalsDeploymentsAndRejectionsLoseAndDoubleNothing(string store)
    {
        const int writers = 16, operations = 50;
        using var scene = new RegistryScene(store);
        scene.Registry.Migrate();
        var watch = Stopwatch.StartNew();
        var children = Enumerable.Range(0, writers)
            .Select(w => ChildProcess.Start("registry-mixed", scene.Setting + ";Timeout=60", operations.ToString(CultureInfo.InvariantCulture), w.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var child in children)
        {
            using (child)
            {
                var (exitCode, childOutput) = await child.WaitAsync(TimeSpan.FromMinutes(3));
                Assert.True(exitCode == 0, $"child exited {exitCode}: {childOutput}");
            }
        }

        output.WriteLine($"{writers} processes x {operations} operations: {watch.ElapsedMilliseconds} ms");
        var history = new ApprovalRegistry(scene.Setting).GetHistory("race");
        Assert.Empty(history.Warnings);
        Assert.Equal(writers * operations, history.Value.Count);
        Assert.Equal(Enumerable.Range(1, writers * operations), history.Value.Select(r => r.Line));
        Assert.Equal(history.Value.Count, history.Value.Select(r => r.Id).Distinct().Count());
        foreach (var writer in Enumerable.Range(0, writers))
        {
            var own = history.Value.Where(r => r.By == "writer-" + writer).Select(r => r.Notes ?? r.Reason).ToList();
            Assert.Equal(Enumerable.Range(0, operations).Select(i => $"operation {i} of writer {writer}"), own);
        }
    }

    [Theory, PostgresStore]
    public void AWrongPasswordIsACodedErrorNamingTheHostAndUser(string store)
    {
        // .ci/postgres.sh creates this role, which must log in with the password 'qualitygates'.
        using var scene = new RegistryScene(store);
        scene.Database!.Execute($"GRANT ALL ON SCHEMA {scene.Database.Schema} TO qualitygates_password");
        var server = new NpgsqlConnectionStringBuilder(scene.Setting) { Username = "qualitygates_password" };
        var wrong = new ApprovalRegistry(server.ConnectionString, environment: Env(("PGPASSWORD", "not-the-password")));
        var missing = new ApprovalRegistry(server.ConnectionString, environment: Env());
        var right = new ApprovalRegistry(server.ConnectionString, environment: Env(("QUALITYGATES_REGISTRY_PASSWORD", "qualitygates"), ("PGPASSWORD", "wrong")));

        var refused = Assert.Throws<QualityGatesException>(() => wrong.GetStatus(V62));
        var none = Assert.Throws<QualityGatesException>(() => missing.GetStatus(V62));

        Assert.Equal(ErrorCodes.RegistryDatabaseLoginRefused, refused.Code);
        Assert.Equal($"The server {server.Host}:{server.Port} refused the login to the registry database postgresql://qualitygates_password@{server.Host}:{server.Port}/{server.Database}: password authentication failed for user \"qualitygates_password\". Set QUALITYGATES_REGISTRY_PASSWORD (or PGPASSWORD) to the user's password.", refused.Message);
        Assert.DoesNotContain("not-the-password", refused.Message);
        Assert.Equal(ErrorCodes.RegistryDatabaseLoginRefused, none.Code);
        Assert.Contains("asks for a password", none.Message);
        Assert.Equal("qa", right.Approve(V62, DeploymentContext.Staging, "qa").By);
    }

    private static long Scalar(string setting, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(setting);
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
