using System.Text;
using QualityGates.Errors;
using QualityGates.Inputs.Common;
using QualityGates.Inputs.Security;
using QualityGates.Metrics;

namespace QualityGates.Tests.Inputs.Common;

/// <summary>
/// Bounded memory: JSON inputs are read through a refilled buffer, and objects or arrays over the hold
/// limit are walked in the file, not held. Tiny limits force a refill inside every token and every value
/// into the file, and must change nothing: the same figures, the same errors with the same lines.
/// </summary>
public sealed class StreamedJsonTests : IDisposable
{
    // A 4-byte buffer splits nearly every token; holding at most 16 bytes leaves every finding in the file.
    private static readonly JsonReadLimits Tiny = new(BufferSize: 4, HoldLimit: 16);
    private static readonly JsonReadLimits Small = new(BufferSize: 7, HoldLimit: 300);

    private readonly TempDirectory _dir = new();

    public static TheoryData<string> ScanFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Path("security"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".xml", StringComparison.Ordinal) && !file.EndsWith(".junit.golden", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(Fixtures.Path("security"), file));
            }
        }

        data.Add(Path.Combine("..", "..", "cases", "s01-sarif-baselinestate-absent", "baseline-compared.sarif"));
        return data;
    }

    public static TheoryData<string> Formats() => [.. LargeScanWriter.Formats];

    [Theory]
    [MemberData(nameof(ScanFixtures))]
    public void EveryScanFixtureReadsTheSameThroughTinyBuffers(string file)
    {
        var path = Path.GetFullPath(Fixtures.Path("security", file));

        var held = Outcome(path, JsonReadLimits.Default);

        Assert.Equal(held, Outcome(path, Tiny));
        Assert.Equal(held, Outcome(path, Small));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AScanLargerThanTheHoldLimitCountsEveryFinding(string format)
    {
        const int findings = 1203;
        var path = Path.Combine(_dir.Path, "scan.json");
        LargeScanWriter.Write(path, format, findings);
        Assert.True(new FileInfo(path).Length > JsonReadLimits.Default.HoldLimit, "the file must be larger than what is held whole");
        var expected = LargeScanWriter.Expected(format, findings);

        foreach (var limits in new[] { JsonReadLimits.Default, Small })
        {
            var summary = SecurityScanReader.ReadAll([path], read: null, limits);

            Assert.Equal(expected, (summary.Critical, summary.High, summary.Medium, summary.Low, summary.Unknown));
            Assert.Equal([format], summary.Formats);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ADuplicateKeyDeepInsideALateFindingIsRefusedWithItsLine(string format)
    {
        var lines = LargeScan(format).ToList();
        var finding = lines.FindLastIndex(line => line.Contains("CVE-2026-100190", StringComparison.Ordinal));
        var at = lines.FindLastIndex(finding, line => line.Contains("\": ", StringComparison.Ordinal) && line.EndsWith(','));
        lines.Insert(at + 1, lines[at]);
        var path = _dir.Write("scan.json", string.Join('\n', lines));

        foreach (var limits in new[] { JsonReadLimits.Default, Tiny })
        {
            var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.ReadAll([path], read: null, limits));

            Assert.Equal((ErrorCodes.DuplicateJsonKey, at + 2, path), (error.Code, error.Line, error.File));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ALoneSurrogateDeepInsideALateFindingIsACodedErrorWithItsLine(string format)
    {
        var lines = LargeScan(format).ToList();
        var at = lines.FindLastIndex(line => line.Contains("CVE-2026-100190", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("CVE-2026-100190", "CVE-\\ud800", StringComparison.Ordinal);
        var path = _dir.Write("scan.json", string.Join('\n', lines));

        foreach (var limits in new[] { JsonReadLimits.Default, Tiny })
        {
            var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.ReadAll([path], read: null, limits));

            Assert.Equal((ErrorCodes.MalformedJson, at + 1), (error.Code, error.Line));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AWrongTypeInAFindingLeftInTheFileIsReportedAtItsLine(string format)
    {
        var lines = LargeScan(format).ToList();
        var at = lines.FindLastIndex(line => line.Contains("\"version\": \"1.2.", StringComparison.Ordinal)
            || line.Contains("\"InstalledVersion\"", StringComparison.Ordinal)
            || line.Contains("\"startLine\"", StringComparison.Ordinal));
        lines[at] = lines[at][..(lines[at].IndexOf(':', StringComparison.Ordinal) + 1)] + " [1, 2]" + (lines[at].EndsWith(',') ? "," : string.Empty);
        var path = _dir.Write("scan.json", string.Join('\n', lines));

        foreach (var limits in new[] { JsonReadLimits.Default, Tiny })
        {
            var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.ReadAll([path], read: null, limits));

            Assert.Equal((ErrorCodes.WrongJsonFieldType, at + 1), (error.Code, error.Line));
            Assert.Contains($"'{path}' line {at + 1}:", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ATruncatedScanIsMalformedWhereverItIsCut(string format)
    {
        var whole = Encoding.UTF8.GetBytes(string.Join('\n', LargeScan(format)));
        var lines = new List<int>();
        foreach (var cut in new[] { 1, 37, whole.Length / 3, whole.Length / 2 + 11, whole.Length - 2 })
        {
            var path = Path.Combine(_dir.Path, $"cut-{cut}.json");
            File.WriteAllBytes(path, whole[..cut]);

            foreach (var limits in new[] { JsonReadLimits.Default, Tiny })
            {
                var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.ReadAll([path], read: null, limits));

                Assert.Equal(ErrorCodes.MalformedJson, error.Code);
                Assert.InRange(error.Line, 1, whole.AsSpan(0, cut).Count((byte)'\n') + 1);
                lines.Add(error.Line);
            }

            Assert.Equal(lines[^2], lines[^1]);
        }
    }

    [Fact]
    public void AByteOrderMarkAndCommentsChangeNothingThroughTinyBuffers()
    {
        var path = Path.Combine(_dir.Path, "scan.json");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("""
            // written by a wrapper script
            {"SchemaVersion": 2, /* top level */ "ArtifactName": "app",
             "Results": [{"Target": "a", "Vulnerabilities": [
               {"VulnerabilityID": "CVE-1", "PkgName": "p", "Severity": "HIGH"}, // one
               {"VulnerabilityID": "CVE-2", "PkgName": "p", "Severity": 3}]}]}
            """)]);

        foreach (var limits in new[] { JsonReadLimits.Default, Tiny })
        {
            var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.ReadAll([path], read: null, limits));

            Assert.Equal((ErrorCodes.WrongJsonFieldType, 5), (error.Code, error.Line));
        }
    }

    [Fact]
    public void SarifResultsBeforeTheirRulesStillFindTheRule()
    {
        var path = _dir.Write("scan.sarif", """
            {"version": "2.1.0", "runs": [{
              "results": [{"ruleId": "R1", "message": {"text": "one"}}, {"ruleIndex": 1, "message": {"text": "two"}}],
              "tool": {"driver": {"name": "t", "rules": [
                {"id": "R1", "properties": {"security-severity": "9.1"}},
                {"id": "R2", "defaultConfiguration": {"level": "note"}}]}}
            }]}
            """);

        foreach (var limits in new[] { JsonReadLimits.Default, Tiny })
        {
            var summary = SecurityScanReader.ReadAll([path], read: null, limits);

            Assert.Equal((1, 0, 0, 1), (summary.Critical, summary.High, summary.Medium, summary.Low));
        }
    }

    [Fact]
    public void ARuleFieldThatCannotBeReadIsAnErrorOnlyWhenAResultUsesIt()
    {
        var unused = _dir.Write("unused.sarif", """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [
              {"id": "R1", "properties": {"security-severity": "9.1"}},
              {"id": "R2", "properties": "not an object"}]}},
              "results": [{"ruleId": "R1", "message": {"text": "one"}}]}]}
            """);
        var used = _dir.Write("used.sarif", File.ReadAllText(unused).Replace("\"ruleId\": \"R1\"", "\"ruleId\": \"R2\"", StringComparison.Ordinal));

        Assert.Equal(1, SecurityScanReader.ReadAll([unused], read: null, Tiny).Critical);
        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.ReadAll([used], read: null, Tiny));
        Assert.Equal((ErrorCodes.WrongJsonFieldType, 3), (error.Code, error.Line));
    }

    public void Dispose() => _dir.Dispose();

    // About 200 findings, one line per field (the writer indents), so a line number names one field.
    private IEnumerable<string> LargeScan(string format)
    {
        var path = Path.Combine(_dir.Path, "large-" + format + ".json");
        LargeScanWriter.Write(path, format, 200);
        return File.ReadAllLines(path);
    }

    private static string Outcome(string path, JsonReadLimits limits)
    {
        try
        {
            var summary = SecurityScanReader.ReadAll([path], read: null, limits);
            return Describe(summary);
        }
        catch (QualityGatesException ex)
        {
            return $"{ex.Code} line {ex.Line}: {ex.Message}";
        }
    }

    private static string Describe(SecuritySummary summary) =>
        $"{summary.Critical}/{summary.High}/{summary.Medium}/{summary.Low}/{summary.Unknown} "
        + $"{string.Join(',', summary.Formats)} {string.Join(',', summary.ScanTools)} {summary.ScanTimestamp}";
}
