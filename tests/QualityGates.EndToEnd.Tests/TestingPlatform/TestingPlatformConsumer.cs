using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.TestingPlatform;

/// <summary>
/// Microsoft.Testing.Platform consumers: a library and one test application per framework (xunit.v3,
/// MSTest with its runner, TUnit), each with the package and nothing else but properties, in one
/// solution under <c>global.json</c>'s <c>"test": { "runner": "Microsoft.Testing.Platform" }</c>. Built
/// once per run; scenarios (in <see cref="Collection"/>) vary the environment and the test application's command line.
/// The tests read QG_FAIL=1 (one of four tests fails); TUnitTests accepts a 70 % pass rate. The library's coverage is about 50 %: the tests
/// never call <c>Clamp</c> nor the negative and zero paths of <c>Describe</c>.
/// </summary>
public static class TestingPlatformConsumer
{
    public const string Xunit = "XunitTests";
    public const string MSTest = "MSTestTests";
    public const string TUnit = "TUnitTests";
    public const string Solution = "Mtp.slnx";

    /// <summary>The xunit collection of the scenarios that use these test applications.</summary>
    public const string Collection = "testing platform";

    private static readonly SharedWorkspace Shared = new("mtp", SetUp);

    public static IReadOnlyList<string> Projects { get; } = [Xunit, MSTest, TUnit];

    /// <summary>The shared consumer; the first call restores and builds it, with <paramref name="output"/> logging the build.</summary>
    public static Workspace Get(ITestOutputHelper output) => Shared.Get(output);

