using QualityGates.Configuration;
using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Waivers;

namespace QualityGates.Tests.Waivers;

/// <summary>Reading qualitygates.waivers.json: the documented shape, and one coded error with the line per bad entry.</summary>
public sealed class WaiversFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private (IReadOnlyList<Waiver> Waivers, DiagnosticBag Errors) Read(string json)
    {
        var errors = new DiagnosticBag();
        var waivers = WaiversFile.Read(_dir.Write(WaiversFile.FileName, json), errors);
        return (waivers, errors);
    }

    [Fact]
    public void ReadsAnAdvisoryAndAGateWaiver()
    {
        var (waivers, errors) = Read("""
            { "$schema": "https://example.com/qualitygates.waivers.schema.json",
              "waivers": [
              { "advisory": "GHSA-5crp-9r3c-p9vr", "package": "Newtonsoft.Json", "version": "12.0.3",
                "owner": "a@example.com", "reason": "r", "expires": "2027-01-31" },
              { "gate": "coverage.line", "contexts": ["Production"], "owner": "b@example.com", "reason": "s", "expires": "2026-12-20" } ] }
            """);

        Assert.Empty(errors);
        Assert.Equal(("GHSA-5crp-9r3c-p9vr", "Newtonsoft.Json", "12.0.3", 3), (waivers[0].Advisory, waivers[0].Package, waivers[0].Version, waivers[0].Line));
        Assert.Empty(waivers[0].Contexts);
        Assert.Equal(("coverage.line", DeploymentContext.Production, new DateOnly(2026, 12, 20)), (waivers[1].Gate, Assert.Single(waivers[1].Contexts), waivers[1].Expires));
    }

    [Theory]
    [InlineData("""{ "gate": "coverage.line", "reason": "r", "expires": "2026-12-20" }""", ErrorCodes.WaiverFieldInvalid, "has no 'owner'")]
    [InlineData("""{ "gate": "coverage.line", "owner": " ", "reason": "r", "expires": "2026-12-20" }""", ErrorCodes.WaiverFieldInvalid, "'owner' must be a non-empty string")]
    [InlineData("""{ "owner": "o", "reason": "r", "expires": "2026-12-20" }""", ErrorCodes.WaiverFieldInvalid, "this one names neither")]
    [InlineData("""{ "gate": "coverage.line", "advisory": "CVE-2019-18224", "owner": "o", "reason": "r", "expires": "2026-12-20" }""", ErrorCodes.WaiverFieldInvalid, "this one names both")]
    [InlineData("""{ "gate": "coverage.line", "owner": "o", "reason": "r", "expires": "20/12/2026" }""", ErrorCodes.WaiverDateInvalid, "'expires' is '20/12/2026'")]
    [InlineData("""{ "gate": "coverage.lines", "owner": "o", "reason": "r", "expires": "2026-12-20" }""", ErrorCodes.WaiverNameUnknown, "'coverage.lines' is not a gate")]
    [InlineData("""{ "gate": "coverage.line", "contexts": ["prod"], "owner": "o", "reason": "r", "expires": "2026-12-20" }""", ErrorCodes.WaiverNameUnknown, "not a deployment context")]
    [InlineData("""{ "gate": "coverage.line", "owner": "o", "reason": "r", "expiry": "2026-12-20" }""", ErrorCodes.WaiverNameUnknown, "'expiry' is not a waiver field")]
    [InlineData("""{ "gate": "coverage.line", "contexts": [], "owner": "o", "reason": "r", "expires": "2026-12-20" }""", ErrorCodes.WaiverFieldInvalid, "'contexts' is an empty list")]
    public void ABadEntryIsOneCodedErrorWithItsLine(string entry, string code, string message)
    {
        var (waivers, errors) = Read("{ \"waivers\": [\n  { \"gate\": \"tests.pass_rate\", \"owner\": \"o\", \"reason\": \"r\", \"expires\": \"2026-12-20\" },\n  " + entry + "\n] }");

        Assert.Single(waivers);
        var error = Assert.Single(errors);
        Assert.Equal((code, 3), (error.Code, error.Line));
        Assert.Contains(message, error.Message);
        Assert.StartsWith($"'{Path.Combine(_dir.Path, WaiversFile.FileName)}' line 3: ", error.Message);
    }

    [Fact]
    public void ADuplicateKeyIsRefused()
    {
        var (_, errors) = Read("""{ "waivers": [ { "gate": "coverage.line", "owner": "o", "owner": "p", "reason": "r", "expires": "2026-12-20" } ] }""");

        Assert.Equal(ErrorCodes.DuplicateJsonKey, Assert.Single(errors).Code);
    }

    public static TheoryData<string> EveryGate() => [.. GateNames.All, "coverage.line[MyLib]", "coverage.branch[My.Lib.Tests]",
        "benchmarks.time[MyLib.Parsers.Parse(Size: 100)]", "benchmarks.allocated[MyLib.Sum(values: [1, 2])]"];

    [Theory]
    [MemberData(nameof(EveryGate))]
    public void AcceptsAWaiverOfEveryGateAndOfOneAssemblysCoverage(string gate)
    {
        var (waivers, errors) = Read($$"""{ "waivers": [ { "gate": "{{gate}}", "owner": "o", "reason": "r", "expires": "2026-12-20" } ] }""");

        Assert.Empty(errors);
        Assert.Equal(gate, Assert.Single(waivers).Gate);
    }

    [Theory]
    [InlineData("coverage.new_code[MyLib]")]
    [InlineData("coverage.line[]")]
    [InlineData("coverage.line[MyLib")]
    public void RefusesABracketOnAGateWithoutPerAssemblyChecks(string gate)
    {
        var (_, errors) = Read($$"""{ "waivers": [ { "gate": "{{gate}}", "owner": "o", "reason": "r", "expires": "2026-12-20" } ] }""");

        Assert.Equal(ErrorCodes.WaiverNameUnknown, Assert.Single(errors).Code);
    }

    [Fact]
    public void TheSchemaListsTheGateNamesTheReaderAccepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "qualitygates.waivers.schema.json")));
        var gate = schema.RootElement.GetProperty("$defs").GetProperty("waiver").GetProperty("properties").GetProperty("gate").GetProperty("anyOf");

        Assert.Equal(GateNames.All, gate[0].GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(GateNames.PerAssemblyPattern, gate[1].GetProperty("pattern").GetString());
        Assert.Equal(GateNames.PerBenchmarkPattern, gate[2].GetProperty("pattern").GetString());
    }
}
