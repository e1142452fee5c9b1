namespace QualityGates.Reports;

/// <summary>
/// Where a report was made, when a CI server is known: written as the JSON report's <c>ci</c> object
/// so a report found later leads back to its build. Every part is optional.
/// </summary>
/// <param name="Provider">The CI system, e.g. "jenkins" or "github-actions".</param>
/// <param name="BuildNumber">The build or run number as the CI server shows it.</param>
/// <param name="BuildUrl">A link to the build.</param>
/// <param name="Commit">The commit that was built.</param>
internal sealed record CiBuildInfo(string? Provider = null, string? BuildNumber = null, string? BuildUrl = null, string? Commit = null)
{
    /// <summary>
    /// Reads the build from the variables Jenkins, GitHub Actions and Azure Pipelines set; null when
    /// none is present (a local run).
    /// </summary>
    public static CiBuildInfo? FromEnvironment(Func<string, string?>? variables = null)
    {
        var get = variables ?? Environment.GetEnvironmentVariable;
        string? Value(string name) => string.IsNullOrWhiteSpace(get(name)) ? null : get(name);

        if (Value("JENKINS_URL") is not null || Value("BUILD_NUMBER") is not null && Value("BUILD_URL") is not null)
        {
            return new CiBuildInfo("jenkins", Value("BUILD_NUMBER"), Value("BUILD_URL"), Value("GIT_COMMIT"));
        }

        if (string.Equals(Value("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var url = Value("GITHUB_SERVER_URL") is { } server && Value("GITHUB_REPOSITORY") is { } repository && Value("GITHUB_RUN_ID") is { } run
                ? $"{server}/{repository}/actions/runs/{run}"
                : null;
            return new CiBuildInfo("github-actions", Value("GITHUB_RUN_NUMBER"), url, Value("GITHUB_SHA"));
        }

        if (string.Equals(Value("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var url = Value("SYSTEM_COLLECTIONURI") is { } collection && Value("SYSTEM_TEAMPROJECT") is { } project && Value("BUILD_BUILDID") is { } id
                ? $"{collection}{project}/_build/results?buildId={id}"
                : null;
            return new CiBuildInfo("azure-pipelines", Value("BUILD_BUILDNUMBER"), url, Value("BUILD_SOURCEVERSION"));
        }

        return Value("BUILD_NUMBER") is { } number ? new CiBuildInfo(null, number, Value("BUILD_URL"), null) : null;
    }
}
