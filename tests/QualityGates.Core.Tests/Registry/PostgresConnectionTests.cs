using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Tests.Support;
using Xunit.Abstractions;

namespace QualityGates.Tests.Registry;

/// <summary>
/// The database store's connection against real servers: a restart, a crash and a lost commit answer
/// cost no acknowledged record and double none; a lock another session holds is named within the lock
/// timeout; libpq's TLS modes and session attributes are honoured, never weakened.
/// </summary>
public sealed class PostgresConnectionTests(ITestOutputHelper output)
{
    private static readonly ModelIdentity V62 = new("veran", "v6.2");

    [PostgresFact(ownServer: true)]
    public async Task ApprovesDuringARestartAndACrashAreAllStoredOnceAndNoneFails()
    {
        const int writers = 12, each = 20;
        using var cluster = new PostgresCluster();
        var setting = cluster.ConnectionString + ";Timeout=30";
        new ApprovalRegistry(setting, environment: _ => null).Migrate();
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Factory.StartNew(() =>
        {
            var registry = new ApprovalRegistry(setting, environment: _ => null);
            for (var i = 0; i < each; i++)
            {
                try
                {
                    acknowledged.Add(registry.Approve(new ModelIdentity("restart", $"w{w}-{i}"), DeploymentContext.Staging, "writer-" + w).Id);
                }
                catch (QualityGatesException ex)
                {
                    failures.Add(ex.Message);
                }

                Thread.Sleep(20);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        var beforeRestart = await StoredWhenAtLeast(cluster, 40);
        cluster.Restart("fast");
        var beforeCrash = await StoredWhenAtLeast(cluster, 120);
        cluster.Restart("immediate");
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(3));

        output.WriteLine($"{writers} writers x {each} approvals, restart at {beforeRestart} stored, crash at {beforeCrash}: {watch.ElapsedMilliseconds} ms");
        Assert.Empty(failures);
        Assert.True(beforeCrash < writers * each, "the crash came after the last approval; it proved nothing");
        var history = new ApprovalRegistry(setting, environment: _ => null).GetHistory("restart");
        Assert.Empty(history.Warnings);
        Assert.Equal(writers * each, history.Value.Count);
        Assert.Equal(Enumerable.Range(1, writers * each), history.Value.Select(r => r.Line));
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), history.Value.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Theory, PostgresStore]
    public void ACommitWhoseAnswerIsLostIsFoundByTheRetryNotWrittenTwiceOrJudgedAgainstItself(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.RecordBlocked(Reports.SampleReports.Failing() with { Model = V62, Context = DeploymentContext.Production }, "report.json", "ci");
        var server = new NpgsqlConnectionStringBuilder(scene.Setting);
        using var proxy = new ConnectionLosingProxy(server.Host!, server.Port);
        var through = new NpgsqlConnectionStringBuilder(scene.Setting) { Host = "127.0.0.1", Port = proxy.Port, SslMode = SslMode.Disable }.ConnectionString;
        var registry = new ApprovalRegistry(through, environment: scene.Environment);
        registry.GetStatus(V62);

        proxy.LoseNextCommitAnswer();
        var approval = registry.ApproveOverridingBlock(V62, DeploymentContext.Production, "hotfix signed off by the release board", "alice");

        // Judged again after its own commit, the override would find nothing to override (QG3031).
        Assert.Equal(1, proxy.Lost);
        var stored = scene.Stored("veran");
        Assert.Equal(["blocked", "approved"], stored.Select(r => r.KindName));
        Assert.Equal(approval.Id, stored[1].Id);
        Assert.Equal("hotfix signed off by the release board", stored[1].Override);
    }

    [Theory, PostgresStore]
    public void ALockAnotherSessionHoldsIsNamedWithinTheLockTimeoutNotAfterTheRetries(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        using var holder = new NpgsqlConnection(scene.Setting + ";Application Name=held-by-a-test");
        holder.Open();
        using var transaction = holder.BeginTransaction();
        using (var hold = new NpgsqlCommand("SELECT 1 FROM qualitygates_models WHERE name = 'veran' FOR UPDATE", holder))
        {
            hold.ExecuteScalar();
        }

        var registry = new ApprovalRegistry(scene.Setting + ";Command Timeout=4", environment: scene.Environment);
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<QualityGatesException>(() => registry.Reject(V62, DeploymentContext.Staging, "flaky", "bob"));
        watch.Stop();

        output.WriteLine($"{watch.ElapsedMilliseconds} ms: {error.Message}");
        Assert.Equal(ErrorCodes.RegistryDatabaseLocked, error.Code);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
        Assert.Contains("longer than its lock timeout of 2 s", error.Message);
        Assert.Contains($"pid {holder.ProcessID} (user postgres, application 'held-by-a-test'", error.Message);
        Assert.Contains("idle in transaction", error.Message);
        transaction.Rollback();
        Assert.Equal("rejected", registry.Reject(V62, DeploymentContext.Staging, "flaky", "bob").KindName);
    }

    [PostgresFact(tls: true)]
    public void VerifyFullChecksTheCertificateAndTheHostNameAndNeverFallsBack()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        var ca = TestPostgres.RootCertificate!;
        using var folder = new TempDirectory();
        var otherCa = folder.Write("other-ca.crt", OtherCertificateAuthority());
        string Uri(string host, string query) => $"postgresql://postgres@{host}:{server.Port}/postgres?{query}&connect_timeout=5";

        // The certificate names "localhost": verify-full takes it there and refuses it for 127.0.0.1; verify-ca takes both.
        Assert.Empty(Status(Uri("localhost", $"sslmode=verify-full&sslrootcert={ca}")));
        Assert.Empty(Status(Uri("127.0.0.1", $"sslmode=verify-ca&sslrootcert={ca}")));
        var wrongName = Assert.Throws<QualityGatesException>(() => Status(Uri("127.0.0.1", $"sslmode=verify-full&sslrootcert={ca}")));
        var wrongCa = Assert.Throws<QualityGatesException>(() => Status(Uri("localhost", $"sslmode=verify-full&sslrootcert={otherCa}")));

        // libpq: a root certificate makes sslmode=require check the CA, so the wrong one is refused there too.
        var requireWithWrongCa = Assert.Throws<QualityGatesException>(() => Status(Uri("localhost", $"sslmode=require&sslrootcert={otherCa}")));

        foreach (var error in new[] { wrongName, wrongCa, requireWithWrongCa })
        {
            output.WriteLine(error.Message);
            Assert.Equal(ErrorCodes.RegistryDatabaseUnavailable, error.Code);
            Assert.Contains("the server's certificate was refused", error.Message);
        }

        Assert.Contains("SSL mode VerifyFull: it must be signed by the CA in " + ca + " and name the host", wrongName.Message);
        Assert.Contains("SSL mode VerifyCA", requireWithWrongCa.Message);
    }

