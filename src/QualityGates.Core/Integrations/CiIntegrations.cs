namespace QualityGates.Integrations;

/// <summary>Chooses the CI integration from the variables each CI server sets on its agents.</summary>
internal static class CiIntegrations
{
    /// <summary>
    /// GitHub Actions when <c>GITHUB_ACTIONS=true</c>, Azure Pipelines when <c>TF_BUILD=True</c>
    /// (either case); null elsewhere. Jenkins and GitLab need nothing beyond the report files.
    /// </summary>
    public static ICiIntegration? Detect(Func<string, string?> environment)
    {
        if (IsTrue(environment("GITHUB_ACTIONS")))
        {
            return new GitHubActionsIntegration();
        }

        return IsTrue(environment("TF_BUILD")) ? new AzurePipelinesIntegration() : null;
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
