using System.Diagnostics;

namespace QualityGates.Testing;

/// <summary>
/// A real git repository in a folder, for new-code coverage tests: write files, commit, branch, clone.
/// Commits carry a fixed test identity and never read the machine's git configuration for it.
/// </summary>
public sealed class GitRepository
{
    private GitRepository(string path) => Path = path;

    /// <summary>The work tree's top folder.</summary>
    public string Path { get; }

    /// <summary>Initialises a repository whose first branch is <paramref name="branch"/>.</summary>
    public static GitRepository Init(string path, string branch = "main")
    {
        Directory.CreateDirectory(path);
        var repository = new GitRepository(path);
        repository.Git("init", "--quiet", "--initial-branch", branch);
        return repository;
    }

    /// <summary>Clones <paramref name="source"/> (a file:// URL, so <c>--depth</c> is honoured) into <paramref name="path"/>.</summary>
    public static GitRepository Clone(GitRepository source, string path, params string[] options)
    {
        RunGit(System.IO.Path.GetDirectoryName(path)!, ["clone", "--quiet", .. options, new Uri(source.Path).AbsoluteUri, path]);
        return new GitRepository(path);
    }

    /// <summary>Writes a file (relative path, '/' separators) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    /// <summary>Stages everything and commits; returns the new commit id.</summary>
    public string Commit(string message)
    {
        Git("add", "--all");
        Git("commit", "--quiet", "--no-verify", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    /// <summary>Runs git here and returns its trimmed output; a failure throws with git's message.</summary>
    public string Git(params string[] arguments) => RunGit(Path, arguments);

    private static string RunGit(string folder, string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "user.name=QualityGates Tests", "-c", "user.email=tests@example.com", "-c", "commit.gpgsign=false", "-c", "protocol.file.allow=always" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
    }
}
