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
    /// Reads the records of one version of the model and appends the record <paramref name="decide"/> builds
    /// from them as one step: no other record of the model is appended in between, so a check (may this
    /// version be deployed? was its gate blocked?) and its record cannot interleave with another writer's
    /// decision. Every such check is about one version, so only its records are read (in order).
    /// <paramref name="decide"/> throws to refuse; then nothing is written.
    /// </summary>
    RegistryRecord AppendChecked(string modelName, string version, Func<IReadOnlyList<RegistryRecord>, RegistryRecord> decide);

    /// <summary>
    /// Appends, in order, the given records of one model that the store does not hold yet (same id), for
    /// copying a registry: each is checked with <see cref="RegistryRecordRules"/> first, and one the store
    /// refuses (a broken rule, another record under its id) is reported and skipped while the rest go in.
    /// </summary>
    RegistryImport Import(string modelName, IReadOnlyList<RegistryRecord> records);
}

/// <summary>What <see cref="IRegistryStore.Import"/> did: how many records it appended, and each one it refused, with why.</summary>
internal sealed record RegistryImport(int Added, IReadOnlyList<RegistryRefusal> Refused)
{
    /// <summary>The refusal of a record that breaks <see cref="RegistryRecordRules"/>, or null.</summary>
    public static RegistryRefusal? Refusal(RegistryRecord record) =>
        RegistryRecordRules.Problem(record) is { } problem ? new RegistryRefusal(record, "it " + problem) : null;

    /// <summary>The refusal of a record whose id the destination already holds for another record (model, version, kind or context differ), or null when it holds this one.</summary>
    public static RegistryRefusal? Conflict(RegistryRecord record, (string Model, string Kind, string Version, string Context) held) =>
        held == (record.Model.Name, record.KindName, record.Model.Version, record.ContextName) ? null
            : new RegistryRefusal(record, $"the destination already holds another record under its id ({held.Model}:{held.Version}, {held.Kind} for {held.Context})");
}

/// <summary>A record a store would not take, and why (to follow "was not copied: ").</summary>
internal sealed record RegistryRefusal(RegistryRecord Record, string Reason);
