namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>Finds the repository the tests run from (the folder holding QualityGates.MSBuild.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static readonly string[] PackageSources =
        ["src/QualityGates.Core", "src/QualityGates.MSBuild", "src/QualityGates.Testing.Platform", "build", "buildTransitive", "Directory.Build.props", "Directory.Packages.props", "global.json"];

    /// <summary>Copies what packing the package needs (sources, no bin/obj) to <paramref name="destination"/> and returns it.</summary>
    public static string CopyPackageSources(string destination)
    {
        foreach (var relative in PackageSources)
        {
            var from = Path.Combine(Root, relative);
            var to = Path.Combine(destination, relative);
            if (File.Exists(from))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to);
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var inside = Path.GetRelativePath(from, file);
                var first = inside.Split(Path.DirectorySeparatorChar)[0];
                if (first is "bin" or "obj")
                {
                    continue;
                }

                var target = Path.Combine(to, inside);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return destination;
    }

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
