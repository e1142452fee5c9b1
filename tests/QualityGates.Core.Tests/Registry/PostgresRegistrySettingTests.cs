using Npgsql;
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
    [InlineData("Host=db;Port=hunter2", "the value of its key 'port' is not valid (allowed: a whole number from 1 to 65535)")]
    [InlineData("postgresql://ci@db/qg?sslpassword=hunter2", "holds a secret ('sslpassword')")]
    [InlineData("postgresql://ci@db/qg?sslmode=hunter2", "the value of its key 'sslmode' is not valid (allowed: disable, allow, prefer, require, verify-ca or verify-full)")]
    [InlineData("postgresql://ci@db/qg?target_session_attrs=hunter2", "the value of its key 'target_session_attrs' is not valid")]
    [InlineData("postgresql://ci@db:5432,db2/qg?port=1,2,3", "it gives 3 ports for 2 hosts")]
    [InlineData("postgresql://ci@db/qg?sslrootcert=/no/such/ca.crt", "its 'sslrootcert' names the file '/no/such/ca.crt', which does not exist")]
    [InlineData("postgresql://ci@[::1/qg", "a host in brackets is not an IPv6 address")]
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

    [Theory]
    [InlineData("postgresql://ci@db/qg?sslmode=verify-full", SslMode.VerifyFull)]
    [InlineData("postgresql://ci@db/qg?sslmode=verify-ca", SslMode.VerifyCA)]
    [InlineData("Host=db;SSL Mode=verify-full", SslMode.VerifyFull)]
    [InlineData("Host=db;sslmode=VerifyCA", SslMode.VerifyCA)]
    [InlineData("postgresql://ci@db/qg?requiressl=1", SslMode.Require)]
    [InlineData("postgresql://ci@db/qg?sslmode=disable", SslMode.Disable)]
    [InlineData("postgresql://ci@db/qg", SslMode.Prefer)]
    public void TakesLibpqsSslModesInBothForms(string setting, SslMode mode) =>
        Assert.Equal(mode, Builder(setting).SslMode);

    [Fact]
    public void ARootCertificateMakesRequireCheckTheCertificateAuthorityAsLibpqDoes()
    {
        using var folder = new TempDirectory();
        var ca = folder.Write("ca.crt", "not read until a connection is made");

        var require = Builder($"postgresql://ci@db/qg?sslmode=require&sslrootcert={ca}");
        var prefer = Builder($"postgresql://ci@db/qg?sslrootcert={ca}");
        var keyValue = Builder($"Host=db;SSL Mode=Require;Root Certificate={ca}");

        Assert.Equal((SslMode.VerifyCA, ca), (require.SslMode, require.RootCertificate));
        Assert.Equal(SslMode.Prefer, prefer.SslMode);
        Assert.Equal(SslMode.VerifyCA, keyValue.SslMode);
    }

    [Theory]
    [InlineData("postgresql://ci@h1:5432,h2:5433/qg", "h1:5432,h2:5433", "postgresql://ci@h1:5432,h2:5433/qg")]
    [InlineData("postgresql://ci@h1,h2/qg?port=6000", "h1:6000,h2:6000", "postgresql://ci@h1:6000,h2:6000/qg")]
    [InlineData("postgresql://ci@/qg?host=h1,h2&port=6000,6001", "h1:6000,h2:6001", "postgresql://ci@h1:6000,h2:6001/qg")]
    [InlineData("postgresql://ci@[::1]:5433,h2/qg", "[::1]:5433,h2:5432", "postgresql://ci@[::1]:5433,h2:5432/qg")]
    [InlineData("Host=h1:5432,h2:5433;Database=qg;Username=ci", "h1:5432,h2:5433", "postgresql://ci@h1:5432,h2:5433/qg")]
    [InlineData("postgresql://ci@%2Fvar%2Frun%2Fpostgresql/qg", "/var/run/postgresql:5432", "postgresql://ci@%2Fvar%2Frun%2Fpostgresql:5432/qg")]
    public void ReadsSeveralHostsAndShowsEach(string setting, string server, string location)
    {
        var parsed = PostgresRegistrySetting.Parse(setting, Env());

        Assert.Equal((server, location), (parsed.Server, parsed.Location));
    }

    [Fact]
    public void SessionAttributesGoToNpgsqlForSeveralHostsAndAreCheckedByTheToolForOne()
    {
        var several = PostgresRegistrySetting.Parse("postgresql://ci@h1,h2/qg?target_session_attrs=read-write", Env());
        var one = PostgresRegistrySetting.Parse("postgresql://ci@h1/qg?target_session_attrs=primary", Env());
        var keyValue = PostgresRegistrySetting.Parse("Host=h1;Target Session Attributes=standby", Env());
        var preferOne = PostgresRegistrySetting.Parse("postgresql://ci@h1/qg?target_session_attrs=prefer-standby", Env());

        Assert.Equal(("read-write", null), (new NpgsqlConnectionStringBuilder(several.ConnectionString).TargetSessionAttributes, several.SessionAttributes));
        Assert.Equal((null, "primary"), (new NpgsqlConnectionStringBuilder(one.ConnectionString).TargetSessionAttributes, one.SessionAttributes));
        Assert.Equal("standby", keyValue.SessionAttributes);
        Assert.Null(preferOne.SessionAttributes);
    }

    [Fact]
    public void MapsLibpqsOtherParametersOntoNpgsqlsWithLibpqsMeaning()
    {
        var builder = Builder("postgresql://ci@db/qg?connect_timeout=1&fallback_application_name=nightly&keepalives=1&keepalives_idle=30&keepalives_interval=5"
            + "&load_balance_hosts=random&require_auth=scram-sha-256,password&channel_binding=require&gssencmode=disable&client_encoding=UTF8&options=-c%20search_path%3Dregistry"
            + "&sslsni=1&sslcompression=0&krbsrvname=pg&Command%20Timeout=12");
        var zero = Builder("postgresql://ci@db/qg?connect_timeout=0&application_name=deploy&fallback_application_name=ignored");

        Assert.Equal((2, "nightly", true, 30, 5, true), (builder.Timeout, builder.ApplicationName, builder.TcpKeepAlive, builder.TcpKeepAliveTime, builder.TcpKeepAliveInterval, builder.LoadBalanceHosts));
        Assert.Equal(("ScramSHA256,Password", ChannelBinding.Require, GssEncryptionMode.Disable, "UTF8", "-c search_path=registry"), (builder.RequireAuth, builder.ChannelBinding, builder.GssEncryptionMode, builder.ClientEncoding, builder.Options));
        Assert.Equal(("pg", 12), (builder.KerberosServiceName, builder.CommandTimeout));
        Assert.Equal((0, "deploy"), (zero.Timeout, zero.ApplicationName));
    }

    [Fact]
    public void TheLockTimeoutStaysBelowTheCommandTimeoutAndTheReconnectWindowIsTheConnectTimeout()
    {
        var defaults = PostgresRegistrySetting.Parse("postgresql://ci@db/qg", Env());
        var quick = PostgresRegistrySetting.Parse("postgresql://ci@db/qg?connect_timeout=3&Command%20Timeout=4", Env());
        var forever = PostgresRegistrySetting.Parse("Host=db;Timeout=0;Command Timeout=0", Env());

        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15)), (defaults.LockTimeout, defaults.ReconnectWindow));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)), (quick.LockTimeout, quick.ReconnectWindow));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)), (forever.LockTimeout, forever.ReconnectWindow));
    }

    [Theory]
    [InlineData("postgresql://ci@db/qg?sslcrl=/etc/crl.pem", "'sslcrl'")]
    [InlineData("postgresql://ci@db/qg?sslcrldir=/etc/crl", "'sslcrldir'")]
    [InlineData("postgresql://ci@db/qg?ssl_min_protocol_version=TLSv1.3", "'ssl_min_protocol_version'")]
    [InlineData("postgresql://ci@db/qg?keepalives_count=3", "'keepalives_count'")]
    [InlineData("postgresql://ci@db/qg?tcp_user_timeout=1000", "'tcp_user_timeout'")]
    [InlineData("postgresql://ci@db/qg?service=registry", "'service'")]
    [InlineData("postgresql://ci@db/qg?requirepeer=postgres", "'requirepeer'")]
    [InlineData("postgresql://ci@db/qg?replication=database", "'replication'")]
    [InlineData("postgresql://ci@db/qg?sslsni=0", "'sslsni=0'")]
    [InlineData("postgresql://ci@db/qg?sslcertmode=require", "'sslcertmode=require'")]
    [InlineData("postgresql://ci@db/qg?hostaddr=10.0.0.1", "'hostaddr'")]
    [InlineData("postgresql://ci@db/qg?connect_timeout=5000", "'connect_timeout=5000'")]
    [InlineData("Host=db;sslcrl=/etc/crl.pem", "'sslcrl'")]
    public void RefusesAParameterItCannotHonourNamingIt(string setting, string named)
    {
        var error = Assert.Throws<QualityGatesException>(() => new ApprovalRegistry(setting, environment: Env()));

        Assert.Equal(ErrorCodes.RegistryConnectionParameterUnsupported, error.Code);
        Assert.StartsWith($"The registry connection string asks for {named}, which cannot be honoured: ", error.Message);
    }

    [Fact]
    public void AHostAddressAloneIsTheHost() =>
        Assert.Equal("10.0.0.1", Builder("postgresql://ci@/qg?hostaddr=10.0.0.1").Host);

    private static NpgsqlConnectionStringBuilder Builder(string setting) => new(PostgresRegistrySetting.Parse(setting, Env()).ConnectionString);

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
