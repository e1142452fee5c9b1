using Npgsql;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Registry.Deployment;

namespace QualityGates.Tests.Registry;

/// <summary>
/// One set of rules for what a stored record is, in both stores: a record one store accepts is one the
/// other accepts; a hand-made record naming another model or standing in for another id is reported as
/// damaged, never shown as valid; and a copy between stores goes on past whatever is refused, naming each.
/// </summary>
public sealed class RegistryDamageTests
{
    private static readonly ModelIdentity V62 = new("veran", "v6.2");

    [Fact]
    public void ARecordTheDatabaseCouldNotHoldIsDamagedInTheFolderToo()
    {
        using var scene = new RegistryScene();
        var approval = scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        File.AppendAllText(scene.FileOf("veran"), RegistryRecordJson.ToLine(approval with { Id = new string('a', 201), Context = DeploymentContext.Production }) + "\n");

        var history = scene.Registry.GetHistory(V62);

        Assert.Equal(["staging"], history.Value.Select(r => r.ContextName));
        var warning = Assert.Single(history.Warnings);
        Assert.Equal((2, ErrorCodes.RegistryLineCorrupt), (warning.Line, warning.Code));
        Assert.Equal("The line is not a valid registry record and is skipped: it has an id that is not 1 to 200 characters without spaces or control characters (201 characters).", warning.Message);
    }

    [Fact]
    public void AHandEditedFolderRecordNamingAnotherModelIsDamaged()
    {
        using var scene = new RegistryScene();
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        var other = scene.Registry.Approve(new ModelIdentity("other", "v6.2"), DeploymentContext.Production, "mallory");
        File.AppendAllText(scene.FileOf("veran"), RegistryRecordJson.ToLine(other) + "\n");

        var history = scene.Registry.GetHistory("veran");

        Assert.Single(history.Value);
        var warning = Assert.Single(history.Warnings);
        Assert.Equal("The line is not a valid registry record and is skipped: it names the model 'other' in the file of model 'veran'.", warning.Message);
        Assert.False(new DeploymentController(scene.Registry, new DeploymentPolicy { RequireStagingBeforeProduction = false }).CanDeploy(V62, DeploymentContext.Production).Value.Allowed);
    }

    [Theory, PostgresStore]
    public void DatabaseRowsNamingAnotherModelOrStandingInForAnotherIdAreDamaged(string store)
    {
        using var scene = new RegistryScene(store);
        var staging = scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        var other = scene.Registry.Approve(new ModelIdentity("other", "v6.2"), DeploymentContext.Production, "mallory");
        var production = staging with { Id = "b0b", Context = DeploymentContext.Production };
        InsertRow(scene, "veran", 2, "f0f0", other with { Id = "f0f0" });   // another model's record among this model's rows
        InsertRow(scene, "veran", 3, "c0ffee", staging);                     // a repeat of record 1 under a new row id
        InsertRow(scene, "veran", 4, "b0b", production, kind: "rejected");  // the row and its line disagree

        var history = scene.Registry.GetHistory("veran");

        Assert.Equal([staging.Id], history.Value.Select(r => r.Id));
        Assert.Equal([2, 3, 4], history.Warnings.Select(w => w.Line));
        Assert.All(history.Warnings, w => Assert.Equal(ErrorCodes.RegistryLineCorrupt, w.Code));
        Assert.Equal("The record 2 of model 'veran' is not a valid registry record and is skipped: it names the model 'other' in a row of model 'veran'.", history.Warnings[0].Message);
        Assert.Equal($"The record 3 of model 'veran' is not a valid registry record and is skipped: it holds the record {staging.Id} in the row of id c0ffee, so it repeats or stands in for another record.", history.Warnings[1].Message);
        Assert.Equal("The record 4 of model 'veran' is not a valid registry record and is skipped: it says approved v6.2 for production, and its row says rejected v6.2 for production.", history.Warnings[2].Message);
        Assert.False(new DeploymentController(scene.Registry, new DeploymentPolicy { RequireStagingBeforeProduction = false }).CanDeploy(V62, DeploymentContext.Production).Value.Allowed);
    }

