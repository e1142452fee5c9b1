using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QualityGates.Errors;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Reports;

public sealed class ReportFileSetTests
{
    private static readonly Regex ReportName = new(@"^report-20250301T123456789Z-[0-9a-f]{8}\.json$");

    [Fact]
    public void WritesTheJsonReportLatestCopyAndJUnitFile()
    {
        using var folder = new TempDirectory();
        var target = Path.Combine(folder.Path, ".quality-gates");

        var files = new ReportFileSet(target).Write(SampleReports.Passing());

        Assert.Equal(Path.Combine(target, "junit-gates.xml"), files.JUnit);
        Assert.Equal(Path.Combine(target, "latest.json"), files.Latest);
        Assert.Equal(target, Path.GetDirectoryName(files.Json));
        Assert.Matches(ReportName, Path.GetFileName(files.Json));
        Assert.Null(files.BlockLog);
        Assert.Equal(File.ReadAllBytes(files.Json), File.ReadAllBytes(files.Latest));
        Assert.Equal(JsonReportWriter.ToUtf8(SampleReports.Passing()), File.ReadAllBytes(files.Json));
        Assert.Equal("10", XDocument.Load(files.JUnit).Root!.Element("testsuite")!.Attribute("tests")!.Value);
        Assert.Equal(["gates.html", "junit-gates.xml", "latest.json", Path.GetFileName(files.Json)], FileNames(target));
    }

    [Fact]
    public void BlockedRunAlsoAppendsToTheBlockLog()
    {
        using var folder = new TempDirectory();

        var files = new ReportFileSet(folder.Path).Write(SampleReports.Failing());

        Assert.Equal(Path.Combine(folder.Path, "blocks.jsonl"), files.BlockLog);
        var line = Assert.Single(File.ReadAllLines(files.BlockLog!));
        using var entry = JsonDocument.Parse(line);
        Assert.Equal(Path.GetFileName(files.Json), entry.RootElement.GetProperty("report").GetString());
        Assert.Equal(5, files.All.Count);
    }

    [Fact]
    public void SecondRunReplacesLatestAndJUnitButKeepsBothReports()
    {
        using var folder = new TempDirectory();
        var set = new ReportFileSet(folder.Path);

        var first = set.Write(SampleReports.Failing());
        var second = set.Write(SampleReports.Passing());

        Assert.NotEqual(first.Json, second.Json);
        Assert.True(File.Exists(first.Json));
        Assert.False(JsonReportReader.Read(first.Json).AllPassed);
        Assert.True(JsonReportReader.Read(second.Latest).AllPassed);
        Assert.Equal("0", XDocument.Load(second.JUnit).Root!.Element("testsuite")!.Attribute("failures")!.Value);
        Assert.Equal(6, FileNames(folder.Path).Length); // two reports, latest, junit, gates.html, blocks.jsonl (from the first)
    }

    [Fact]
    public void FiftyParallelWritesInTheSameMillisecondGiveFiftyReports()
    {
        using var folder = new TempDirectory();
        var set = new ReportFileSet(folder.Path);
        var report = SampleReports.Passing();

        var written = new ReportFiles[50];
        Parallel.For(0, written.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => written[i] = set.Write(report));

        Assert.Equal(50, written.Select(f => f.Json).Distinct().Count());
        var reports = Directory.GetFiles(folder.Path, "report-*.json");
        Assert.Equal(50, reports.Length);
        Assert.All(reports, r => Assert.Matches(ReportName, Path.GetFileName(r)));
        Assert.All(reports, r => Assert.True(JsonReportReader.Read(r).AllPassed));
        Assert.True(JsonReportReader.Read(Path.Combine(folder.Path, "latest.json")).AllPassed);
        Assert.Equal("10", XDocument.Load(Path.Combine(folder.Path, "junit-gates.xml")).Root!.Element("testsuite")!.Attribute("tests")!.Value);
        Assert.Equal(53, FileNames(folder.Path).Length); // 50 reports, latest, junit, gates.html: no temp file left behind
    }

