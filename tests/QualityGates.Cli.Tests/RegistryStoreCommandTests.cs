using System.Text.Json;

namespace QualityGates.Cli.Tests;

/// <summary>The registry verbs answer alike on a folder and on PostgreSQL; <c>registry migrate</c> and <c>registry copy</c>.</summary>
public sealed class RegistryStoreCommandTests
{
    [Theory, FolderStore, PostgresStore]
    public void ApproveStatusAndCanDeployAnswerAlikeOnEitherStore(string store)
    {
        using var cli = new RegistryCli();
        using var database = store == PostgresStoreAttribute.Name ? new TestPostgres() : null;
        var registry = database?.Registry ?? cli.Folder;

        var staging = In(cli, registry, "approve", "--model", "veran:v6.2", "--context", "staging", "--approved-by", "qa");
        var production = In(cli, registry, "approve", "--model", "veran:v6.2", "--context", "production", "--approved-by", "alice");
        var status = In(cli, registry, "status", "--model", "veran:v6.2", "--json");
        var yes = In(cli, registry, "can-deploy", "--model", "veran:v6.2", "--context", "production");
        In(cli, registry, "reject", "--model", "veran:v6.2", "--context", "staging", "--reason", "drift", "--rejected-by", "bob");
        var no = In(cli, registry, "can-deploy", "--model", "veran:v6.2", "--context", "production", "--json");

        Assert.Equal((0, 0, 0, 0, 1), (staging.ExitCode, production.ExitCode, status.ExitCode, yes.ExitCode, no.ExitCode));
        Assert.Equal(string.Empty, status.Error);
        using var statusJson = JsonDocument.Parse(status.Output);
        Assert.Equal(["development none", "staging approved", "production approved"],
            statusJson.RootElement.GetProperty("contexts").EnumerateArray().Select(c => $"{c.GetProperty("context").GetString()} {c.GetProperty("status").GetString()}"));
        var shown = statusJson.RootElement.GetProperty("registry").GetString()!;
        Assert.True(database is null ? shown == cli.Folder : shown.StartsWith("postgresql://", StringComparison.Ordinal), shown);
        Assert.StartsWith("yes: veran:v6.2 is approved for production by alice at ", yes.Output);
        using var noJson = JsonDocument.Parse(no.Output);
        Assert.Equal("promotion-order", noJson.RootElement.GetProperty("verdict").GetString());
    }

    [Theory, PostgresStore]
    public void CopyMovesAFolderIntoTheDatabaseAndMigrateFindsItCurrent(string store)
    {
        Assert.Equal(PostgresStoreAttribute.Name, store);
        using var cli = new RegistryCli();
        using var database = new TestPostgres();
        Assert.Equal(0, In(cli, cli.Folder, "approve", "--model", "veran:v6.2", "--context", "staging").ExitCode);
        Assert.Equal(0, In(cli, cli.Folder, "approve", "--model", "guard:1.0", "--context", "development").ExitCode);

        var copy = CliRun.In(cli.Environment, ["registry", "copy", "--from", cli.Folder, "--to", database.Registry, "--json"]);
        var migrate = CliRun.In(cli.Environment, ["registry", "migrate", "--registry", database.Registry]);
        var history = In(cli, database.Registry, "history", "--model", "veran", "--json");

        Assert.Equal(0, copy.ExitCode);
        using var copyJson = JsonDocument.Parse(copy.Output);
        Assert.Equal((2, 2), (copyJson.RootElement.GetProperty("models").GetInt32(), copyJson.RootElement.GetProperty("copied").GetInt32()));
        Assert.Equal(0, migrate.ExitCode);
        Assert.EndsWith($"schema version 1 is current.{Environment.NewLine}", migrate.Output, StringComparison.Ordinal);
        var fileRecord = JsonDocument.Parse(Assert.Single(File.ReadAllLines(cli.FileOf("veran")))).RootElement;
        var databaseRecord = Assert.Single(JsonDocument.Parse(history.Output).RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal((fileRecord.GetProperty("id").GetString(), fileRecord.GetProperty("timestamp").GetString()),
            (databaseRecord.GetProperty("id").GetString(), databaseRecord.GetProperty("timestamp").GetString()));
    }

    [Theory, PostgresStore]
    public void CopyGoesOnPastARefusedRecordNamesItAndExitsTwo(string store)
    {
        Assert.Equal(PostgresStoreAttribute.Name, store);
        using var cli = new RegistryCli();
        using var database = new TestPostgres();
        Assert.Equal(0, In(cli, cli.Folder, "approve", "--model", "alpha:1", "--context", "staging").ExitCode);
        Assert.Equal(0, In(cli, cli.Folder, "approve", "--model", "beta:1", "--context", "staging").ExitCode);
        Assert.Equal(0, In(cli, database.Registry, "approve", "--model", "gamma:1", "--context", "staging").ExitCode);

        // A record in the folder under an id the database already holds for another model (a line copied by hand).
        var gammaId = JsonDocument.Parse(In(cli, database.Registry, "history", "--model", "gamma", "--json").Output).RootElement.GetProperty("records")[0].GetProperty("id").GetString()!;
        var alpha = File.ReadAllText(cli.FileOf("alpha"));
        var id = JsonDocument.Parse(alpha).RootElement.GetProperty("id").GetString()!;
        File.AppendAllText(cli.FileOf("alpha"), alpha.Replace(id, gammaId, StringComparison.Ordinal).Replace("\"staging\"", "\"development\"", StringComparison.Ordinal));

        var copy = CliRun.In(cli.Environment, ["registry", "copy", "--from", cli.Folder, "--to", database.Registry, "--json"]);

        Assert.Equal(2, copy.ExitCode);
        Assert.Equal(["QG3034"], copy.ErrorCodes);
        Assert.Contains($"{cli.FileOf("alpha")}(2): error QG3034 : The record {gammaId} (alpha:1, approved for development) was not copied to postgresql://", copy.Error);
        using var json = JsonDocument.Parse(copy.Output);
        Assert.Equal((2, 2, false), (json.RootElement.GetProperty("models").GetInt32(), json.RootElement.GetProperty("copied").GetInt32(), json.RootElement.GetProperty("complete").GetBoolean()));
        Assert.Equal("QG3034", json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(0, In(cli, database.Registry, "can-deploy", "--model", "beta:1", "--context", "staging").ExitCode);
    }

    [Fact]
    public void MigrateOnAFolderSaysThereIsNothingToMigrate()
    {
        using var cli = new RegistryCli();

        var run = CliRun.In(cli.Environment, ["registry", "migrate", "--registry", cli.Folder]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{cli.Folder} is a folder registry; it has no schema to migrate.{Environment.NewLine}", run.Output);
    }

    [Fact]
    public void AnUnreachableDatabaseIsACodedErrorWithExitTwo()
    {
        using var cli = new RegistryCli();

        var run = In(cli, "postgresql://ci@127.0.0.1:1/qualitygates?connect_timeout=2", "status", "--model", "veran:v6.2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG3020"], run.ErrorCodes);
        Assert.StartsWith("error QG3020 : Cannot reach the registry database postgresql://ci@127.0.0.1:1/qualitygates on 127.0.0.1:1: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private static CliRun In(RegistryCli cli, string registry, params string[] args) => CliRun.In(cli.Environment, [.. args, "--registry", registry]);
}