    [PostgresFact]
    public void SessionAttributesChooseAServerAmongHostsAndAreCheckedOnASingleHost()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);

        // Port 1 refuses: libpq and Npgsql go on to the next host.
        Assert.Empty(Status($"postgresql://postgres@127.0.0.1:1,127.0.0.1:{server.Port}/postgres?target_session_attrs=read-write&connect_timeout=5"));
        Assert.Empty(Status($"postgresql://postgres@127.0.0.1:{server.Port}/postgres?target_session_attrs=primary"));
        var standby = Assert.Throws<QualityGatesException>(() => Status($"postgresql://postgres@127.0.0.1:{server.Port}/postgres?target_session_attrs=standby"));

        Assert.Equal(ErrorCodes.RegistryDatabaseUnavailable, standby.Code);
        Assert.Equal($"The server 127.0.0.1:{server.Port} of the registry database postgresql://postgres@127.0.0.1:{server.Port}/postgres is a primary accepting writes, and target_session_attrs=standby asks for another kind of server.", standby.Message);
    }

    [Fact]
    public void AServerThatStaysDownIsReportedOnceTheConnectTimeoutHasPassed()
    {
        var registry = new ApprovalRegistry("postgresql://ci@127.0.0.1:1/qualitygates?connect_timeout=2", environment: _ => null);
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<QualityGatesException>(() => registry.GetStatus(V62));

        Assert.Equal(ErrorCodes.RegistryDatabaseUnavailable, error.Code);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        Assert.StartsWith("Cannot reach the registry database postgresql://ci@127.0.0.1:1/qualitygates on 127.0.0.1:1: Connection refused (tried ", error.Message);
    }

    /// <summary>The warnings of a status query on the database (the test's schema is not needed: it reads an empty registry).</summary>
    private static IReadOnlyList<RegistryWarning> Status(string setting)
    {
        using var database = new TestPostgres();
        var scoped = setting + "&options=-csearch_path%3D" + database.Schema;
        return new ApprovalRegistry(scoped, environment: _ => null).GetStatus(V62).Warnings;
    }

    private static string OtherCertificateAuthority()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Another CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }

    private static async Task<long> StoredWhenAtLeast(PostgresCluster cluster, long count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT count(*) FROM qualitygates_records", connection);
                if ((long)(await command.ExecuteScalarAsync())! is var stored && stored >= count)
                {
                    return stored;
                }
            }
            catch (NpgsqlException)
            {
                // The server is restarting.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Fewer than {count} records were stored within 2 minutes.");
    }
}
