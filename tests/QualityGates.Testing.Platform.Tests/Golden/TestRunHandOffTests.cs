using QualityGates.Metrics;
using QualityGates.Testing;

namespace QualityGates.Testing.Platform.Tests.Golden;

/// <summary>The results file the test host hands to the controlling process, byte for byte (see tests/QualityGates.Core.Tests/Golden/README.md), and read back whole.</summary>
public sealed class TestRunHandOffTests
{
    private static readonly TestRunSummary Tests = new()
    {
        RunId = "5b8e1c7a-0d3f-4b8e-9a43-2f4c1d9e7a10",
        Total = 4,
        Passed = 2,
        Failed = 1,
        Skipped = 1,
        Duration = TimeSpan.FromSeconds(1.5),
        FailedTests = [new FailedTest("Veran.Tests.Adds(<1>)", "Expected 3 & got \"4\" — é", null, "   at Veran.Tests.Adds() in /src/Tests.cs:line 7")],
        SourceFiles = ["/builds/Veran.Tests/bin/Veran.Tests.dll"],
    };

    [Fact]
    public void WritesTheGoldenFileAndReadsItBack()
    {
        var json = TestRunHandOff.ToJson(Tests);

        Assert.Equal(GoldenFile.Expected("tests/QualityGates.Testing.Platform.Tests/Golden/hand-off.json", json), json);
        var back = TestRunHandOff.FromJson(json)!;
        Assert.Equal(json, TestRunHandOff.ToJson(back));
        Assert.Equal((4, 2, 1, 1, TimeSpan.FromSeconds(1.5)), (back.Total, back.Passed, back.Failed, back.Skipped, back.Duration));
        Assert.Equal(Tests.FailedTests[0], Assert.Single(back.FailedTests));
    }

    [Fact]
    public void ATornFileIsAJsonException() =>
        Assert.Throws<System.Text.Json.JsonException>(() => TestRunHandOff.FromJson(TestRunHandOff.ToJson(Tests)[..40]));
}
