using System.Diagnostics;
using System.Globalization;
using Npgsql;
using QualityGates.Errors;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// Runs the store's work on a connection, and again when the failure was passing: a transaction the
/// server aborted to resolve a conflict, a connection dropped by a restart, crash or failover (57P01,
/// 57P02, 57P03, a reset or end of stream), or a server refusing connections while it restarts. Attempts
/// back off (0.1 s doubling to 2 s, jittered), at most <see cref="MaxAttempts"/> of them, and lost or
/// refused connections are tried only within <see cref="PostgresRegistrySetting.ReconnectWindow"/> (the
/// connect timeout), so a server that stays down is reported, not waited for. The work is told which
/// attempt it is, so an append can first look for the record an earlier attempt may have committed.
/// Every transaction waits at most <see cref="PostgresRegistrySetting.LockTimeout"/> for a lock, and a
/// lock timeout names the sessions that hold the registry's locks (QG3032) instead of looking like an
/// unreachable server.
/// </summary>
internal sealed class PostgresConnector(PostgresRegistrySetting setting)
{
    public const int MaxAttempts = 10;

    private static readonly TimeSpan FirstBackOff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastBackOff = TimeSpan.FromSeconds(2);

    private NpgsqlDataSource? _dataSource;

    /// <summary>Runs <paramref name="work"/> (given the connection and the attempt, 1-based) until it succeeds or fails for good.</summary>
    public T Run<T>(Func<NpgsqlConnection, int, T> work)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? firstLoss = null;
        for (var attempt = 1; ; attempt++)
        {
            var opened = false;
            try
            {
                using var connection = DataSource().OpenConnection();
                opened = true;
                CheckSessionAttributes(connection);
                return work(connection, attempt);
            }
            catch (Exception ex) when (PostgresFailures.Classify(ex, opened) is var kind && kind != PostgresFailures.Kind.Final && attempt < MaxAttempts
                && (kind == PostgresFailures.Kind.Conflict || clock.Elapsed - (firstLoss ??= clock.Elapsed) < setting.ReconnectWindow))
            {
                if (kind == PostgresFailures.Kind.Dropped)
                {
                    // The pool's other idle connections went with the server: drop them rather than fail on each.
                    DataSource().Clear();
                }

                Thread.Sleep(BackOff(attempt));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresFailures.LockNotAvailable)
            {
                throw Locked(ex);
            }
            catch (Exception ex) when (PostgresFailures.Translate(ex, setting, opened, Tries(attempt, clock.Elapsed)) is { } coded)
            {
                throw coded;
            }
        }
    }

    /// <summary>Begins a transaction whose statements wait at most the lock timeout for a lock (<c>SET LOCAL</c>: it ends with the transaction, also behind a pooler).</summary>
    public NpgsqlTransaction Begin(NpgsqlConnection connection)
    {
        var transaction = connection.BeginTransaction();
        var milliseconds = ((long)setting.LockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        using var command = new NpgsqlCommand("SET LOCAL lock_timeout = " + milliseconds, connection);
        command.ExecuteNonQuery();
        return transaction;
    }

    private static TimeSpan BackOff(int attempt)
    {
        var ceiling = Math.Min(LastBackOff.TotalMilliseconds, FirstBackOff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static string Tries(int attempt, TimeSpan elapsed) => attempt == 1 ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $" (tried {attempt} times over {elapsed.TotalSeconds:0.#} s)");

    // The registry uses built-in types only: no need to load the server's type catalogue on the first
    // connection of every (often short-lived) process.
    private NpgsqlDataSource DataSource()
    {
        if (_dataSource is null)
        {
            try
            {
                _dataSource = new NpgsqlDataSourceBuilder(setting.ConnectionString)
                    .ConfigureTypeLoading(types => types.EnableTypeLoading(false))
                    .Build();
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException)
            {
                throw PostgresRegistrySetting.Invalid($"Npgsql refuses its settings: {ex.Message.TrimEnd('.')}");
            }
        }

        return _dataSource;
    }

    // libpq's target_session_attrs for one host: Npgsql only applies it when choosing among several.
    private void CheckSessionAttributes(NpgsqlConnection connection)
    {
        if (setting.SessionAttributes is not { } wanted)
        {
            return;
        }

        using var command = new NpgsqlCommand("SELECT pg_is_in_recovery(), current_setting('transaction_read_only') = 'on'", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        var (standby, readOnly) = (reader.GetBoolean(0), reader.GetBoolean(1));
        var fits = wanted switch
        {
            "read-write" => !readOnly,
            "read-only" => readOnly,
            "primary" => !standby,
            _ => standby, // "standby"
        };
        if (!fits)
        {
            var what = standby ? "a standby (in recovery)" : readOnly ? "a primary whose sessions are read-only" : "a primary accepting writes";
            throw new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable,
                $"The server {setting.Server} of the registry database {setting.Location} is {what}, and target_session_attrs={wanted} asks for another kind of server.");
        }
    }

    private QualityGatesException Locked(PostgresException ex)
    {
        var seconds = setting.LockTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        var holders = LockHolders();
        var who = holders.Count == 0
            ? "another session holds a lock on the registry's tables (the server did not say which: the user may not see other users' sessions)"
            : "it is held by " + string.Join("; ", holders);
        return new QualityGatesException(ErrorCodes.RegistryDatabaseLocked,
            $"The registry database {setting.Location} on {setting.Server} kept the registry waiting longer than its lock timeout of {seconds} s for a lock: {who}. A session left in an open transaction (\"idle in transaction\") or a long migration holds it; end that transaction (or SELECT pg_terminate_backend(pid)) and try again.",
            inner: ex);
    }

    /// <summary>The other sessions holding locks on the registry's tables or its migration lock, longest first (best effort).</summary>
    private List<string> LockHolders()
    {
        try
        {
            using var connection = DataSource().OpenConnection();
            using var command = new NpgsqlCommand("""
                SELECT DISTINCT a.pid, a.usename, a.application_name, a.client_addr::text, a.state, a.xact_start
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.granted AND a.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND (l.relation IN (to_regclass('qualitygates_models'), to_regclass('qualitygates_records'), to_regclass('qualitygates_schema'))
                       OR (l.locktype = 'advisory' AND l.objid::bigint = $1))
                ORDER BY a.xact_start NULLS LAST, a.pid
                LIMIT 5
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = (long)(uint)(PostgresRegistrySchema.MigrationLockKey & 0xFFFFFFFF) });
            using var reader = command.ExecuteReader();
            var holders = new List<string>();
            while (reader.Read())
            {
                var details = new List<string>();
                AddIf(details, reader, 1, "user {0}");
                AddIf(details, reader, 2, "application '{0}'");
                AddIf(details, reader, 3, "from {0}");
                AddIf(details, reader, 4, "{0}");
                if (!reader.IsDBNull(5))
                {
                    details.Add("in a transaction since " + reader.GetFieldValue<DateTimeOffset>(5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                holders.Add($"pid {reader.GetInt32(0).ToString(CultureInfo.InvariantCulture)} ({string.Join(", ", details)})");
            }

            return holders;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or InvalidCastException)
        {
            return [];
        }
    }

    private static void AddIf(List<string> details, NpgsqlDataReader reader, int column, string format)
    {
        if (!reader.IsDBNull(column) && reader.GetValue(column) is var value && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text)
        {
            details.Add(string.Format(CultureInfo.InvariantCulture, format, text));
        }
    }
}
