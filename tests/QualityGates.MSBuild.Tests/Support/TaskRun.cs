using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace QualityGates.MSBuild.Tests.Support;

/// <summary>Builds an <see cref="EvaluateQualityGates"/> task wired to a recording engine, with short helpers for tests.</summary>
public sealed class TaskRun
{
    public TaskRun(string projectDirectory, string reportDirectory)
    {
        Task = new EvaluateQualityGates
        {
            BuildEngine = Engine,
            ProjectDirectory = projectDirectory,
            // The test machine's own CI variables must not leak in: each test sets what it needs.
            EnvironmentVariables = name => Environment.GetValueOrDefault(name),
        };
        ReportDirectory = reportDirectory;
        Set("ReportDirectory", reportDirectory);
    }

    /// <summary>The report folder the run was given.</summary>
    public string ReportDirectory { get; }

    /// <summary>The environment the task sees; empty unless a test adds variables.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public RecordingBuildEngine Engine { get; } = new();

    public EvaluateQualityGates Task { get; }

    /// <summary>
    /// Sets the setting <c>QualityGates&lt;name&gt;</c> as the targets do: one <c>Settings</c> item, identity =
    /// the property, metadata Value; a value set before is replaced.
    /// </summary>
    public TaskRun Set(string name, string? value)
    {
        var property = "QualityGates" + name;
        var item = new TaskItem(property);
        item.SetMetadata("Value", value ?? string.Empty);
        Task.Settings = [.. Task.Settings.Where(i => i.ItemSpec != property), item];
        return this;
    }

    /// <summary>Sets a list setting, its values joined by ';' as MSBuild hands a list over.</summary>
    public TaskRun Set(string name, string[] values) => Set(name, string.Join(';', values));

    /// <summary>Sets one threshold (<c>MinTestPassRate</c>) as the targets do.</summary>
    public TaskRun Threshold(string name, string value) => Set(name, value);

    public bool Execute() => Task.Execute();

    /// <summary>The result item for <paramref name="gate"/>.</summary>
    public ITaskItem Result(string gate) => Task.Results.Single(r => r.ItemSpec == gate);
}
