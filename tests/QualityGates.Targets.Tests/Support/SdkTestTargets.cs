using System.Xml.Linq;

namespace QualityGates.Targets.Tests.Support;

/// <summary>
/// The .NET SDK's Microsoft.TestPlatform.targets, one file per version vstest shipped since SDK 8.0.100
/// (tests/fixtures/vstest-targets, see its MANIFEST rows), and the package's own build files, read as XML.
/// </summary>
public static class SdkTestTargets
{
    /// <summary>
    /// Every version of the file from SDK 8.0.100 on: the vstest release it was taken from, an SDK that
    /// ships it, and the name the package's targets give it (the vstest release that introduced it).
    /// </summary>
    public static TheoryData<string, string, string> Verified => new()
    {
        { "17.8.0", "8.0.100", "17.2" },
        { "17.9.0", "8.0.200", "17.9" },
        { "17.11.1", "8.0.400", "17.10" },
        { "18.7.0", "10.0.401", "17.12" },
    };

    /// <summary>The fixture of <paramref name="vstest"/>'s Microsoft.TestPlatform.targets.</summary>
    public static string File(string vstest) => Fixtures.Path("vstest-targets", vstest, "Microsoft.TestPlatform.targets");

    /// <summary>Evaluates the test project with the SDK importing <paramref name="targetsFile"/> as its test targets.</summary>
    public static Evaluation Evaluate(string targetsFile, params (string Name, string Value)[] properties) =>
        PackageEvaluation.Of(PackageEvaluation.TestProject(),
            properties.Append((Name: "VSTestTargets", Value: targetsFile)).ToDictionary(p => p.Name, p => p.Value));

    /// <summary>One of the package's build files (build/<paramref name="name"/>), as XML.</summary>
    public static XElement Package(string name) => XElement.Load(Path.Combine(RepositoryPaths.Root, "build", name));

    /// <summary>The target named <paramref name="name"/> in a targets file, or null.</summary>
    public static XElement? Target(XElement project, string name) =>
        project.Elements().FirstOrDefault(e => e.Name.LocalName == "Target" && (string?)e.Attribute("Name") == name);

    /// <summary>The condition of the package's warning with <paramref name="code"/>, as written in its targets.</summary>
    public static string WarningCondition(string code) =>
        (string)Package("QualityGates.MSBuild.targets").Descendants("Warning").Single(w => (string?)w.Attribute("Code") == code).Attribute("Condition")!;
}
