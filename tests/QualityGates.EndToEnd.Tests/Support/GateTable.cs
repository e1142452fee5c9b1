using System.Text.RegularExpressions;

namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>Reads rows of the gate table from console output ("  coverage.line  PASS  100.0%  ≥ 80.0%").</summary>
public static class GateTable
{
    /// <summary>Status and value shown for <paramref name="gate"/>, e.g. ("PASS", "98.0%"); fails when the row is missing.</summary>
    public static (string Status, string Value) Row(string output, string gate)
    {
        var match = Regex.Match(output, "^\\s+" + Regex.Escape(gate) + "\\s+(PASS|FAIL|SKIP|WARN|WAIVED)\\s+(\\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no row for {gate} in the gate table");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }
}
