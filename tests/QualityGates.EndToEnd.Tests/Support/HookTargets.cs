namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// A targets file with hooks on QualityGatesPassed, QualityGatesBlocked and QualityGatesCompleted, as a
/// user would write them. Each writes what it saw into a file next to the project; passed to dotnet test
/// as CustomAfterMicrosoftCommonTargets, so the shared consumer project itself stays unchanged.
/// </summary>
public static class HookTargets
{
    public const string BlockedFile = "hook-blocked.txt";
    public const string PassedFile = "hook-passed.txt";
    public const string CompletedFile = "hook-completed.txt";

    /// <summary>Writes the hooks file into the workspace and returns the dotnet test argument that imports it.</summary>
    public static string Argument(Workspace workspace)
    {
        var path = workspace.Write("hooks.targets", $"""
            <Project>
              <Target Name="E2EOnBlocked" AfterTargets="QualityGatesBlocked">
                <Message Importance="high" Text="HOOK blocked: @(QualityGatesResult->WithMetadataValue('Status', 'Failed')->'%(Gate)')" />
                <WriteLinesToFile File="$(MSBuildProjectDirectory)/{BlockedFile}" Overwrite="true"
                                  Lines="@(QualityGatesResult->WithMetadataValue('Status', 'Failed')->'%(Gate) %(Code) %(Value) %(Threshold)')" />
              </Target>
              <Target Name="E2EOnPassed" AfterTargets="QualityGatesPassed">
                <WriteLinesToFile File="$(MSBuildProjectDirectory)/{PassedFile}" Overwrite="true"
                                  Lines="@(QualityGatesResult->'%(Gate) %(Status)')" />
              </Target>
              <Target Name="E2EOnCompleted" AfterTargets="QualityGatesCompleted">
                <WriteLinesToFile File="$(MSBuildProjectDirectory)/{CompletedFile}" Overwrite="true" Lines="AllPassed=$(QualityGatesAllPassed)" />
              </Target>
            </Project>
            """);
        return "-p:CustomAfterMicrosoftCommonTargets=" + path;
    }

    /// <summary>Removes what an earlier run's hooks wrote.</summary>
    public static void Clear(Workspace workspace)
    {
        foreach (var name in new[] { BlockedFile, PassedFile, CompletedFile })
        {
            File.Delete(workspace.FullPath(GatedConsumer.TestsFolder, name));
        }
    }

    /// <summary>The lines a hook wrote, or null when it did not run.</summary>
    public static IReadOnlyList<string>? Read(Workspace workspace, string name)
    {
        var path = workspace.FullPath(GatedConsumer.TestsFolder, name);
        return File.Exists(path) ? File.ReadAllLines(path) : null;
    }
}
