using QualityGates.Errors;
using QualityGates.Registry;
using QualityGates.Registry.Postgres;

namespace QualityGates.Tests.Registry;

/// <summary>How a registry setting is told apart from a folder, read as a connection string, and shown without a password.</summary>
public sealed class PostgresRegistrySettingTests
{
    [Theory]
    [InlineData("postgresql://ci@db.example.com/qualitygates", true)]
    [InlineData("POSTGRES://db/qg", true)]
    [InlineData("Host=db;Database=qg", true)]
    [InlineData("Port=5432; Server = db", true)]
    [InlineData("models/registry", false)]
    [InlineData("/mnt/share/host=x", false)]
    [InlineData("C:\\registry", false)]
    public void TellsADatabaseFromAFolder(string setting, bool database)
    {
        Assert.Equal(database, RegistryLocation.IsDatabase(setting));
        if (!database)
        {
            Assert.Equal(Path.GetFullPath(setting, "/base"), RegistryLocation.Resolve(setting, _ => null, "/base"));
        }
    }

    [Theory]
    [InlineData("postgresql://ci@db.example.com/qualitygates", "postgresql://ci@db.example.com:5432/qualitygates")]
    [InlineData("postgres://db.example.com:6543/qg?sslmode=require&application_name=deploy", "postgresql://db.example.com:6543/qg")]
    [InlineData("postgresql://build%40corp@[::1]:5433/my%20db", "postgresql://build%40corp@[::1]:5433/my%20db")]
    [InlineData("Host=db.example.com;Database=qualitygates;Username=ci;SSL Mode=Require", "postgresql://ci@db.example.com:5432/qualitygates")]
    public void ShowsTheDatabaseWithoutAPassword(string setting, string location)
    {
        var parsed = PostgresRegistrySetting.Parse(setting, Env(("PGPASSWORD", "s3cret")));

        Assert.Equal(location, parsed.Location);
        Assert.Equal(location, RegistryLocation.Display(setting));
        Assert.Contains("Password=s3cret", parsed.ConnectionString);
        Assert.DoesNotContain("s3cret", parsed.Location);
    }

    [Fact]
    public void ReadsLibpqParametersAndThePasswordFromTheEnvironmentInOrder()
    {
        var parsed = PostgresRegistrySetting.Parse("postgresql://ci@db/qg?sslmode=require&connect_timeout=7&application_name=deploy",
            Env(("QUALITYGATES_REGISTRY_PASSWORD", "ours"), ("PGPASSWORD", "theirs")));
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(parsed.ConnectionString);

        Assert.Equal((Npgsql.SslMode.Require, 7, "deploy", "ours"), (builder.SslMode, builder.Timeout, builder.ApplicationName, builder.Password));
        Assert.Equal("qualitygates", new Npgsql.NpgsqlConnectionStringBuilder(PostgresRegistrySetting.Parse("Host=db", Env()).ConnectionString).ApplicationName);
    }

    [Theory]
    [InlineData("postgresql://ci:hunter2@db/qg", "holds a password after the user name")]
    [InlineData("postgresql://ci@db/qg?password=hunter2", "holds a password parameter")]
    [InlineData("Host=db;Password=hunter2", "holds a password")]
    [InlineData("Host=db;Colour=hunter2", "its key 'colour' is not one Npgsql knows")]
    [InlineData("Host=db;Pwd=hunter2", "holds a password")]
    [InlineData("Host=db;Port=hunter2", "its key 'port' is not one Npgsql knows, or its value is not valid")]
    [InlineData("postgresql://ci@db/qg?colour=hunter2", "its key 'colour' is not one Npgsql knows")]
    [InlineData("postgresql:///qg", "names no host")]
    public void RefusesAPasswordOrAnUnknownKeyWithoutEchoingTheValue(string setting, string problem)
    {
        var error = Assert.Throws<QualityGatesException>(() => new ApprovalRegistry(setting, environment: Env()));

        Assert.Equal(ErrorCodes.RegistryConnectionStringInvalid, error.Code);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain("hunter2", RegistryLocation.Display(setting));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
