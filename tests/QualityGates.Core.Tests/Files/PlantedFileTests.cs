using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Inputs.Cobertura;
using QualityGates.Inputs.ModelMetrics;
using QualityGates.Inputs.Security;
using QualityGates.Inputs.TestMetrics;
using QualityGates.Inputs.Trx;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Files;

/// <summary>
/// Planted files: no append or replace writes through a planted link (CWE-59), no
/// FIFO or device is ever opened (the tool never blocks), a registry path that is a file is an error,
/// and permanent I/O errors fail at once instead of being retried as lock contention.
/// </summary>
public sealed class PlantedFileTests : IDisposable
{
    private const string Victim = "victim.txt";
    private const string VictimText = "do not touch\n";

    private readonly TempDirectory _dir = new();

    public PlantedFileTests()
    {
        _dir.Write(Victim, VictimText);
    }

    private string VictimPath => Path.Combine(_dir.Path, Victim);

    public static TheoryData<string> Readers() => ["trx", "cobertura", "security", "test-metrics", "model-metrics", "gate-report"];

    [Fact]
    public void FileKindsTellRegularFilesFromFoldersLinksAndFifos()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.Path, "fifo"));
        var link = SpecialFiles.Link(Path.Combine(_dir.Path, "link"), VictimPath);

        Assert.Equal(FileKind.Regular, FileKinds.Of(VictimPath));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_dir.Path));
        Assert.Equal(FileKind.Link, FileKinds.Of(link));
        Assert.Equal(FileKind.Regular, FileKinds.OfTarget(link));
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(_dir.Path, "none")));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void AFifoAsAnInputIsRefusedWithoutOpeningIt(string reader)
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.Path, "input.fifo"));

        var error = SpecialFiles.ThrowsWithin<QualityGatesException>(() => Read(reader, fifo));

        Assert.Equal(ErrorCodes.InputNotARegularFile, error.Code);
        Assert.Equal(fifo, error.File);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void AFolderAsAnInputIsRefused(string reader)
    {
        var error = SpecialFiles.ThrowsWithin<QualityGatesException>(() => Read(reader, _dir.Path));

        Assert.Contains(error.Code, new[] { ErrorCodes.InputNotARegularFile, ErrorCodes.InputFileNotFound });
    }

    [Fact]
    public void AnApprovalIsNotAppendedThroughALinkedRegistryFile()
    {
        var folder = Path.Combine(_dir.Path, "reg");
        SpecialFiles.Link(Path.Combine(folder, "veran.jsonl"), Path.Combine("..", Victim));
        var registry = new ApprovalRegistry(folder);

        var error = Assert.Throws<QualityGatesException>(() => registry.Approve(new ModelIdentity("veran", "v1"), DeploymentContext.Staging, "alice"));

        Assert.Equal(ErrorCodes.RegistryFileNotRegular, error.Code);
        Assert.Equal(VictimText, File.ReadAllText(VictimPath));
        Assert.Equal(ErrorCodes.RegistryFileNotRegular, Assert.Throws<QualityGatesException>(() => registry.GetHistory(new ModelIdentity("veran", "v1"))).Code);
    }

    [Fact]
    public void AFifoAsARegistryFileIsRefusedWithoutBlocking()
    {
        var folder = Path.Combine(_dir.Path, "reg");
        SpecialFiles.Fifo(Path.Combine(folder, "veran.jsonl"));
        var registry = new ApprovalRegistry(folder);

        var read = SpecialFiles.ThrowsWithin<QualityGatesException>(() => registry.GetHistory(new ModelIdentity("veran", "v1")));
        var write = SpecialFiles.ThrowsWithin<QualityGatesException>(() => registry.Approve(new ModelIdentity("veran", "v1"), DeploymentContext.Staging, "alice"));

        Assert.Equal((ErrorCodes.RegistryFileNotRegular, ErrorCodes.RegistryFileNotRegular), (read.Code, write.Code));
    }

    [Fact]
    public void ARegistryPathThatIsAFileIsAnErrorNotAnEmptyRegistry()
    {
        var registry = new ApprovalRegistry(VictimPath);

        var error = Assert.Throws<QualityGatesException>(() => registry.GetHistory(new ModelIdentity("veran", "v1")));

        Assert.Equal(ErrorCodes.RegistryUnavailable, error.Code);
        Assert.Contains("not a folder", error.Message);
        Assert.Equal(ErrorCodes.RegistryUnavailable,
            Assert.Throws<QualityGatesException>(() => registry.Approve(new ModelIdentity("veran", "v1"), DeploymentContext.Staging, "alice")).Code);
    }

    [Theory]
    [InlineData("blocks.jsonl")]
    [InlineData("latest.json")]
    [InlineData("junit-gates.xml")]
    [InlineData("gates.html")]
    public void NoReportFileIsWrittenThroughALink(string name)
    {
        var folder = Path.Combine(_dir.Path, "reports");
        SpecialFiles.Link(Path.Combine(folder, name), Path.Combine("..", Victim));

        var error = Assert.Throws<QualityGatesException>(() => new ReportFileSet(folder).Write(SampleReports.Failing()));

        Assert.Equal(ErrorCodes.ReportFileNotRegular, error.Code);
        Assert.Equal(VictimText, File.ReadAllText(VictimPath));
        Assert.Equal([name], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName)); // nothing else was written either
    }

    [Fact]
    public void AFifoAsTheBlockLogIsRefusedWithoutBlocking()
    {
        var folder = Path.Combine(_dir.Path, "reports");
        SpecialFiles.Fifo(Path.Combine(folder, BlockLog.FileName));

        var error = SpecialFiles.ThrowsWithin<QualityGatesException>(() => new ReportFileSet(folder).Write(SampleReports.Failing()));

        Assert.Equal(ErrorCodes.ReportFileNotRegular, error.Code);
    }

    [Fact]
    public void TheJUnitOptionDoesNotWriteThroughALink()
    {
        var link = SpecialFiles.Link(Path.Combine(_dir.Path, "junit.xml"), VictimPath);

        var error = Assert.Throws<QualityGatesException>(() => ReportFileSet.WriteJUnit(SampleReports.Failing(), link));

        Assert.Equal(ErrorCodes.ReportFileNotRegular, error.Code);
        Assert.Equal(VictimText, File.ReadAllText(VictimPath));
    }

    [Theory]
    [InlineData("GITHUB_STEP_SUMMARY", "link")]
    [InlineData("GITHUB_OUTPUT", "link")]
    [InlineData("GITHUB_STEP_SUMMARY", "fifo")]
    [InlineData("GITHUB_OUTPUT", "fifo")]
    public void RunnerFilesThatAreNotRegularFilesGiveAWarningAndAreNotWritten(string variable, string kind)
    {
        var path = Path.Combine(_dir.Path, "runner-file");
        _ = kind == "link" ? SpecialFiles.Link(path, VictimPath) : SpecialFiles.Fifo(path);
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", [variable] = path };

        var warnings = SpecialFiles.Within(() => CiReporter.Report(SampleReports.Failing(), null, new StringWriter(), null, environment.GetValueOrDefault));

        Assert.Contains(warnings, w => w.Code == QualityGates.Errors.ErrorCodes.CiOutputNotWritten && w.Message.Contains("not a regular file", StringComparison.Ordinal));
        Assert.Equal(VictimText, File.ReadAllText(VictimPath));
    }

    [Fact]
    public void APermanentErrorFailsAtOnceInsteadOfWaitingForALock()
    {
        var loop = SpecialFiles.Link(Path.Combine(_dir.Path, "loop"), "loop");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<QualityGatesException>(() => JsonLinesFile.Append(Path.Combine(loop, "blocks.jsonl"), "{}", TimeSpan.FromSeconds(10)));

        Assert.Equal(ErrorCodes.ReportNotWritten, error.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ALockHeldByAnotherWriterIsStillWaitedFor()
    {
        var log = _dir.Write("held.jsonl", string.Empty);
        using (new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var error = Assert.Throws<QualityGatesException>(() => JsonLinesFile.Append(log, "{}", TimeSpan.FromMilliseconds(300)));

            Assert.Equal(ErrorCodes.ReportNotWritten, error.Code);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"gave up after {clock.Elapsed}");
        }
    }

    [Fact]
    public void AFailedBlockLogAppendPublishesNothingOfTheRun()
    {
        var folder = Path.Combine(_dir.Path, "reports");
        new ReportFileSet(folder).Write(SampleReports.Passing());
        var before = Snapshot(folder);
        var blocks = Path.Combine(folder, BlockLog.FileName);
        File.WriteAllText(blocks, string.Empty);

        using (new FileStream(blocks, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            var error = Assert.Throws<QualityGatesException>(() => new ReportFileSet(folder, TimeSpan.FromMilliseconds(200)).Write(SampleReports.Failing()));
            Assert.Equal(ErrorCodes.ReportNotWritten, error.Code);
        }

        before[BlockLog.FileName] = string.Empty;
        Assert.Equal(before, Snapshot(folder)); // latest.json, gates.html, junit still the passing run's; no new report, no temp file
    }

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    private static object Read(string reader, string path) => reader switch
    {
        "trx" => new TrxReader().ReadAll([path]),
        "cobertura" => new CoberturaReader().ReadAll([path]),
        "security" => SecurityScanReader.Read(path),
        "test-metrics" => TestMetricsJsonReader.Read(path),
        "model-metrics" => ModelMetricsReader.Read(path),
        _ => JsonReportReader.Read(path),
    };
}
