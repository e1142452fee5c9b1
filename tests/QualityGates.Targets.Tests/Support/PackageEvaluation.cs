using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace QualityGates.Targets.Tests.Support;

/// <summary>
/// Evaluates a small project that imports the package's build files from source exactly where NuGet
/// imports a package's (project-extension files in obj/, through buildTransitive/), with the SDK's own
/// MSBuild in this process. Nothing is restored or built: only what MSBuild evaluates.
/// </summary>
public static class PackageEvaluation
{
    // One evaluation at a time: the MSBuild registration is process-wide and evaluations share a cache.
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>An SDK-style test project for net10.0, as Microsoft.NET.Test.Sdk makes one (IsTestProject=true).</summary>
    public static ProjectBuilder TestProject() =>
        ProjectBuilder.Sdk()
            .Property("TargetFramework", "net10.0")
            .Property("IsTestProject", "true");

    /// <summary>
    /// Evaluates <paramref name="project"/>, saved as <paramref name="name"/>.csproj in a fresh folder,
    /// with <paramref name="globalProperties"/> as dotnet test -p: would pass them.
    /// </summary>
    public static Evaluation Of(ProjectBuilder project, IReadOnlyDictionary<string, string>? globalProperties = null, string name = "Probe.Tests")
    {
        using var folder = new TempDirectory();
        var projectPath = Save(project, folder, name);
        lock (Gate)
        {
            Register();
            return Evaluate(projectPath, globalProperties ?? new Dictionary<string, string>());
        }
    }

    /// <summary>
    /// Runs <paramref name="targets"/> of <paramref name="project"/> (saved as <see cref="Of"/> saves it) in this
    /// process: for targets that only compute items and write small files, never for a compiling build.
    /// </summary>
    public static Run Build(ProjectBuilder project, string[] targets, IReadOnlyDictionary<string, string>? globalProperties = null, string name = "Probe.Tests")
    {
        using var folder = new TempDirectory();
        var projectPath = Save(project, folder, name);
        lock (Gate)
        {
            Register();
            return Execute(projectPath, targets, globalProperties ?? new Dictionary<string, string>(), folder.Path);
        }
    }

    private static string Save(ProjectBuilder project, TempDirectory folder, string name)
    {
        var projectPath = project.Save(Path.Combine(folder.Path, name, name + ".csproj"));
        // Blank Directory.Build.* files stop MSBuild from looking above the temp folder.
        ProjectBuilder.Blank().Save(Path.Combine(folder.Path, "Directory.Build.props"));
        ProjectBuilder.Blank().Save(Path.Combine(folder.Path, "Directory.Build.targets"));
        foreach (var extension in new[] { "props", "targets" })
        {
            ProjectBuilder.Blank()
                .Import(Path.Combine(RepositoryPaths.Root, "buildTransitive", "QualityGates.MSBuild." + extension))
                .Save(Path.Combine(folder.Path, name, "obj", $"{name}.csproj.qualitygates.g.{extension}"));
        }

        return projectPath;
    }

