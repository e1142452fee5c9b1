using QualityGates.Registry.Postgres;

namespace QualityGates.Registry;

/// <summary>
/// Where the registry is: an explicit setting, else <c>QUALITYGATES_REGISTRY</c>, else <c>models/registry</c>.
/// A setting is a folder, or a PostgreSQL database (a <c>postgresql://</c> / <c>postgres://</c> URI or a
/// key=value connection string naming <c>Host</c>).
/// </summary>
internal static class RegistryLocation
{
    /// <summary>The seed's default folder, relative to the working (or project) folder.</summary>
    public const string DefaultFolder = "models/registry";

    /// <summary>The environment variable that moves the registry for every tool at once (e.g. to a shared folder or database).</summary>
    public const string EnvironmentVariable = "QUALITYGATES_REGISTRY";

    /// <summary>The registry setting in effect: a folder's full path, or a database setting as given.</summary>
    /// <param name="explicitSetting">The folder or database given as an option or property; wins when not blank.</param>
    /// <param name="environment">Reads environment variables (defaults to the process environment).</param>
    /// <param name="baseDirectory">Relative folders resolve against this (defaults to the current folder).</param>
    public static string Resolve(string? explicitSetting, Func<string, string?>? environment = null, string? baseDirectory = null)
    {
        var fromEnvironment = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        var setting = !string.IsNullOrWhiteSpace(explicitSetting) ? explicitSetting
            : !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment
            : DefaultFolder;
        return IsDatabase(setting) ? setting.Trim() : Path.GetFullPath(setting.Trim(), baseDirectory ?? Environment.CurrentDirectory);
    }

    /// <summary>True when the setting names a PostgreSQL database rather than a folder.</summary>
    public static bool IsDatabase(string? setting) => PostgresRegistrySetting.Matches(setting);

    /// <summary>
    /// The setting as logs may show it: a folder as given, a database as <c>postgresql://user@host:port/db</c>
    /// (never a password, even one the setting holds, which is refused when used); null when blank.
    /// </summary>
    public static string? Display(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting) || !IsDatabase(setting))
        {
            return setting;
        }

        try
        {
            return PostgresRegistrySetting.Parse(setting, _ => null).Location;
        }
        catch (Errors.QualityGatesException)
        {
            return "a PostgreSQL connection string (not shown: it is not valid or holds a password)";
        }
    }

    /// <summary>The store for a resolved setting.</summary>
    internal static IRegistryStore Open(string setting, Func<string, string?> environment, TimeSpan? lockTimeout) =>
        IsDatabase(setting)
            ? new PostgresRegistryStore(PostgresRegistrySetting.Parse(setting, environment))
            : new RegistryLog(setting, lockTimeout);
}