    /// <summary>
    /// <c>dotnet test</c> in the SDK's native Microsoft.Testing.Platform mode. Not through
    /// <see cref="Workspace.Dotnet"/>: MSBuild's file-logger switches it adds would reach the test
    /// applications, which refuse unknown options (exit code 5).
    /// </summary>
    public static CommandResult TestNative(this Workspace workspace, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(workspace, ["test", .. arguments], environment, TimeSpan.FromMinutes(10));

    /// <summary>The built test application's dll, to run directly with <c>dotnet &lt;dll&gt;</c>.</summary>
    public static string App(this Workspace workspace, string project) =>
        workspace.FullPath(project, "bin", "Release", "net10.0", project + ".dll");

    /// <summary>A project's report folder, emptied so a scenario reads only what its own run wrote.</summary>
    public static string ReportFolder(this Workspace workspace, string project) => workspace.FullPath(project, ".quality-gates");

    public static void ClearReports(this Workspace workspace)
    {
        foreach (var project in Projects)
        {
            workspace.DeleteDirectory(Path.Combine(project, ".quality-gates"));
        }
    }

    private static CommandResult Run(Workspace workspace, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var (exitCode, text) = DotnetCli.Run(workspace.Root, arguments, environment, timeout, workspace.Output.WriteLine);
        return new CommandResult(exitCode, text, [], []);
    }

    private static void SetUp(Workspace workspace)
    {
        workspace.Write("global.json", """
            { "sdk": { "version": "10.0.100", "rollForward": "latestFeature", "allowPrerelease": false },
              "test": { "runner": "Microsoft.Testing.Platform" } }
            """);
        ProjectBuilder.Sdk().Property("TargetFramework", "net8.0").Property("Nullable", "enable").Save(workspace.FullPath("Lib", "Lib.csproj"));
        workspace.Write("Lib/Calculator.cs", """
            namespace Lib;

            public static class Calculator
            {
                public static int Add(int a, int b)
                {
                    return a + b;
                }

                public static string Describe(int value)
                {
                    if (value < 0)
                    {
                        return "negative";
                    }

                    if (value == 0)
                    {
                        return "zero";
                    }

                    return "positive";
                }

                public static int Clamp(int value, int low, int high)
                {
                    if (value < low)
                    {
                        return low;
                    }

                    return value > high ? high : value;
                }
            }
            """);

        TestProject()
            .ItemPackageReference("xunit.v3", "4.0.2")
            .ItemPackageReference("coverlet.MTP", "10.1.0")
            .ItemPackageReference("QualityGates.MSBuild", workspace.Feed.Version, privateAssets: "all")
            .Save(workspace.FullPath(Xunit, Xunit + ".csproj"));
        workspace.Write($"{Xunit}/CalculatorTests.cs", """
            using Lib;
            using Xunit;

            public class CalculatorTests
            {
                [Fact] public void Adds() => Assert.Equal(3, Calculator.Add(1, 2));
                [Fact] public void AddsNegatives() => Assert.Equal(-3, Calculator.Add(-1, -2));
                [Fact] public void DescribesPositive() => Assert.Equal("positive", Calculator.Describe(5));
                [Fact] public void FailsOnRequest() => Assert.True(System.Environment.GetEnvironmentVariable("QG_FAIL") != "1", "fails on purpose");
            }
            """);

        TestProject()
            .Property("EnableMSTestRunner", "true")
            .ItemPackageReference("MSTest.TestAdapter", "4.5.2")
            .ItemPackageReference("MSTest.TestFramework", "4.5.2")
            .ItemPackageReference("coverlet.MTP", "10.1.0")
            .ItemPackageReference("QualityGates.MSBuild", workspace.Feed.Version, privateAssets: "all")
            .Save(workspace.FullPath(MSTest, MSTest + ".csproj"));
        workspace.Write($"{MSTest}/CalculatorTests.cs", """
            using Lib;
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [assembly: Parallelize]

            [TestClass]
            public class CalculatorTests
            {
                [TestMethod] public void Adds() => Assert.AreEqual(3, Calculator.Add(1, 2));
                [TestMethod] public void AddsNegatives() => Assert.AreEqual(-3, Calculator.Add(-1, -2));
                [TestMethod] public void DescribesPositive() => Assert.AreEqual("positive", Calculator.Describe(5));
                [TestMethod] public void FailsOnRequest() => Assert.IsTrue(System.Environment.GetEnvironmentVariable("QG_FAIL") != "1", "fails on purpose");
            }
            """);

        // TUnit.Engine rather than the TUnit meta-package, which also brings Microsoft's closed-source coverage extension.
        TestProject()
            .Property("QualityGatesMinTestPassRate", "0.7")
            .ItemPackageReference("TUnit.Engine", "1.81.10")
            .ItemPackageReference("coverlet.MTP", "10.1.0")
            .ItemPackageReference("QualityGates.MSBuild", workspace.Feed.Version, privateAssets: "all")
            .Save(workspace.FullPath(TUnit, TUnit + ".csproj"));
        workspace.Write($"{TUnit}/CalculatorTests.cs", """
            using Lib;

            public class CalculatorTests
            {
                [TUnit.Core.Test] public void Adds() => Expect(Calculator.Add(1, 2) == 3);
                [TUnit.Core.Test] public void AddsNegatives() => Expect(Calculator.Add(-1, -2) == -3);
                [TUnit.Core.Test] public void DescribesPositive() => Expect(Calculator.Describe(5) == "positive");
                [TUnit.Core.Test] public void FailsOnRequest() => Expect(System.Environment.GetEnvironmentVariable("QG_FAIL") != "1");

                private static void Expect(bool condition)
                {
                    if (!condition)
                    {
                        throw new System.InvalidOperationException("fails on purpose");
                    }
                }
            }
            """);

        workspace.DotnetOrThrow(["new", "sln", "-n", "Mtp", "--format", "slnx"]);
        workspace.DotnetOrThrow(["sln", Solution, "add", "Lib/Lib.csproj", .. Projects.Select(p => $"{p}/{p}.csproj")]);
        workspace.DotnetOrThrow(["build", Solution, "-c", "Release", "-tl:off"]);
    }

    private static ProjectBuilder TestProject() =>
        TestApplication()
            .Property("Nullable", "enable")
            .ItemProjectReference("../Lib/Lib.csproj");

    /// <summary>A Microsoft.Testing.Platform test application's project (net10.0, an executable), without packages.</summary>
    public static ProjectBuilder TestApplication() =>
        ProjectBuilder.Sdk()
            .Property("TargetFramework", "net10.0")
            .Property("OutputType", "Exe")
            .Property("IsPackable", "false");
}
