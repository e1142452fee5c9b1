namespace QualityGates.Registry;

/// <summary>
/// Who a record is by when the caller does not say: the user the CI server names, else the OS user.
/// </summary>
internal static class RegistryUser
{
    /// <summary>Checked in order; the first that is set wins.</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        "QUALITYGATES_USER", // an explicit override for every tool
        "BUILD_USER_ID", "BUILD_USER", // Jenkins (build-user-vars plugin)
        "GITHUB_ACTOR", // GitHub Actions
        "BUILD_REQUESTEDFOREMAIL", "BUILD_REQUESTEDFOR", // Azure Pipelines
        "GITLAB_USER_LOGIN", // GitLab CI
        "USER", "USERNAME", // the OS user on Linux/macOS and Windows
    ];

    /// <summary><paramref name="given"/> when not blank, else the first variable set, else the OS user name.</summary>
    public static string Resolve(string? given, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }

        var get = environment ?? Environment.GetEnvironmentVariable;
        foreach (var name in Variables)
        {
            if (get(name) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return string.IsNullOrWhiteSpace(Environment.UserName) ? "unknown" : Environment.UserName;
    }
}
