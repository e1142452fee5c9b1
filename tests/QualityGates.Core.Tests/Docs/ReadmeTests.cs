using System.Reflection;
using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Tests.Docs;

/// <summary>The README promises a row for every error code and every threshold; keep it honest.</summary>
public class ReadmeTests
{
    private static readonly Lazy<string> Readme = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "QualityGates.MSBuild.sln")))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException("README.md not found above " + AppContext.BaseDirectory);
    });

    private static IReadOnlyList<string> AllCodes { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public static TheoryData<string> Codes() => new(AllCodes);

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryErrorCodeHasARow(string code)
    {
        Assert.Contains($"| {code} |", Readme.Value);
    }

    [Fact]
    public void CodesAreUnique()
    {
        Assert.Equal(AllCodes.Count, AllCodes.Distinct().Count());
    }

    [Fact]
    public void EveryThresholdHasARow()
    {
        Assert.All(ThresholdCatalog.All, d => Assert.Contains($"`{d.SettingName}`", Readme.Value));
    }
}
