namespace QualityGates.Testing;

/// <summary>Paths to the real-world fixtures in the repository's <c>tests/fixtures</c> (see its MANIFEST.md).</summary>
public static class Fixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The absolute path of a fixture, e.g. <c>Fixtures.Path("trx", "cronos-xunit-theories.trx")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    /// <summary>A field case in <c>tests/fixtures/cases</c>, e.g. <c>Fixtures.Case("t01-mtp-trx-timeout", "mtp-timeout.trx")</c>.</summary>
    public static string Case(params string[] parts) => System.IO.Path.Combine([Root.Value, "cases", .. parts]);

    private static string FindRoot()
    {
        // Walk up from the test binaries to the repository that holds tests/fixtures/MANIFEST.md.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "fixtures");
            if (File.Exists(System.IO.Path.Combine(candidate, "MANIFEST.md")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures not found above " + AppContext.BaseDirectory + ".");
    }
}
