using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.TestingPlatform;

/// <summary>
/// Microsoft.Testing.Platform consumers: a library and one test application per framework and platform
/// version the frameworks bring, each with the package and nothing else but properties, under
/// <c>global.json</c>'s <c>"test": { "runner": "Microsoft.Testing.Platform" }</c>. Built once per run
/// (one solution build); scenarios (in <see cref="Collection"/>) vary the environment and the command line.
/// Every application has the same four tests; QG_FAIL=1 makes one fail (75 %, below staging's 95 %;
/// TUnitTests accepts 70 %). MSTestTests has a fifth, <c>[Retry(2)]</c>, that fails its first attempt when
/// QG_FLAKY=1 (MSTest 4.4+ reports each attempt). The library's coverage is below staging's 80 %: the tests never call
/// <c>Clamp</c> nor the negative and zero paths of <c>Describe</c>.
/// </summary>
public static class TestingPlatformConsumer
{
    /// <summary>xunit.v3 4.x with coverlet.MTP 10.1.1 and the platform's TRX extension (platform 2.5).</summary>
    public const string XunitV3 = "XunitTests";

    /// <summary>MSTest 4.5 with its runner and coverlet.MTP 10.1.1 (platform 2.5).</summary>
    public const string MSTest = "MSTestTests";

    /// <summary>The <c>dotnet new mstest</c> template's MSTest 4.0.2 with coverlet.MTP 10.0.1 (platform 2.2: no coverage messages, the file is found instead).</summary>
    public const string MSTest402 = "MSTest402Tests";

    /// <summary>MSTest.Sdk 4.5 (its TRX extension, Microsoft's closed-source coverage switched off) with coverlet.MTP 10.1.1.</summary>
    public const string MSTestSdk = "MSTestSdkTests";

    /// <summary>TUnit with coverlet.MTP 10.1.1; accepts a 70 % pass rate.</summary>
    public const string TUnit = "TUnitTests";

    /// <summary>NUnit's runner on NUnit3TestAdapter 5.2.0 (platform 1.9; coverlet.MTP needs 2.5, which the adapter's platform extensions cannot load).</summary>
    public const string NUnit5 = "NUnit5Tests";

    /// <summary>NUnit's runner on NUnit3TestAdapter 6.x with coverlet.MTP 10.1.1.</summary>
    public const string NUnit6 = "NUnit6Tests";

    /// <summary>xunit.v3 on net8.0 and net10.0 (the net8.0 leg rolls forward to the installed runtime).</summary>
    public const string Multi = "MultiTests";

    /// <summary>Every test application.</summary>
    public const string Solution = "Mtp.slnx";

    /// <summary>The applications whose coverage comes from the platform's coverage messages (coverlet.MTP 10.1.1).</summary>
    public const string CoverletSolution = "Coverlet.slnx";

    /// <summary>The xunit collection of the scenarios that use these test applications.</summary>
    public const string Collection = "testing platform";

    public const int TestsPerApplication = 4;

    /// <summary>The tests of a project's application: MSTestTests has the retried one besides the four.</summary>
    public static int TestsIn(string project) => project == MSTest ? TestsPerApplication + 1 : TestsPerApplication;

    public static readonly string[] Frameworks = ["net8.0", "net10.0"];

    private static readonly SharedWorkspace Shared = new("mtp", SetUp);

    public static IReadOnlyList<string> Projects { get; } = [XunitV3, MSTest, MSTest402, MSTestSdk, TUnit, NUnit5, NUnit6, Multi];

    /// <summary>The projects in <see cref="CoverletSolution"/>.</summary>
    public static IReadOnlyList<string> CoverletProjects { get; } = [XunitV3, MSTest, MSTestSdk, TUnit, NUnit6, Multi];

    /// <summary>The shared consumer; the first call restores and builds it, with <paramref name="output"/> logging the build.</summary>
    public static Workspace Get(ITestOutputHelper output) => Shared.Get(output);

