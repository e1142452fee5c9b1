namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// The consumer every scenario starts from: a small library and its xunit test project with the
/// package. The tests read two environment variables so one built project serves many scenarios:
/// QG_FAILCOUNT (how many of the 50 tests fail) and QG_PARTIAL_COVERAGE=1 (leave part of the library uncovered;
/// a target framework instead of 1, e.g. net8.0, does so in that framework's leg only).
/// </summary>
public static class GatedConsumer
{
    public const string TestsFolder = "Lib.Tests";
    public const int TestCount = 50;

    /// <summary>The test project's path in a workspace.</summary>
    public static string ProjectPath => Path.Combine(TestsFolder, TestsFolder + ".csproj");

    /// <summary>The test project, ready for scenario-specific properties; call <see cref="ProjectBuilder.Save"/>.</summary>
    public static ProjectBuilder TestProject(PackageFeed feed, string? targetFramework = "net10.0", string? targetFrameworks = null) =>
        ProjectBuilder.Sdk()
            .Property("TargetFramework", targetFramework)
            .Property("TargetFrameworks", targetFrameworks)
            .Property("IsPackable", "false")
            .Property("Nullable", "enable")
            .ItemPackageReference("Microsoft.NET.Test.Sdk", "18.0.1")
            .ItemPackageReference("xunit", "2.9.3")
            .ItemPackageReference("xunit.runner.visualstudio", "3.1.5")
            .ItemPackageReference("coverlet.collector", "10.0.1")
            .ItemPackageReference("QualityGates.MSBuild", feed.Version, privateAssets: "all")
            .ItemProjectReference("../Lib/Lib.csproj");

    /// <summary>Writes the library, and the test code into <paramref name="testsFolder"/> (the project file is the caller's).</summary>
    public static void WriteSources(Workspace workspace, string? libraryTargetFrameworks = null, string testsFolder = TestsFolder)
    {
        ProjectBuilder.Sdk()
            .Property("TargetFramework", libraryTargetFrameworks is null ? "net8.0" : null)
            .Property("TargetFrameworks", libraryTargetFrameworks)
            .Property("Nullable", "enable")
            .Save(workspace.FullPath("Lib", "Lib.csproj"));
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
            }
            """);
        workspace.Write($"{testsFolder}/CalculatorTests.cs", """
            using Lib;
            using Xunit;

            public class CalculatorTests
            {
            #if NET10_0
                private const string Leg = "net10.0";
            #else
                private const string Leg = "net8.0";
            #endif

                public static TheoryData<int> Rows()
                {
                    var rows = new TheoryData<int>();
                    for (var i = 0; i < 50; i++)
                    {
                        rows.Add(i);
                    }

                    return rows;
                }

                [Theory]
                [MemberData(nameof(Rows))]
                public void AddsAndDescribes(int row)
                {
                    Assert.Equal(row + 1, Calculator.Add(row, 1));
                    var partial = System.Environment.GetEnvironmentVariable("QG_PARTIAL_COVERAGE");
                    if (partial != "1" && partial != Leg)
                    {
                        Assert.NotEmpty(Calculator.Describe(row - 1));
                    }

                    // Fails last, so coverage does not depend on how many tests fail.
                    var failing = int.TryParse(System.Environment.GetEnvironmentVariable("QG_FAILCOUNT"), out var count) ? count : 0;
                    Assert.True(row >= failing, "row " + row + " fails on purpose");
                }
            }
            """);
    }
}
