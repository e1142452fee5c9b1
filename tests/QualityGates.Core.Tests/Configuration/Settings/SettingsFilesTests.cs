namespace QualityGates.Tests.Configuration.Settings;

/// <summary>
/// The files generated from the settings catalogue are checked in; each must be exactly what the
/// catalogue gives today. With QUALITYGATES_REGENERATE=1 the test writes them instead (and fails, so a
/// regenerating run is never mistaken for a green one).
/// </summary>
public sealed class SettingsFilesTests
{
    public static TheoryData<string> Files() => [.. SettingsFiles.All.Select(f => f.Path)];

    [Theory]
    [MemberData(nameof(Files))]
    public void TheCheckedInFileIsWhatTheCatalogueGives(string file)
    {
        var expected = SettingsFiles.All.Single(f => f.Path == file).Content;
        var path = Path.Combine(RepositoryPaths.Root, file);
        if (Environment.GetEnvironmentVariable(SettingsFiles.RegenerateVariable) == "1")
        {
            File.WriteAllText(path, expected);
            Assert.Fail($"{file} was regenerated; run the tests again without {SettingsFiles.RegenerateVariable}.");
        }

        Assert.True(File.Exists(path), $"{file} is missing; generate it with: {SettingsFiles.Regenerate}");
        Assert.True(expected == File.ReadAllText(path).ReplaceLineEndings("\n"),
            $"{file} is not what the settings catalogue gives; regenerate it with: {SettingsFiles.Regenerate}");
    }
}