    /// <summary>
    /// <c>dotnet test</c> in the SDK's native Microsoft.Testing.Platform mode. Not through
    /// <see cref="Workspace.Dotnet"/>: MSBuild's file-logger switches it adds would reach the test
    /// applications, which refuse unknown options (exit code 5).
    /// </summary>
    public static CommandResult TestNative(this Workspace workspace, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(workspace, ["test", .. arguments], environment);

    /// <summary>Any other dotnet command whose arguments reach the test application (<c>dotnet run</c>), likewise without logger switches.</summary>
    public static CommandResult DotnetPlain(this Workspace workspace, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(workspace, arguments, environment);

    /// <summary>A built test application run directly, <c>dotnet &lt;app&gt;.dll</c>, as <c>dotnet run</c> and the executable do.</summary>
    public static CommandResult RunApp(this Workspace workspace, string project, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string framework = "net10.0") =>
        Run(workspace, [workspace.App(project, framework), .. arguments], environment);

    /// <summary>The built test application's dll.</summary>
    public static string App(this Workspace workspace, string project, string framework = "net10.0") =>
        workspace.FullPath(project, "bin", "Release", framework, project + ".dll");

    /// <summary>A project's report folder (of one leg for <see cref="Multi"/>).</summary>
    public static string ReportFolder(this Workspace workspace, string project, string? framework = null) =>
        framework is null ? workspace.FullPath(project, ".quality-gates") : workspace.FullPath(project, ".quality-gates", framework);

    /// <summary>Empties every report folder, so a scenario reads only what its own run wrote.</summary>
    public static void ClearReports(this Workspace workspace)
    {
        foreach (var project in Projects)
        {
            workspace.DeleteDirectory(Path.Combine(project, ".quality-gates"));
        }
    }

    /// <summary>How many lines of the output contain <paramref name="text"/>.</summary>
    public static int Lines(this CommandResult run, string text) =>
        run.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    private static CommandResult Run(Workspace workspace, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var (exitCode, text) = DotnetCli.Run(workspace.Root, arguments, environment, TimeSpan.FromMinutes(10), workspace.Output.WriteLine);
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

        var package = workspace.Feed.Version;
        Save(workspace, XunitV3, TestProject(package).ItemPackageReference("xunit.v3", "4.0.3").ItemPackageReference("coverlet.MTP", "10.1.1")
            .ItemPackageReference("Microsoft.Testing.Extensions.TrxReport", "2.5.3"), XunitTests);
        Save(workspace, MSTest, TestProject(package).Property("EnableMSTestRunner", "true")
            .ItemPackageReference("MSTest.TestAdapter", "4.5.3").ItemPackageReference("MSTest.TestFramework", "4.5.3").ItemPackageReference("coverlet.MTP", "10.1.1"), MSTestTests);
        workspace.Write($"{MSTest}/RetriedTests.cs", MSTestRetriedTest);
        Save(workspace, MSTest402, TestProject(package).Property("EnableMSTestRunner", "true")
            .ItemPackageReference("MSTest", "4.0.2").ItemPackageReference("coverlet.MTP", "10.0.1"), MSTestTests);
        Save(workspace, MSTestSdk, TestProject(package, ProjectBuilder.Sdk("MSTest.Sdk/4.5.3")).Property("EnableMicrosoftTestingExtensionsCodeCoverage", "false")
            .ItemPackageReference("coverlet.MTP", "10.1.1"), MSTestTests);
        // TUnit.Engine rather than the TUnit meta-package, which also brings Microsoft's closed-source coverage extension.
        Save(workspace, TUnit, TestProject(package).Property("QualityGatesMinTestPassRate", "0.7")
            .ItemPackageReference("TUnit.Engine", "1.86.0").ItemPackageReference("coverlet.MTP", "10.1.1"), TUnitTests);
        Save(workspace, NUnit5, TestProject(package).Property("EnableNUnitRunner", "true")
            .ItemPackageReference("NUnit", "4.4.0").ItemPackageReference("NUnit3TestAdapter", "5.2.0"), NUnitTests);
        Save(workspace, NUnit6, TestProject(package).Property("EnableNUnitRunner", "true")
            .ItemPackageReference("NUnit", "4.4.0").ItemPackageReference("NUnit3TestAdapter", "6.3.1").ItemPackageReference("coverlet.MTP", "10.1.1"), NUnitTests);
        // Only the 10.0 runtime is installed: the net8.0 leg rolls forward.
        Save(workspace, Multi, TestProject(package, targetFramework: null).Property("TargetFrameworks", string.Join(';', Frameworks)).Property("RollForward", "Major")
            .ItemPackageReference("xunit.v3", "4.0.3").ItemPackageReference("coverlet.MTP", "10.1.1"), XunitTests);

        workspace.DotnetOrThrow(["new", "sln", "-n", "Mtp", "--format", "slnx"]);
        workspace.DotnetOrThrow(["sln", Solution, "add", "Lib/Lib.csproj", .. Projects.Select(p => $"{p}/{p}.csproj")]);
        workspace.DotnetOrThrow(["new", "sln", "-n", "Coverlet", "--format", "slnx"]);
        workspace.DotnetOrThrow(["sln", CoverletSolution, "add", "Lib/Lib.csproj", .. CoverletProjects.Select(p => $"{p}/{p}.csproj")]);
        workspace.DotnetOrThrow(["build", Solution, "-c", "Release", "-tl:off"]);
    }

    private static void Save(Workspace workspace, string project, ProjectBuilder builder, string tests)
    {
        builder.Save(workspace.FullPath(project, project + ".csproj"));
        workspace.Write($"{project}/CalculatorTests.cs", tests);
    }

    private static ProjectBuilder TestProject(string package, ProjectBuilder? sdk = null, string? targetFramework = "net10.0") =>
        (sdk ?? ProjectBuilder.Sdk())
            .Property("TargetFramework", targetFramework)
            .Property("OutputType", "Exe")
            .Property("IsPackable", "false")
            .Property("Nullable", "enable")
            .ItemPackageReference("QualityGates.MSBuild", package, privateAssets: "all")
            .ItemProjectReference("../Lib/Lib.csproj");

    private const string XunitTests = """
        using Lib;
        using Xunit;

        public class CalculatorTests
        {
            [Fact] public void Adds() => Assert.Equal(3, Calculator.Add(1, 2));
            [Fact] public void AddsNegatives() => Assert.Equal(-3, Calculator.Add(-1, -2));
            [Fact] public void DescribesPositive() => Assert.Equal("positive", Calculator.Describe(5));
            [Fact] public void FailsOnRequest() => Assert.True(System.Environment.GetEnvironmentVariable("QG_FAIL") != "1", "fails on purpose");
        }
        """;

    private const string MSTestTests = """
        using Lib;
        using Microsoft.VisualStudio.TestTools.UnitTesting;

        [assembly: Parallelize]

        [TestClass]
        public class CalculatorTests
        {
            [TestMethod] public void Adds() => Assert.AreEqual(3, Calculator.Add(1, 2));
            [TestMethod] public void AddsNegatives() => Assert.AreEqual(-3, Calculator.Add(-1, -2));
            [TestMethod] public void DescribesPositive() => Assert.AreEqual("positive", Calculator.Describe(5));
            [TestMethod] public void FailsOnRequest() => Assert.AreNotEqual("1", System.Environment.GetEnvironmentVariable("QG_FAIL"), "fails on purpose");
        }
        """;

    private const string MSTestRetriedTest = """
        using Microsoft.VisualStudio.TestTools.UnitTesting;

        [TestClass]
        public class RetriedTests
        {
            private static int flakyAttempts;

            [TestMethod, Retry(2)]
            public void PassesOnRetryOnRequest() =>
                Assert.IsFalse(System.Environment.GetEnvironmentVariable("QG_FLAKY") == "1" && System.Threading.Interlocked.Increment(ref flakyAttempts) == 1, "fails its first attempt on purpose");
        }
        """;

    private const string TUnitTests = """
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
        """;

    private const string NUnitTests = """
        using Lib;
        using NUnit.Framework;

        public class CalculatorTests
        {
            [Test] public void Adds() => Assert.That(Calculator.Add(1, 2), Is.EqualTo(3));
            [Test] public void AddsNegatives() => Assert.That(Calculator.Add(-1, -2), Is.EqualTo(-3));
            [Test] public void DescribesPositive() => Assert.That(Calculator.Describe(5), Is.EqualTo("positive"));
            [Test] public void FailsOnRequest() => Assert.That(System.Environment.GetEnvironmentVariable("QG_FAIL"), Is.Not.EqualTo("1"), "fails on purpose");
        }
        """;

    /// <summary>A Microsoft.Testing.Platform test application's project (net10.0, an executable), without packages.</summary>
    public static ProjectBuilder TestApplication() =>
        ProjectBuilder.Sdk()
            .Property("TargetFramework", "net10.0")
            .Property("OutputType", "Exe")
            .Property("IsPackable", "false");
}
