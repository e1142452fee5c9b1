using System.Text;
using Npgsql;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// The database store: records in <c>qualitygates_records</c>, numbered per model (<c>seq</c>, the
/// counterpart of a file's line number) under the model's row in <c>qualitygates_models</c>. Every append
/// is one transaction that first locks that row (an upsert that bumps <c>last_seq</c>), so appends to one
/// model are serialised by the server, their numbers follow commit order, and a check made inside the
/// transaction (may this version be deployed?) cannot interleave with another writer's reject. The record
/// id is the primary key, and an attempt after a lost connection first looks the id up: a commit whose
/// answer was lost is found instead of written twice. Each record is stored as its registry JSON line, so
/// it reads back exactly as the folder store's would; a row whose line disagrees with its columns (another
/// model, another id) is reported as damaged.
/// </summary>
internal sealed class PostgresRegistryStore(PostgresRegistrySetting setting) : IRegistryStore
{
    private readonly PostgresConnector _connector = new(setting);
    private bool _schemaChecked;

    public string Location => setting.Location;

    public string LocationOf(string modelName)
    {
        RegistryPaths.CheckName(modelName);
        return Location;
    }

    /// <summary>Creates or migrates the schema to the version this build knows; the versions before and after.</summary>
    public (int Before, int After) Migrate() => _connector.Run((connection, _) => PostgresRegistrySchema.Migrate(connection, Location, _connector.Begin));

    public RegistryResult<IReadOnlyList<RegistryRecord>> Read(string modelName)
    {
        LocationOf(modelName);
        return InTransaction(connection => ReadRecords(connection, modelName, null));
    }

