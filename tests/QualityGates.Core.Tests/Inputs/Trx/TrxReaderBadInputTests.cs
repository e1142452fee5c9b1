using System.Diagnostics;
using QualityGates.Errors;
using QualityGates.Inputs.Trx;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>Bad TRX input gives one coded error naming the file (and line), never a partial result.</summary>
public sealed class TrxReaderBadInputTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void RefusesAMissingFileWithQG1001()
    {
        var path = Path.Combine(temp.Path, "absent.trx");

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.InputFileNotFound, error.Code);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void RefusesAnEmptyFileWithQG1002()
    {
        var path = temp.Write("empty.trx", string.Empty);

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.InputFileEmpty, error.Code);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void RefusesATruncatedHandWrittenFileWithQG1003AndItsLine()
    {
        var whole = TrxText.Run(TrxText.Result("A.Passes", "Passed"), TrxText.Counters(1, 1, 1, 0));
        var path = temp.Write("truncated.trx", whole[..whole.IndexOf("<ResultSummary", StringComparison.Ordinal)]);

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.MalformedXml, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(7, error.Line); // the end of the file, after "</Results>"
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesTheGuardClausesFixtureCutInHalfWithQG1003()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("trx", "guardclauses-xunit-failskip.trx"));
        var path = Path.Combine(temp.Path, "half.trx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.MalformedXml, error.Code);
        Assert.True(error.Line > 1000, $"line {error.Line}");
    }

    [Fact]
    public void RefusesADoctypeWithNestedEntitiesWithQG1005WithoutExpandingThem()
    {
        // "Billion laughs": ten levels of ten-fold entities would expand to 10^9 "lol"s.
        var entities = string.Concat(Enumerable.Range(1, 9).Select(level =>
            $"  <!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10))}\">\n"));
        var content = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE TestRun [
              <!ENTITY lol0 "lol">
            {entities}]>
            <TestRun xmlns="{TrxText.Namespace}">
              <Results>
                <UnitTestResult testName="&lol9;" outcome="Failed" />
              </Results>
            </TestRun>
            """;
        var path = temp.Write("laughs.trx", content);

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.XmlDtdNotAllowed, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(16, error.Line);
        // Not a speed target: an expanding parser would take minutes and gigabytes here.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void RefusesAnExternalEntityWithQG1005WithoutReadingIt()
    {
        var secret = temp.Write("secret.txt", "do not read");
        var content = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE TestRun [ <!ENTITY secret SYSTEM "{new Uri(secret).AbsoluteUri}"> ]>
            <TestRun xmlns="{TrxText.Namespace}">
              <Results>
                <UnitTestResult testName="A.Leak" outcome="Failed"><Output><ErrorInfo><Message>&secret;</Message></ErrorInfo></Output></UnitTestResult>
              </Results>
            </TestRun>
            """;
        var path = temp.Write("xxe.trx", content);

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.XmlDtdNotAllowed, error.Code);
        Assert.Equal(5, error.Line);
        Assert.DoesNotContain("do not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAWellFormedFileWhoseRootIsNotTestRunWithQG1006()
    {
        var path = temp.Write("coverage.trx", "<?xml version=\"1.0\"?>\n<coverage line-rate=\"0.5\" />");

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("<coverage>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesATestRunOutsideTheTrxNamespaceWithQG1006()
    {
        var path = temp.Write("nonamespace.trx", "<TestRun><Results /></TestRun>");

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void RefusesARealCoberturaFileGivenAsTrxWithQG1006()
    {
        var path = Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml");

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void RefusesCountersThatDisagreeWithTheResultsWithQG1011AtTheCountersLine()
    {
        var results = string.Join('\n', TrxText.Result("A.One", "Passed"), TrxText.Result("A.Two", "Passed"));
        var path = temp.Write("disagree.trx", TrxText.Run(results, TrxText.Counters(total: 2, executed: 2, passed: 1, failed: 1)));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.TrxCountersDisagree, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(8, error.Line);
        Assert.Contains("total=2 executed=2 passed=1 failed=1", error.Message, StringComparison.Ordinal);
        Assert.Contains("total=2 executed=2 passed=2 failed=0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAResultMissingFromTheCountersTotalWithQG1011()
    {
        var path = temp.Write("extra.trx", TrxText.Run(TrxText.Result("A.One", "NotExecuted"), TrxText.Counters(0, 0, 0, 0)));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.TrxCountersDisagree, error.Code);
    }

    [Theory]
    [InlineData("""total="-1" executed="0" passed="0" failed="0" """)]
    [InlineData("""total="1" executed="1" passed="1" failed="0" timeout="-2" """)]
    [InlineData("""total="one" executed="1" passed="1" failed="0" """)]
    public void RefusesANegativeOrNonNumericCounterWithQG1008(string counters)
    {
        var path = temp.Write("negative.trx", TrxText.Run(TrxText.Result("A.One", "Passed"), counters));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(7, error.Line);
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("")]
    public void RefusesAnOutcomeThatIsNotATrxOutcomeWithQG1008(string outcome)
    {
        var path = temp.Write("outcome.trx", TrxText.Run(TrxText.Result("A.One", outcome), counters: null));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void RefusesANegativeDurationWithQG1008()
    {
        var path = temp.Write("duration.trx", TrxText.Run(TrxText.Result("A.One", "Passed", "-00:00:01"), counters: null));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
    }

    [Fact]
    public void RefusesTimesThatFinishBeforeTheyStartWithQG1008()
    {
        var times = """<Times start="2026-01-01T10:00:10+00:00" finish="2026-01-01T10:00:00+00:00" />""";
        var path = temp.Write("times.trx", TrxText.Run(TrxText.Result("A.One", "Passed"), counters: null, times: times));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void StopsMergingAtTheFirstBadFile()
    {
        var good = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
        var bad = temp.Write("bad.trx", "<TestRun xmlns=\"" + TrxText.Namespace + "\"><Results>");

        var error = Assert.Throws<QualityGatesException>(() => reader.ReadAll([good, bad]));

        Assert.Equal(ErrorCodes.MalformedXml, error.Code);
        Assert.Equal(bad, error.File);
    }
}
