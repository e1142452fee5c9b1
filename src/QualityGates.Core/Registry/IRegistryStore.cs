namespace QualityGates.Registry;

/// <summary>
/// Where registry records live: a folder of JSON Lines files (<see cref="RegistryLog"/>) or a PostgreSQL
/// database (<see cref="Postgres.PostgresRegistryStore"/>). A store only keeps records, append-only and in
/// order per model; every rule about what they mean lives above it (<see cref="ModelLedger"/>), so both
/// stores answer every query the same way.
/// </summary>
internal interface IRegistryStore
{
    /// <summary>Where the registry is, for logs and reports: a folder's full path, or <c>postgresql://user@host:port/database</c> (never a password).</summary>
    string Location { get; }

    /// <summary>Where the model's records are (its file, or the database); throws QG3004 for a name the registry refuses.</summary>
    string LocationOf(string modelName);

    /// <summary>Every sound record of the model in the order appended, and a warning for each one skipped.</summary>
    RegistryResult<IReadOnlyList<RegistryRecord>> Read(string modelName);

    /// <summary>The names of the models that have records, in ordinal order.</summary>
    IReadOnlyList<string> ModelNames();

    /// <summary>Appends the record after every record of its model; returns it with its <see cref="RegistryRecord.File"/> and <see cref="RegistryRecord.Line"/>.</summary>
    RegistryRecord Append(RegistryRecord record);

    /// <summary>
    /// Reads the model's records and appends the record <paramref name="decide"/> builds from them as one
    /// step: no other record of the model is appended in between, so a check (may this version be
    /// deployed?) and its record cannot interleave with another writer's decision. <paramref name="decide"/>
    /// throws to refuse; then nothing is written.
    /// </summary>
    RegistryRecord AppendChecked(string modelName, Func<IReadOnlyList<RegistryRecord>, RegistryRecord> decide);

    /// <summary>
    /// Appends, in order, the given records of one model that the store does not hold yet (same id), for
    /// copying a registry; returns how many were appended.
    /// </summary>
    int Import(string modelName, IReadOnlyList<RegistryRecord> records);
}
