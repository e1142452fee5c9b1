using Npgsql;
using QualityGates.Errors;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// The registry's tables, created and migrated by the tool itself. <c>qualitygates_schema</c> holds one
/// row per migration applied. A migration runs in one transaction that first takes a transaction-scoped
/// advisory lock, so many agents starting at once apply it exactly once and the others wait and find it
/// done. A database migrated by a newer QualityGates than this one is refused (QG3022) rather than
/// written in a shape it does not know.
/// </summary>
internal static class PostgresRegistrySchema
{
    /// <summary>The schema version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The <c>pg_advisory_xact_lock</c> key shared by every QualityGates migration ("QGSCHEMA" in ASCII).</summary>
    public const long MigrationLockKey = 0x5147534348454D41;

    private static readonly string[] Migrations =
    [
        // 1: models (the per-model row every append locks and numbers from) and records (append-only).
        """
        CREATE TABLE qualitygates_models (
            name text PRIMARY KEY,
            last_seq bigint NOT NULL CHECK (last_seq >= 0)
        );
        CREATE TABLE qualitygates_records (
            id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
            model text NOT NULL REFERENCES qualitygates_models (name),
            seq bigint NOT NULL CHECK (seq > 0),
            kind text NOT NULL CHECK (kind IN ('approved', 'rejected', 'blocked', 'deployed', 'rolled-back')),
            version text NOT NULL,
            context text NOT NULL CHECK (context IN ('development', 'staging', 'production')),
            recorded_at timestamptz NOT NULL,
            record text NOT NULL,
            UNIQUE (model, seq)
        );
        CREATE INDEX qualitygates_records_version ON qualitygates_records (model, version, context);
        CREATE FUNCTION qualitygates_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'qualitygates_records is append-only: a registry record is never changed or deleted';
        END $$;
        CREATE TRIGGER qualitygates_records_append_only BEFORE UPDATE OR DELETE ON qualitygates_records
            FOR EACH ROW EXECUTE FUNCTION qualitygates_records_append_only();
        CREATE TRIGGER qualitygates_records_no_truncate BEFORE TRUNCATE ON qualitygates_records
            FOR EACH STATEMENT EXECUTE FUNCTION qualitygates_records_append_only();
        """,
    ];

    /// <summary>Brings the schema to <see cref="CurrentVersion"/> when it is older; a no-op when it is current.</summary>
    /// <returns>The version found before and the version now.</returns>
    public static (int Before, int After) Migrate(NpgsqlConnection connection, string location, Func<NpgsqlConnection, NpgsqlTransaction> begin)
    {
        using var transaction = begin(connection);
        if (InstalledVersion(connection, location) == CurrentVersion)
        {
            transaction.Commit();
            return (CurrentVersion, CurrentVersion);
        }

        Execute(connection, "SELECT pg_advisory_xact_lock(" + MigrationLockKey + ")");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS qualitygates_schema (
                version integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by text NOT NULL
            )
            """);
        var before = InstalledVersion(connection, location);
        for (var version = before + 1; version <= CurrentVersion; version++)
        {
            Execute(connection, Migrations[version - 1]);
            using var record = new NpgsqlCommand("INSERT INTO qualitygates_schema (version, applied_by) VALUES ($1, $2)", connection);
            record.Parameters.Add(new NpgsqlParameter { Value = version });
            record.Parameters.Add(new NpgsqlParameter { Value = "QualityGates " + typeof(PostgresRegistrySchema).Assembly.GetName().Version });
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return (before, CurrentVersion);
    }

    /// <summary>The schema version installed (0: none); QG3022 when it is newer than this build knows.</summary>
    private static int InstalledVersion(NpgsqlConnection connection, string location)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('qualitygates_schema') IS NOT NULL", connection);
        if (exists.ExecuteScalar() is not true)
        {
            return 0;
        }

        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM qualitygates_schema", connection);
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new QualityGatesException(ErrorCodes.RegistrySchemaTooNew,
                $"The registry database {location} has schema version {version}, newer than the {CurrentVersion} this version of QualityGates knows; update QualityGates (the dotnet tool and the QualityGates.MSBuild package) on this agent.");
        }

        return version;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