    public IReadOnlyList<string> ModelNames() => InTransaction(connection =>
    {
        using var command = new NpgsqlCommand("SELECT name FROM qualitygates_models WHERE last_seq > 0 ORDER BY name COLLATE \"C\"", connection);
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
        return Run((connection, attempt) => (attempt > 1 ? Find(connection, record.Id) : null)
            ?? AppendInTransaction(connection, record.Model.Name, null, _ => record));
    }

    public RegistryRecord AppendChecked(string modelName, string version, Func<IReadOnlyList<RegistryRecord>, RegistryRecord> decide)
    {
        LocationOf(modelName);

        // A retry keeps the first attempt's id and looks for it first: a commit whose answer was lost is
        // found, not repeated, and not judged again against the records it added itself.
        string? id = null;
        return Run((connection, attempt) => (attempt > 1 && id is not null ? Find(connection, id) : null)
            ?? AppendInTransaction(connection, modelName, (c, m) => ReadRecords(c, m, version), records =>
            {
                var record = decide(records!);
                id ??= record.Id;
                return record with { Id = id };
            }));
    }

    public RegistryImport Import(string modelName, IReadOnlyList<RegistryRecord> records)
    {
        LocationOf(modelName);
        return Run((connection, _) =>
        {
            using var transaction = _connector.Begin(connection);
            var seq = LockModel(connection, modelName, bump: false);
            var added = 0;
            var refused = new List<RegistryRefusal>();
            foreach (var record in records)
            {
                if (RegistryImport.Refusal(record) is { } problem)
                {
                    refused.Add(problem);
                    continue;
                }

                // Each record in its own savepoint: one the database refuses is reported, and the others still go in.
                transaction.Save("record");
                try
                {
                    if (Insert(connection, record, seq + 1))
                    {
                        seq++;
                        added++;
                    }
                    else if (Held(connection, record) is { } held && RegistryImport.Conflict(record, held) is { } conflict)
                    {
                        refused.Add(conflict);
                    }

                    transaction.Release("record");
                }
                catch (PostgresException ex) when (ex.SqlState.StartsWith("22", StringComparison.Ordinal) || ex.SqlState.StartsWith("23", StringComparison.Ordinal))
                {
                    transaction.Rollback("record");
                    refused.Add(new RegistryRefusal(record, $"the database refused it: {ex.MessageText} (SQLSTATE {ex.SqlState})"));
                }
            }

            using (var update = Command(connection, "UPDATE qualitygates_models SET last_seq = $2 WHERE name = $1", modelName, seq))
            {
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return new RegistryImport(added, refused);
        });
    }

    private RegistryRecord AppendInTransaction(
        NpgsqlConnection connection,
        string modelName,
        Func<NpgsqlConnection, string, RegistryResult<IReadOnlyList<RegistryRecord>>>? read,
        Func<IReadOnlyList<RegistryRecord>?, RegistryRecord> decide)
    {
        using var transaction = _connector.Begin(connection);
        var seq = LockModel(connection, modelName, bump: true);
        var record = decide(read?.Invoke(connection, modelName).Value);
        if (!Insert(connection, record, seq))
        {
            // Already there: an earlier attempt committed it. Give the number back.
            transaction.Rollback();
            return Find(connection, record.Id)!;
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

    /// <summary>The stored record with this id, as its model's records read it; null when there is none (or it is damaged).</summary>
    private RegistryRecord? Find(NpgsqlConnection connection, string id)
    {
        using var command = Command(connection, "SELECT seq, id, model, kind, version, context, record FROM qualitygates_records WHERE id = $1", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Row(reader, out _) : null;
    }

    /// <summary>What the database holds under the record's id: its model, kind, version and context.</summary>
    private static (string Model, string Kind, string Version, string Context)? Held(NpgsqlConnection connection, RegistryRecord record)
    {
        using var command = Command(connection, "SELECT model, kind, version, context FROM qualitygates_records WHERE id = $1", record.Id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)) : null;
    }

    /// <summary>The model's records (of one version, when given: the rows the check of an append needs) in order, and a warning for each damaged row.</summary>
    private RegistryResult<IReadOnlyList<RegistryRecord>> ReadRecords(NpgsqlConnection connection, string modelName, string? version)
    {
        using var command = version is null
            ? Command(connection, "SELECT seq, id, model, kind, version, context, record FROM qualitygates_records WHERE model = $1 ORDER BY seq", modelName)
            : Command(connection, "SELECT seq, id, model, kind, version, context, record FROM qualitygates_records WHERE model = $1 AND version = $2 ORDER BY seq", modelName, version);
        using var reader = command.ExecuteReader();
        var records = new List<RegistryRecord>();
        var warnings = new List<RegistryWarning>();
        while (reader.Read())
        {
            if (Row(reader, out var problem) is { } record)
            {
                records.Add(record);
            }
            else
            {
                var seq = (int)reader.GetInt64(0);
                warnings.Add(new RegistryWarning(Location, seq, $"The record {seq} of model '{modelName}' is not a valid registry record and is skipped: it {problem}."));
            }
        }

        return new(records, warnings);
    }

    /// <summary>
    /// The record of the current row, or null and what is wrong: a line that is not a valid record, or one
    /// that disagrees with the row's columns (written or edited by hand: another model, another id).
    /// </summary>
    private RegistryRecord? Row(NpgsqlDataReader reader, out string? problem)
    {
        var seq = (int)reader.GetInt64(0);
        problem = RegistryLogReader.TryParse(Encoding.UTF8.GetBytes(reader.GetString(6)), Location, seq, out var record);
        if (record is null)
        {
            return null;
        }

        var (id, model, kind, version, context) = (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
        problem = record.Id != id ? $"holds the record {record.Id} in the row of id {id}, so it repeats or stands in for another record"
            : record.Model.Name != model ? $"names the model '{record.Model.Name}' in a row of model '{model}'"
            : (record.KindName, record.Model.Version, record.ContextName) != (kind, version, context)
                ? $"says {record.KindName} {record.Model.Version} for {record.ContextName}, and its row says {kind} {version} for {context}"
            : null;
        return problem is null ? record : null;
    }

    private T InTransaction<T>(Func<NpgsqlConnection, T> work) => Run((connection, _) =>
    {
        using var transaction = _connector.Begin(connection);
        var result = work(connection);
        transaction.Commit();
        return result;
    });

    /// <summary>Runs <paramref name="work"/> through the connector, creating or checking the schema on this store's first use.</summary>
    private T Run<T>(Func<NpgsqlConnection, int, T> work) => _connector.Run((connection, attempt) =>
    {
        if (!_schemaChecked)
        {
            PostgresRegistrySchema.Migrate(connection, Location, _connector.Begin);
            _schemaChecked = true;
        }

        return work(connection, attempt);
    });

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