    [Theory, PostgresStore]
    public void ACopyGoesOnPastWhatItCannotCopyAndNamesEachRecord(string store)
    {
        using var scene = new RegistryScene(store);
        var folder = new ApprovalRegistry(scene.Folder, environment: scene.Environment);
        var first = folder.Approve(new ModelIdentity("alpha", "1"), DeploymentContext.Staging, "qa");
        File.AppendAllText(Path.Combine(scene.Folder, "alpha.jsonl"), RegistryRecordJson.ToLine(first with { Id = new string('a', 250) }) + "\n");
        var clash = folder.Approve(new ModelIdentity("beta", "1"), DeploymentContext.Staging, "qa");
        folder.Approve(new ModelIdentity("beta", "2"), DeploymentContext.Staging, "qa");
        folder.Approve(new ModelIdentity("gamma", "1"), DeploymentContext.Staging, "qa");

        // The database already holds another record under one of beta's ids (a model "delta" of its own).
        scene.Registry.Approve(new ModelIdentity("delta", "9"), DeploymentContext.Development, "dev");
        InsertRow(scene, "delta", 2, clash.Id, clash with { Model = new ModelIdentity("delta", "1") });

        var copy = folder.CopyTo(scene.Registry);

        Assert.Equal((3, 3, false), (copy.Models, copy.Copied, copy.Complete));
        var damaged = Assert.Single(copy.Warnings);
        Assert.Equal((Path.Combine(scene.Folder, "alpha.jsonl"), 2), (damaged.File, damaged.Line));
        var refused = Assert.Single(copy.Errors);
        Assert.Equal((ErrorCodes.RegistryRecordNotCopied, Path.Combine(scene.Folder, "beta.jsonl"), 1), (refused.Code, refused.File, refused.Line));
        Assert.Equal($"The record {clash.Id} (beta:1, approved for staging) was not copied to {scene.Registry.Location}: the destination already holds another record under its id (delta:1, approved for staging).", refused.Message);
        Assert.Null(copy.Stopped);
        Assert.Equal(["2"], scene.Stored("beta").Select(r => r.Model.Version));
        Assert.Single(scene.Stored("gamma"));
    }

    [Fact]
    public void ACopyIntoAFolderGoesOnPastAModelItCannotWrite()
    {
        using var scene = new RegistryScene();
        scene.Registry.Approve(new ModelIdentity("alpha", "1"), DeploymentContext.Staging, "qa");
        scene.Registry.Approve(new ModelIdentity("beta", "1"), DeploymentContext.Staging, "qa");
        var destination = Path.Combine(scene.Root, "copy");
        Directory.CreateDirectory(destination);
        File.CreateSymbolicLink(Path.Combine(destination, "alpha.jsonl"), "/etc/hostname");

        var copy = scene.Registry.CopyTo(new ApprovalRegistry(destination));

        Assert.Equal((1, false), (copy.Copied, copy.Complete));
        var refused = Assert.Single(copy.Errors);
        Assert.Equal(ErrorCodes.RegistryFileNotRegular, refused.Code);
        Assert.StartsWith($"The records of model 'alpha' were not copied to {destination}: ", refused.Message);
        Assert.Single(File.ReadAllLines(Path.Combine(destination, "beta.jsonl")));
    }

    [Fact]
    public void ACopyIntoADatabaseThatIsDownStopsAndSaysHowFarItGot()
    {
        using var scene = new RegistryScene();
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");

        var copy = scene.Registry.CopyTo(new ApprovalRegistry("postgresql://ci@127.0.0.1:1/qualitygates?connect_timeout=2", environment: _ => null));

        Assert.Equal((0, 0, false), (copy.Models, copy.Copied, copy.Complete));
        Assert.Equal(ErrorCodes.RegistryDatabaseUnavailable, copy.Stopped!.Code);
    }

    private static void InsertRow(RegistryScene scene, string model, int seq, string id, RegistryRecord record, string? kind = null)
    {
        using var connection = new NpgsqlConnection(scene.Setting);
        connection.Open();
        Execute(connection, "INSERT INTO qualitygates_models (name, last_seq) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET last_seq = $2", model, (long)seq);
        Execute(connection, "INSERT INTO qualitygates_records (id, model, seq, kind, version, context, recorded_at, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            id, model, (long)seq, kind ?? record.KindName, record.Model.Version, record.ContextName, record.Timestamp, RegistryRecordJson.ToLine(record));
    }

    private static void Execute(NpgsqlConnection connection, string sql, params object[] values)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.ExecuteNonQuery();
    }
}
