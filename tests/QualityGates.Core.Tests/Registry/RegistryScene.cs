using QualityGates.Registry.Deployment;
using QualityGates.Registry;

namespace QualityGates.Tests.Registry;

/// <summary>
/// A registry in a fresh temp folder (or, for <see cref="PostgresStoreAttribute.Name"/>, a fresh schema of
/// the test server), with a clock that moves one minute per record from <see cref="Start"/> and an
/// environment holding only what the test gives it.
/// </summary>
internal sealed class RegistryScene : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();


    public RegistryScene(params (string Name, string Value)[] environment)
        : this(FolderStoreAttribute.Name, environment)
    {
    }

    public RegistryScene(string store, params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(v => v.Name, v => v.Value);
        Environment = name => variables.GetValueOrDefault(name);
        Database = store == PostgresStoreAttribute.Name ? new TestPostgres() : null;
        Setting = Database?.Registry ?? Folder;
        Registry = new ApprovalRegistry(Setting, new SteppingClock(Start, TimeSpan.FromMinutes(1)), Environment);
        Controller = new DeploymentController(Registry);
    }

    public string Root => _folder.Path;
    /// <summary>The test schema, for PostgreSQL scenes.</summary>
    public TestPostgres? Database { get; }
    public string Folder => Path.Combine(_folder.Path, "models", "registry");
    /// <summary>The registry setting: <see cref="Folder"/>, or the test schema's connection string.</summary>
    public string Setting { get; }
    public Func<string, string?> Environment { get; }
    public ApprovalRegistry Registry { get; }
    public DeploymentController Controller { get; }

    /// <summary>The time of the <paramref name="n"/>-th record (0-based) this scene's clock stamps.</summary>
    public static DateTimeOffset TimeOf(int n) => Start + TimeSpan.FromMinutes(n);

    public string FileOf(string model) => Path.Combine(Folder, model + ".jsonl");

    public string[] Lines(string model) => File.ReadAllLines(FileOf(model));

    /// <summary>The model's records as a fresh registry on the same store reads them.</summary>
    public IReadOnlyList<RegistryRecord> Stored(string model) => new ApprovalRegistry(Setting, environment: Environment).GetHistory(model).Value;

    /// <summary>True when nothing at all was written to the store.</summary>
    public bool NothingStored => Database is null ? !Directory.Exists(Folder) : Registry.ModelNames().Count == 0;

    public string Write(string name, string content) => _folder.Write(name, content);

    public void Dispose()
    {
        Database?.Dispose();
        _folder.Dispose();
    }

    private sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, step.Ticks) - step.Ticks, TimeSpan.Zero);
    }
}
