namespace QualityGates.Testing;

/// <summary>Finds the repository the tests run from (the folder holding QualityGates.MSBuild.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QualityGates.MSBuild.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("QualityGates.MSBuild.sln not found above " + AppContext.BaseDirectory);
    }
}