    private static void Register()
    {
        if (!_registered)
        {
            // The SDK that global.json selects for the repository, the one `dotnet test` runs with.
            MSBuildLocator.RegisterDefaults();
            _registered = true;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Run Execute(string projectPath, string[] targets, IReadOnlyDictionary<string, string> globalProperties, string folder)
    {
        var project = new Microsoft.Build.Evaluation.Project(projectPath, globalProperties.ToDictionary(), toolsVersion: null, Sdk.Collection);
        try
        {
            var instance = project.CreateProjectInstance();
            var log = new List<string>();
            var built = instance.Build(targets, [new Logger(log)]);
            var items = instance.Items.ToLookup(i => i.ItemType, i => (IReadOnlyDictionary<string, string>)i.Metadata
                .ToDictionary(m => m.Name, m => m.EvaluatedValue).Append(KeyValuePair.Create("Identity", i.EvaluatedInclude)).ToDictionary(), StringComparer.OrdinalIgnoreCase);
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.EndsWith("proj", StringComparison.Ordinal)
                    && !f.EndsWith(".props", StringComparison.Ordinal) && !f.EndsWith(".targets", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);
            return new Run(built, log, items, files);
        }
        finally
        {
            Sdk.Collection.UnloadProject(project);
        }
    }

    /// <summary>Keeps the errors and warnings of a build, to explain a failed one.</summary>
    private sealed class Logger(List<string> log) : Microsoft.Build.Framework.ILogger
    {
        public Microsoft.Build.Framework.LoggerVerbosity Verbosity { get; set; }

        public string? Parameters { get; set; }

        public void Initialize(Microsoft.Build.Framework.IEventSource eventSource)
        {
            eventSource.ErrorRaised += (_, e) => log.Add($"error {e.Code}: {e.Message}");
            eventSource.WarningRaised += (_, e) => log.Add($"warning {e.Code}: {e.Message}");
        }

        public void Shutdown()
        {
        }
    }

    // Kept apart so that no MSBuild type is loaded before MSBuildLocator has registered the SDK's.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Evaluation Evaluate(string projectPath, IReadOnlyDictionary<string, string> globalProperties)
    {
        var project = new Microsoft.Build.Evaluation.Project(projectPath, globalProperties.ToDictionary(), toolsVersion: null, Sdk.Collection);
        try
        {
            // A snapshot that outlives the project: it answers conditions as the build would when a target runs.
            var instance = project.CreateProjectInstance();
            return new Evaluation(
                project.Properties.ToDictionary(p => p.Name, p => p.EvaluatedValue, StringComparer.OrdinalIgnoreCase),
                project.Items.ToLookup(i => i.ItemType, i => i.EvaluatedInclude, StringComparer.OrdinalIgnoreCase),
                project.Targets.ToDictionary(t => t.Key, t => t.Value.FullPath, StringComparer.OrdinalIgnoreCase),
                (condition, properties) =>
                {
                    var copy = properties.Count == 0 ? instance : instance.DeepCopy();
                    foreach (var (name, value) in properties)
                    {
                        copy.SetProperty(name, value);
                    }

                    return copy.EvaluateCondition(condition);
                });
        }
        finally
        {
            Sdk.Collection.UnloadProject(project);
        }
    }

    // One collection for every evaluation, so the SDK's own props and targets are parsed once per run.
    private static class Sdk
    {
        public static readonly Microsoft.Build.Evaluation.ProjectCollection Collection = new();
    }
}

/// <summary>What running some targets gave: whether they succeeded, the errors and warnings, the items (metadata by name, with Identity), and the files written in the project's folder (relative path → text).</summary>
public sealed record Run(bool Succeeded, IReadOnlyList<string> Log, ILookup<string, IReadOnlyDictionary<string, string>> Items, IReadOnlyDictionary<string, string> Files);

/// <summary>What MSBuild evaluated for one project: properties, items and the file that defines each target.</summary>
public sealed class Evaluation(
    IReadOnlyDictionary<string, string> properties, ILookup<string, string> items, IReadOnlyDictionary<string, string> targets,
    Func<string, IReadOnlyDictionary<string, string>, bool> condition)
{
    /// <summary>The property's evaluated value, or "" when it is not defined (as $(Name) would give).</summary>
    public string this[string property] => properties.TryGetValue(property, out var value) ? value : string.Empty;

    /// <summary>The evaluated includes of the items of <paramref name="type"/>, in order.</summary>
    public IReadOnlyList<string> Items(string type) => items[type].ToList();

    /// <summary>
    /// Whether an MSBuild condition (as written in a target) holds when the target runs, with this
    /// project's properties and <paramref name="properties"/> set as the command line or environment would.
    /// </summary>
    public bool Holds(string msbuildCondition, params (string Name, string Value)[] properties) =>
        msbuildCondition.Length == 0 || condition(msbuildCondition, properties.ToDictionary(p => p.Name, p => p.Value));

    /// <summary>The full path of the file whose definition of <paramref name="target"/> wins.</summary>
    public string TargetPath(string target)
    {
        Assert.True(targets.TryGetValue(target, out var file), $"no target {target}");
        return file;
    }

    /// <summary>The file name (no folder) of the file whose definition of <paramref name="target"/> wins.</summary>
    public string TargetFile(string target) => Path.GetFileName(TargetPath(target));

    /// <summary>The ';'-separated parts of a property's value.</summary>
    public IReadOnlyList<string> List(string property) => this[property].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
