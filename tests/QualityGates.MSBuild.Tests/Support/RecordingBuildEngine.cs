using System.Collections;
using Microsoft.Build.Framework;

namespace QualityGates.MSBuild.Tests.Support;

/// <summary>A build engine that records what a task logs, so tests can assert the transcript.</summary>
public sealed class RecordingBuildEngine : IBuildEngine
{
    public const string ProjectFile = "/src/Tests/Tests.csproj";

    public List<BuildErrorEventArgs> Errors { get; } = [];
    public List<BuildWarningEventArgs> Warnings { get; } = [];
    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => ProjectFile;

    /// <summary>The error codes in the order they were logged.</summary>
    public IReadOnlyList<string> ErrorCodes => Errors.Select(e => e.Code).ToList();

    /// <summary>Messages logged at <paramref name="importance"/>.</summary>
    public IEnumerable<string> MessagesAt(MessageImportance importance) =>
        Messages.Where(m => m.Importance == importance).Select(m => m.Message ?? string.Empty);

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
    public void LogCustomEvent(CustomBuildEventArgs e) { }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("The gate task builds no projects.");
}
