using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

[Collection(SharedConsumer.Collection)]
public sealed class SecurityScanTests(ITestOutputHelper output)
{
    [Fact]
    public void FailsOnACriticalFindingWithOneError()
    {
        var workspace = SharedConsumer.Get(output);
        var scan = workspace.Write("scans/security.json", """
            {
              "critical_vulnerabilities": 1,
              "high_vulnerabilities": 0,
              "medium_vulnerabilities": 3,
              "low_vulnerabilities": 7,
              "scan_tool": "example-scanner",
              "scan_timestamp": "2026-11-26T08:00:00Z"
            }
            """);

        var run = workspace.Test(["-p:QualityGatesSecurityScanFiles=" + scan, "-tl:off"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2009"], run.ErrorCodes);
        Assert.Equal(("FAIL", "1"), GateTable.Row(run.Output, "security.critical"));
        Assert.Equal(("PASS", "3"), GateTable.Row(run.Output, "security.medium"));
    }
}
