namespace QualityGates.Testing;

/// <summary>Paths to the shared real-world fixtures in <c>../shared/fixtures</c> beside the repository.</summary>
public static class Fixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The absolute path of a fixture, e.g. <c>Fixtures.Path("trx", "cronos-xunit-theories.trx")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    /// <summary>A field case beside the fixtures (<c>../shared/cases</c>), e.g. <c>Fixtures.Case("t01-mtp-trx-timeout", "mtp-timeout.trx")</c>.</summary>
    public static string Case(params string[] parts) =>
        System.IO.Path.Combine([System.IO.Path.GetDirectoryName(Root.Value.TrimEnd('/', '\\'))!, "cases", .. parts]);

    private static string FindRoot()
    {
        // QUALITYGATES_FIXTURES overrides; otherwise walk up from the test binaries to the folder
        // that holds shared/fixtures (the repository's parent).
        var fromEnvironment = Environment.GetEnvironmentVariable("QUALITYGATES_FIXTURES");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures not found above " + AppContext.BaseDirectory + "; set QUALITYGATES_FIXTURES.");
    }
}
