using System.Text;
using Npgsql;
using QualityGates.Reports;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// The database store: records in <c>qualitygates_records</c>, numbered per model (<c>seq</c>, the
/// counterpart of a file's line number) under the model's row in <c>qualitygates_models</c>. Every append
/// is one transaction that first locks that row (an upsert that bumps <c>last_seq</c>), so appends to one
/// model are serialised by the server, their numbers follow commit order, and a check made inside the
/// transaction (may this version be deployed?) cannot interleave with another writer's reject. The record
/// id is the primary key: a transaction retried after a lost commit answer finds its record instead of
/// writing it twice. Each record is stored as its registry JSON line, so it reads back exactly as the
/// folder store's would.
/// </summary>
internal sealed class PostgresRegistryStore(PostgresRegistrySetting setting) : IRegistryStore
{
    private const int MaxAttempts = 5;

    private bool _schemaChecked;
    private NpgsqlDataSource? _dataSource;

    public string Location => setting.Location;

    public string LocationOf(string modelName)
    {
        RegistryPaths.CheckName(modelName);
        return Location;
    }

    /// <summary>Creates or migrates the schema to the version this build knows; the versions before and after.</summary>
    public (int Before, int After) Migrate() => Run(connection => PostgresRegistrySchema.Migrate(connection, Location), checkSchema: false);

    public RegistryResult<IReadOnlyList<RegistryRecord>> Read(string modelName)
    {
        LocationOf(modelName);
        return Run(connection => ReadRecords(connection, modelName));
    }

    public IReadOnlyList<string> ModelNames() => Run(connection =>
    {
        using var command = new NpgsqlCommand("SELECT name FROM qualitygates_models ORDER BY name COLLATE \"C\"", connection);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return (IReadOnlyList<string>)names;
    });

    public RegistryRecord Append(RegistryRecord record)
    {
        LocationOf(record.Model.Name);
        return Run(connection => AppendInTransaction(connection, record.Model.Name, null, _ => record));
    }

    public RegistryRecord AppendChecked(string modelName, Func<IReadOnlyList<RegistryRecord>, RegistryRecord> decide)
    {
        LocationOf(modelName);

        // A retry decides again (the records may have changed) but keeps the first attempt's id, so a
        // commit whose answer was lost is found instead of repeated.
        string? id = null;
        return Run(connection => AppendInTransaction(connection, modelName, ReadRecords, records =>
        {
            var record = decide(records!);
            id ??= record.Id;
            return record with { Id = id };
        }));
    }

    public int Import(string modelName, IReadOnlyList<RegistryRecord> records)
    {
        LocationOf(modelName);
        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var seq = LockModel(connection, modelName, bump: false);
            var added = 0;
            foreach (var record in records)
            {
                if (Insert(connection, record, seq + 1))
                {
                    seq++;
                    added++;
                }
            }

            using (var update = Command(connection, "UPDATE qualitygates_models SET last_seq = $2 WHERE name = $1", modelName, seq))
            {
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return added;
        });
    }

    private RegistryRecord AppendInTransaction(
        NpgsqlConnection connection,
        string modelName,
        Func<NpgsqlConnection, string, RegistryResult<IReadOnlyList<RegistryRecord>>>? read,
        Func<IReadOnlyList<RegistryRecord>?, RegistryRecord> decide)
    {
        using var transaction = connection.BeginTransaction();
        var seq = LockModel(connection, modelName, bump: true);
        var record = decide(read?.Invoke(connection, modelName).Value);
        if (!Insert(connection, record, seq))
        {
            // Already there: an earlier attempt committed it. Give the number back.
            transaction.Rollback();
            return ReadRecords(connection, modelName).Value.First(r => r.Id == record.Id);
        }

        transaction.Commit();
        return record with { File = Location, Line = (int)seq };
    }

    /// <summary>
    /// Locks the model's row until the transaction ends (creating it for the first record) and returns
    /// its <c>last_seq</c>, bumped by one when <paramref name="bump"/>: the next record's number.
    /// </summary>
    private static long LockModel(NpgsqlConnection connection, string modelName, bool bump)
    {
        var sql = bump
            ? "INSERT INTO qualitygates_models AS m (name, last_seq) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET last_seq = m.last_seq + 1 RETURNING m.last_seq"
            : "INSERT INTO qualitygates_models AS m (name, last_seq) VALUES ($1, 0) ON CONFLICT (name) DO UPDATE SET last_seq = m.last_seq RETURNING m.last_seq";
        using var command = Command(connection, sql, modelName);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Inserts the record as number <paramref name="seq"/>; false when a record with its id is already stored.</summary>
    private static bool Insert(NpgsqlConnection connection, RegistryRecord record, long seq)
    {
        using var command = Command(connection, """
            INSERT INTO qualitygates_records (id, model, seq, kind, version, context, recorded_at, record)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO NOTHING
            """,
            record.Id, record.Model.Name, seq, record.KindName, record.Model.Version, record.ContextName,
            record.Timestamp.ToUniversalTime(), RegistryRecordJson.ToLine(record));
        return command.ExecuteNonQuery() == 1;
    }

    private RegistryResult<IReadOnlyList<RegistryRecord>> ReadRecords(NpgsqlConnection connection, string modelName)
    {
        using var command = Command(connection, "SELECT seq, record FROM qualitygates_records WHERE model = $1 ORDER BY seq", modelName);
        using var reader = command.ExecuteReader();
        var records = new List<RegistryRecord>();
        var warnings = new List<RegistryWarning>();
        while (reader.Read())
        {
            var seq = (int)reader.GetInt64(0);

            // Rows are written whole by this class; a row edited by hand is skipped and reported like a corrupt line.
            var problem = RegistryLogReader.TryParse(Encoding.UTF8.GetBytes(reader.GetString(1)), Location, seq, out var record);
            if (record is null)
            {
                warnings.Add(new RegistryWarning(Location, seq, $"The record {seq} of model '{modelName}' is not a valid registry record and is skipped: it {problem}."));
            }
            else
            {
                records.Add(record);
            }
        }

        return new(records, warnings);
    }

    // The registry uses built-in types only: no need to load the server's type catalogue on the first
    // connection of every (often short-lived) process.
    private NpgsqlDataSource DataSource() => _dataSource ??= new NpgsqlDataSourceBuilder(setting.ConnectionString)
        .ConfigureTypeLoading(types => types.EnableTypeLoading(false))
        .Build();

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on an open connection (checking the schema once per store), retrying a
    /// transaction the server aborted to resolve a conflict (serialization failure, deadlock) or a
    /// connection lost after it was opened; every other failure becomes a coded error naming the server.
    /// </summary>
    private T Run<T>(Func<NpgsqlConnection, T> work, bool checkSchema = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            var opened = false;
            try
            {
                using var connection = DataSource().OpenConnection();
                opened = true;
                if (checkSchema && !_schemaChecked)
                {
                    PostgresRegistrySchema.Migrate(connection, Location);
                    _schemaChecked = true;
                }

                return work(connection);
            }
            catch (Exception ex) when (attempt < MaxAttempts && opened && PostgresFailures.IsWorthRetrying(ex))
            {
                Thread.Sleep(Random.Shared.Next(10, 50 * attempt));
            }
            catch (Exception ex) when (PostgresFailures.Translate(ex, setting) is { } coded)
            {
                throw coded;
            }
        }
    }
}
