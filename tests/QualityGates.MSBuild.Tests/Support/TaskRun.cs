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
            ReportDirectory = reportDirectory,
            // The test machine's own CI variables must not leak in: each test sets what it needs.
            EnvironmentVariables = name => Environment.GetValueOrDefault(name),
        };
    }

    /// <summary>The environment the task sees; empty unless a test adds variables.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public RecordingBuildEngine Engine { get; } = new();

    public EvaluateQualityGates Task { get; }

    /// <summary>Sets one threshold as the targets do: item identity = catalog name, metadata Value.</summary>
    public TaskRun Threshold(string name, string value)
    {
        var item = new TaskItem(name);
        item.SetMetadata("Value", value);
        Task.Thresholds = [.. Task.Thresholds, item];
        return this;
    }

    public bool Execute() => Task.Execute();

    /// <summary>The result item for <paramref name="gate"/>.</summary>
    public ITaskItem Result(string gate) => Task.Results.Single(r => r.ItemSpec == gate);
}
