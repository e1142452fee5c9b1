namespace QualityGates.Registry;

/// <summary>Where the registry folder is: an explicit setting, else <c>QUALITYGATES_REGISTRY</c>, else <c>models/registry</c>.</summary>
public static class RegistryLocation
{
    /// <summary>The seed's default folder, relative to the working (or project) folder.</summary>
    public const string DefaultFolder = "models/registry";

    /// <summary>The environment variable that moves the registry for every tool at once (e.g. to a shared folder).</summary>
    public const string EnvironmentVariable = "QUALITYGATES_REGISTRY";

    /// <summary>The registry folder's full path.</summary>
    /// <param name="explicitFolder">The folder given as an option or property; wins when not blank.</param>
    /// <param name="environment">Reads environment variables (defaults to the process environment).</param>
    /// <param name="baseDirectory">Relative folders resolve against this (defaults to the current folder).</param>
    public static string Resolve(string? explicitFolder, Func<string, string?>? environment = null, string? baseDirectory = null)
    {
        var fromEnvironment = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        var folder = !string.IsNullOrWhiteSpace(explicitFolder) ? explicitFolder
            : !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment
            : DefaultFolder;
        return Path.GetFullPath(folder.Trim(), baseDirectory ?? Environment.CurrentDirectory);
    }
}
