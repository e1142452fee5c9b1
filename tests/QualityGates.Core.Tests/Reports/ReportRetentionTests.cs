using QualityGates.Errors;
using QualityGates.Reports;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Reports;

/// <summary>The report folder keeps the newest N timestamped reports and nothing else is ever deleted.</summary>
public sealed class ReportRetentionTests
{
    private static string Name(int day) => $"report-202501{day:00}T120000000Z-0000aaaa.json";

    [Fact]
    public void KeepsTheNewestReportsAndNeverLatestThisRunsOrOtherFiles()
    {
        using var folder = new TempDirectory();
        foreach (var day in Enumerable.Range(1, 5))
        {
            folder.Write(Name(day), "{}");
        }

        // This run's report is the oldest by name (a clock set back): it still stays.
        var current = folder.Write("report-20240101T000000000Z-0000bbbb.json", "{}");
        folder.Write("latest.json", "{}");
        folder.Write("report-mine.json", "{}");
        folder.Write("REPORT-20200101T000000000Z-0000cccc.json", "{}");

        Assert.Null(ReportRetention.Prune(folder.Path, 2, current));

        Assert.Equal(
            [Path.GetFileName(current), Name(4), Name(5)],
            ReportRetention.Reports(folder.Path).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(folder.Path, "latest.json")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "report-mine.json")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "REPORT-20200101T000000000Z-0000cccc.json")));
    }

    [Fact]
    public void ZeroKeepsEveryReport()
    {
        using var folder = new TempDirectory();
        foreach (var day in Enumerable.Range(1, 25))
        {
            folder.Write(Name(day), "{}");
        }

        Assert.Null(ReportRetention.Prune(folder.Path, 0, Path.Combine(folder.Path, Name(25))));

        Assert.Equal(25, ReportRetention.Reports(folder.Path).Count);
    }

    [Theory]
    [InlineData(null, ReportRetention.DefaultKeep)]
    [InlineData(" ", ReportRetention.DefaultKeep)]
    [InlineData("0", 0)]
    [InlineData(" 5 ", 5)]
    public void ReadsAWholeNumberOrTheDefault(string? text, int expected) =>
        Assert.Equal(expected, ReportRetention.Parse(text, "QualityGatesKeepReports"));

    [Theory]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("ten")]
    public void AnythingElseIsASettingErrorNamingTheProperty(string text)
    {
        var error = Assert.Throws<QualityGatesException>(() => ReportRetention.Parse(text, "QualityGatesKeepReports"));

        Assert.Equal(ErrorCodes.InvalidSetting, error.Code);
        Assert.StartsWith($"QualityGatesKeepReports is '{text}', but it must be a whole number", error.Message);
    }
}
