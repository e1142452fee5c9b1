using System.Text;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Waivers;

namespace QualityGates.Tests.Waivers;

/// <summary>
/// Waivers at the edges: dates at the end of the calendar, files with thousands of entries (a pull
/// request sets how many), and a megabyte of free text.
/// </summary>
public sealed class WaiverLimitsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Entries(int count, Func<int, string> entry) =>
        "{ \"waivers\": [\n" + string.Join(",\n", Enumerable.Range(0, count).Select(entry)) + "\n] }\n";

    [Theory]
    [InlineData("9999-12-31", int.MaxValue)]
    [InlineData("9999-12-31", 90)]
    [InlineData("0001-01-01", int.MaxValue)]
    public void ExpiryLimitsAtTheEndsOfTheCalendarNeverOverflow(string today, int maxDays)
    {
        var set = new WaiverSet([new Waiver { Gate = GateNames.LineCoverage, Owner = "o", Reason = "r", Expires = DateOnly.MaxValue, File = "w.json" }], DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        var errors = set.CheckExpiry(DeploymentContext.Production, maxDays, "x").ToList();

        // Adding the days to today overflowed (ArgumentOutOfRangeException, QG4002 in the CLI); from year 1,
        // the last day is about 3.65 million days on, well within int.MaxValue, and from itself it is today.
        Assert.Empty(errors);
    }

    [Fact]
    public void TheLastDayOfTheCalendarAsTodayJudgesWaiversWithoutAnError()
    {
        _dir.Write(WaiversFile.FileName, """{ "waivers": [ { "gate": "coverage.line", "owner": "o", "reason": "r", "expires": "9999-12-31" } ] }""");

        var result = new GateRun().Execute(new GateRunRequest
        {
            Context = "production",
            Groups = GateGroup.Security,
            BaseDirectory = _dir.Path,
            SecurityScanFiles = [_dir.Write("scan.json", """{ "critical_vulnerabilities": 0, "high_vulnerabilities": 0, "medium_vulnerabilities": 0, "low_vulnerabilities": 0 }""")],
            // The longest waiver a setting may allow: from the calendar's last day, any day more is past its end.
            Overrides = [new ThresholdOverride("MaxWaiverDays", ThresholdCatalog.MaxWaiverDays.ToString(System.Globalization.CultureInfo.InvariantCulture), "QualityGatesMaxWaiverDays")],
            Environment = name => name == WaiverSet.TodayVariable ? "9999-12-31" : null,
        }, TextWriter.Null);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ErrorCodes.UnexpectedError);
        Assert.True(result.Passed);
        Assert.Equal(WaiverState.Unused, Assert.Single(result.Report!.Waivers).State);
    }

    [Fact]
    public void AnEarlierExpiryThanTheLimitAllowsIsStillRefused()
    {
        var set = new WaiverSet([new Waiver { Gate = GateNames.LineCoverage, Owner = "o", Reason = "r", Expires = new DateOnly(2027, 1, 1), File = "w.json" }], new DateOnly(2026, 1, 1));

        Assert.Equal(ErrorCodes.WaiverExpiryTooFar, Assert.Single(set.CheckExpiry(DeploymentContext.Production, 90, "x")).Code);
        Assert.Empty(set.CheckExpiry(DeploymentContext.Production, 365, "x"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ThousandsOfWaiversAreReadInOnePassNotOnePerWaiver(bool broken)
    {
        // Each waiver's line (and each broken entry's error line) used to be found by reading the file from
        // its start up to the entry: reading grew with the square of the count. Now the bytes read stay a
        // small multiple of the file, whatever the count.
        const int count = 3000;
        var path = _dir.Write(WaiversFile.FileName, Entries(count, i =>
            $$"""  { "advisory": "CVE-2024-{{i:D5}}", "package": "pkg{{i}}", "owner": "a@example.com", "reason": "legacy {{i}}", "expires": "{{(broken ? "31/12/2026" : "2026-12-31")}}" }"""));
        var errors = new DiagnosticBag();

        using var file = JsonInputFile.Open(path);
        var waivers = WaiversFile.Read(file, errors);

        Assert.Equal(broken ? 0 : count, waivers.Count);
        Assert.Equal(broken ? count : 0, errors.Count);
        var lines = broken ? errors.Select(e => e.Line) : waivers.Select(w => w.Line);
        Assert.Equal(Enumerable.Range(2, count), lines);
        Assert.InRange(file.BytesRead, new FileInfo(path).Length, 8 * new FileInfo(path).Length);
    }

    [Fact]
    public void ThousandsOfFindingsAndWaiversAreMatchedById()
    {
        // 1500 findings against 1500 advisory waivers, one covering each; the matching must pick the same
        // waiver (the first in file order that covers) as a pass over all of them would.
        var findings = Enumerable.Range(0, 1500).Select(i => new SecurityFinding($"CVE-2024-{i:D5}", i % 2 == 0 ? [$"GHSA-{i:D4}"] : [], "pkg" + i, "1.0", "high")).ToList();
        var waivers = Enumerable.Range(0, 1500).Select(i => new Waiver
        {
            Advisory = i % 2 == 0 ? $"ghsa-{i:D4}" : $"CVE-2024-{i:D5}",
            Package = i % 3 == 0 ? "other" : null,
            Owner = "o",
            Reason = "r" + i,
            Expires = new DateOnly(2027, 1, 1),
            Line = i + 2,
        }).Append(new Waiver { Advisory = "CVE-2024-00003", Owner = "late", Reason = "second", Expires = new DateOnly(2027, 1, 1), Line = 5000 }).ToList();
        var security = new SecuritySummary { High = findings.Count, Findings = findings };

        var applied = new WaiverSet(waivers, new DateOnly(2026, 1, 1)).Apply(security, DeploymentContext.Production);

        var expected = findings.Select(f => waivers.FirstOrDefault(w => w.Covers(f))).ToList();
        Assert.Equal(expected.OfType<Waiver>().Select(w => w.Line), applied.Waived.Select(w => w.Waiver.Line));
        Assert.Equal(findings.Count - applied.Waived.Count, applied.High);
        Assert.Equal("late", applied.Waived.Single(w => w.Finding.Advisory == "CVE-2024-00003").Waiver.Owner);
    }

    [Fact]
    public void AMegabyteReasonIsCutWithAMarkerInMessagesAndReports()
    {
        var reason = new string('r', 1024 * 1024);
        _dir.Write(WaiversFile.FileName, $$"""{ "waivers": [ { "gate": "coverage.line", "owner": "{{new string('o', 5000)}}", "reason": "{{reason}}", "expires": "2026-12-31" } ] }""");
        var coverage = _dir.Write("coverage.xml", new QualityGates.Tests.Inputs.Cobertura.CoberturaXml().Class("Lib", "Lib/A.cs", methodLines: null, "number=\"1\" hits=\"0\"").ToString());

        var result = new GateRun().Execute(new GateRunRequest
        {
            Context = "production",
            Groups = GateGroup.Coverage,
            BaseDirectory = _dir.Path,
            CoverageFiles = [coverage],
            Reports = new ReportOptions { Folder = "reports" },
            Environment = name => name == WaiverSet.TodayVariable ? "2026-12-01" : null,
        }, TextWriter.Null);

        var check = result.Report!.Checks.Single(c => c.Gate == GateNames.LineCoverage);
        Assert.Equal(GateStatus.Waived, check.Status);
        Assert.Contains("… [cut: 1048576 characters in all]", check.Message, StringComparison.Ordinal);
        Assert.True(check.Message.Length < 3000, $"{check.Message.Length} characters");
        Assert.All(result.Diagnostics, d => Assert.True(d.Message.Length < 3000));
        foreach (var file in new[] { result.Files!.Json, result.Files.Html!, result.Files.JUnit })
        {
            Assert.True(new FileInfo(file).Length < 64 * 1024, $"{file}: {new FileInfo(file).Length} bytes");
        }
    }

    [Fact]
    public void EveryMessageIsCappedWhateverValueItRepeats()
    {
        var huge = new string('x', 1024 * 1024);

        var error = new QualityGatesException(ErrorCodes.InvalidSetting, "the value is '" + huge + "'");
        var diagnostic = GateDiagnostic.Warning(ErrorCodes.CiOutputNotWritten, huge) with { Message = huge + huge };
        var check = new GateCheckResult(GateNames.LineCoverage, GateStatus.Failed, 0, 1, huge) with { Message = huge };

        Assert.All(new[] { error.Message, diagnostic.Message, check.Message }, message =>
        {
            Assert.True(message.Length <= UntrustedText.MaxMessage + 100);
            Assert.EndsWith("characters in all]", message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AHugeOrNotUtf8ModelNameIsRefusedWithAShortMessage()
    {
        var huge = Assert.Throws<QualityGatesException>(() => ModelIdentity.Parse(new string('m', 1024 * 1024) + ":v1", "--model"));
        var malformed = Assert.Throws<QualityGatesException>(() => ModelIdentity.Parse(new string('m', 1024 * 1024), "--model"));
        // Invalid UTF-8 on a command line or in a variable arrives as U+FFFD: "a\xff" and "a\xfe" would be one name.
        var notUtf8 = Assert.Throws<QualityGatesException>(() => ModelIdentity.Parse(Encoding.UTF8.GetString([(byte)'a', 0xFF]) + ":v1", "--model"));

        Assert.All(new[] { huge, malformed, notUtf8 }, e => Assert.Equal(ErrorCodes.InvalidModelIdentity, e.Code));
        Assert.True(huge.Message.Length < 1000 && malformed.Message.Length < 1000, $"{huge.Message.Length}, {malformed.Message.Length}");
        Assert.Contains("not UTF-8", notUtf8.Message, StringComparison.Ordinal);
    }
}
