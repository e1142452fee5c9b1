using QualityGates.Registry.Deployment;
using QualityGates.Registry;

namespace QualityGates.Tests.Registry;

/// <summary>
/// A registry in a fresh temp folder, with a clock that moves one minute per record from
/// <see cref="Start"/> and an environment holding only what the test gives it.
/// </summary>
internal sealed class RegistryScene : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();

    public RegistryScene(params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(v => v.Name, v => v.Value);
        Environment = name => variables.GetValueOrDefault(name);
        Registry = new ApprovalRegistry(Folder, new SteppingClock(Start, TimeSpan.FromMinutes(1)), Environment);
        Controller = new DeploymentController(Registry);
    }

    public string Root => _folder.Path;
    public string Folder => Path.Combine(_folder.Path, "models", "registry");
    public Func<string, string?> Environment { get; }
    public ApprovalRegistry Registry { get; }
    public DeploymentController Controller { get; }

    /// <summary>The time of the <paramref name="n"/>-th record (0-based) this scene's clock stamps.</summary>
    public static DateTimeOffset TimeOf(int n) => Start + TimeSpan.FromMinutes(n);

    public string FileOf(string model) => Path.Combine(Folder, model + ".jsonl");

    public string[] Lines(string model) => File.ReadAllLines(FileOf(model));

    public string Write(string name, string content) => _folder.Write(name, content);

    public void Dispose() => _folder.Dispose();

    private sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, step.Ticks) - step.Ticks, TimeSpan.Zero);
    }
}