    [Fact]
    public async Task ParallelProcessesNeverOverwriteEachOthersReports()
    {
        using var folder = new TempDirectory();
        var children = Enumerable.Range(0, 4).Select(_ => ChildProcess.Start("write-reports", folder.Path, "10")).ToList();

        foreach (var child in children)
        {
            using (child)
            {
                var (exitCode, output) = await child.WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(exitCode == 0, output);
            }
        }

        var reports = Directory.GetFiles(folder.Path, "report-*.json");
        Assert.Equal(40, reports.Length);
        Assert.All(reports, r => Assert.True(JsonReportReader.Read(r).AllPassed));
        Assert.Equal(43, FileNames(folder.Path).Length);
    }

    [Fact]
    public void NameCollisionIsRetriedWithANewSuffix()
    {
        using var folder = new TempDirectory();
        var suffixes = new Queue<string>(["aaaaaaaa", "aaaaaaaa", "bbbbbbbb"]);
        var set = new ReportFileSet(folder.Path, null, suffixes.Dequeue);

        var first = set.Write(SampleReports.Passing());
        var second = set.Write(SampleReports.Failing());

        Assert.Equal("report-20250301T123456789Z-aaaaaaaa.json", Path.GetFileName(first.Json));
        Assert.Equal("report-20250301T123456789Z-bbbbbbbb.json", Path.GetFileName(second.Json));
        Assert.True(JsonReportReader.Read(first.Json).AllPassed); // the first report was not overwritten
        Assert.False(JsonReportReader.Read(second.Json).AllPassed);
        Assert.DoesNotContain(FileNames(folder.Path), n => n.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void GivesUpWithReportNotWrittenWhenEveryNameIsTaken()
    {
        using var folder = new TempDirectory();
        var set = new ReportFileSet(folder.Path, null, () => "aaaaaaaa");
        set.Write(SampleReports.Passing());

        var error = Assert.Throws<QualityGatesException>(() => set.Write(SampleReports.Passing()));

        Assert.Equal(ErrorCodes.ReportNotWritten, error.Code);
        Assert.Equal(Path.Combine(folder.Path, "report-20250301T123456789Z-aaaaaaaa.json"), error.File);
        Assert.DoesNotContain(FileNames(folder.Path), n => n.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void FolderThatIsAFileGivesReportNotWritten()
    {
        using var folder = new TempDirectory();
        var blocker = folder.Write("reports", "not a folder");

        var error = Assert.Throws<QualityGatesException>(() => new ReportFileSet(blocker).Write(SampleReports.Passing()));

        Assert.Equal(ErrorCodes.ReportNotWritten, error.Code);
        Assert.Equal(blocker, error.File);
        Assert.Contains(blocker, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWhereAReportFileBelongsIsRefusedAndNothingIsWritten()
    {
        using var folder = new TempDirectory();
        var junit = Path.Combine(folder.Path, "junit-gates.xml");
        Directory.CreateDirectory(junit); // a folder where the file belongs

        var error = Assert.Throws<QualityGatesException>(() => new ReportFileSet(folder.Path).Write(SampleReports.Passing()));

        Assert.Equal(ErrorCodes.ReportFileNotRegular, error.Code);
        Assert.Equal(junit, error.File);
        Assert.True(Directory.Exists(junit));
        Assert.Equal(["junit-gates.xml"], FileNames(folder.Path)); // all or nothing: no latest.json, no report, no temp file
    }

    [Fact]
    public void ReportFileNameUsesUtcMilliseconds()
    {
        var local = new DateTimeOffset(2025, 3, 1, 14, 34, 56, 7, TimeSpan.FromHours(2));

        Assert.Equal("report-20250301T123456007Z-0123abcd.json", ReportFileSet.ReportFileName(local, "0123abcd"));
    }

    private static string[] FileNames(string folder) =>
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
