using System.Reflection;
using Npgsql;
using Xunit;
using Xunit.Sdk;

namespace QualityGates.Testing;

/// <summary>
/// The PostgreSQL server the registry tests run against: <c>QUALITYGATES_TEST_POSTGRES</c> holds a key=value
/// connection string for a user that may create schemas (.ci/run starts a throwaway server and sets it).
/// Each test gets its own schema, so tests never see each other's records, and drops it afterwards.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    public const string Variable = "QUALITYGATES_TEST_POSTGRES";

    public const string SkipReason = $"No PostgreSQL server for the registry tests: set {Variable} to a key=value connection string (.ci/run starts a server and sets it).";

    private readonly string _admin;

    public TestPostgres()
    {
        _admin = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        Schema = "qg_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE SCHEMA {Schema}");
    }

    /// <summary>The server's connection string, or null when no server is configured.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>True when a server is configured, or on CI (where a missing server must fail, not skip).</summary>
    public static bool Available => ConnectionString is not null || OnCi;

    /// <summary>The CA certificate the shared server's TLS certificate (for "localhost") is signed with; null when the server has no TLS.</summary>
    public static string? RootCertificate => Environment.GetEnvironmentVariable("QUALITYGATES_TEST_POSTGRES_ROOTCERT") is { Length: > 0 } file ? file : null;

    /// <summary>True on CI, where a missing server must fail the tests, not skip them.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Schema { get; }

    /// <summary>The registry setting for this test's schema (no password: the test server trusts local connections).</summary>
    public string Registry => $"{_admin};Search Path={Schema}";

    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
}

/// <summary>Registry stores a test runs against, as theory data: the folder store.</summary>
public sealed class FolderStoreAttribute : DataAttribute
{
    public const string Name = "folder";

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Name]];
}

/// <summary>The PostgreSQL store; skipped, saying why, when no server is configured (never on CI).</summary>
public sealed class PostgresStoreAttribute : DataAttribute
{
    public const string Name = "postgresql";

    public PostgresStoreAttribute()
    {
        if (!TestPostgres.Available)
        {
            Skip = TestPostgres.SkipReason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Name]];
}

/// <summary>
/// A test that needs a PostgreSQL installation: the shared server (with its TLS certificate, for
/// <paramref name="tls"/>), or the programs to run a server of its own (<see cref="PostgresCluster"/>).
/// Skipped, saying why, when they are missing (never on CI).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(bool tls = false, bool ownServer = false)
    {
        if (TestPostgres.OnCi)
        {
            return;
        }

        Skip = !TestPostgres.Available ? TestPostgres.SkipReason
            : tls && TestPostgres.RootCertificate is null ? "The test PostgreSQL server has no TLS: set QUALITYGATES_TEST_POSTGRES_ROOTCERT to its CA certificate (.ci/postgres.sh does)."
            : ownServer && PostgresCluster.BinDirectory is null ? $"No PostgreSQL programs to start a server of the test's own: set {PostgresCluster.BinVariable} (.ci/postgres.sh does)."
            : null;
    }
}
