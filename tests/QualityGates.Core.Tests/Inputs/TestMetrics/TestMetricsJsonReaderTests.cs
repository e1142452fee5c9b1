using QualityGates.Errors;
using QualityGates.Inputs.TestMetrics;

namespace QualityGates.Tests.Inputs.TestMetrics;

/// <summary>The seed's TestMetrics JSON: counts, duration and coverage_percent (0–100) as a rate (0–1).</summary>
public sealed class TestMetricsJsonReaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadsTheSeedExampleAndTurnsThePercentIntoARate()
    {
        var path = temp.Write("tests.json", """
            {
              "total_tests": 1000,
              "passed_tests": 980,
              "failed_tests": 20,
              "skipped_tests": 0,
              "duration_seconds": 120.0,
              "coverage_percent": 88.5
            }
            """);

        var read = TestMetricsJsonReader.Read(path);

        Assert.Equal((1000, 980, 20, 0), (read.Tests.Total, read.Tests.Passed, read.Tests.Failed, read.Tests.Skipped));
        Assert.Equal(TimeSpan.FromSeconds(120), read.Tests.Duration);
        Assert.Equal(0.98, read.Tests.PassRate);
        Assert.Equal(0.885, read.CoverageLineRate!.Value, 12);
        Assert.Equal([path], read.Tests.SourceFiles);
    }

    [Fact]
    public void KeepsASmallPercentASmallRate()
    {
        // 0.885 here means 0.885 %, not 88.5 %: the field is always a percentage.
        var path = temp.Write("tests.json", """{ "total_tests": 1, "passed_tests": 1, "failed_tests": 0, "coverage_percent": 0.885 }""");

        Assert.Equal(0.00885, TestMetricsJsonReader.Read(path).CoverageLineRate!.Value, 12);
    }

    [Fact]
    public void CountsTestsThatNeitherPassedNorFailedAsSkippedWhenSkippedIsAbsent()
    {
        var path = temp.Write("tests.json", """{ "total_tests": 10, "passed_tests": 6, "failed_tests": 1 }""");

        var read = TestMetricsJsonReader.Read(path);

        Assert.Equal(3, read.Tests.Skipped);
        Assert.Equal(TimeSpan.Zero, read.Tests.Duration);
        Assert.Null(read.CoverageLineRate);
    }

    [Fact]
    public void KeepsTheGivenSkippedCountEvenWhenSomeTestsAreUnaccounted()
    {
        var path = temp.Write("tests.json", """{ "total_tests": 10, "passed_tests": 6, "failed_tests": 1, "skipped_tests": 1 }""");

        Assert.Equal((10, 1), (TestMetricsJsonReader.Read(path).Tests.Total, TestMetricsJsonReader.Read(path).Tests.Skipped));
    }

    [Fact]
    public void RejectsMoreOutcomesThanTests()
    {
        var path = temp.Write("tests.json", "{\n  \"total_tests\": 100,\n  \"passed_tests\": 90,\n  \"failed_tests\": 8,\n  \"skipped_tests\": 3\n}");

        var error = Assert.Throws<QualityGatesException>(() => TestMetricsJsonReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Equal($"'{path}' line 2: passed_tests (90) + failed_tests (8) + skipped_tests (3) = 101, more than total_tests (100).", error.Message);
    }

    [Fact]
    public void RejectsANegativeCount()
    {
        var path = temp.Write("tests.json", "{\n  \"total_tests\": 10,\n  \"passed_tests\": 10,\n  \"failed_tests\": -1\n}");

        var error = Assert.Throws<QualityGatesException>(() => TestMetricsJsonReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("\"10\"", "must be a number, but is the string \"10\"")]
    [InlineData("10.5", "must be a whole number, but is the number 10.5")]
    [InlineData("true", "must be a number, but is the boolean true")]
    public void RejectsACountThatIsNotAWholeNumber(string value, string expected)
    {
        var path = temp.Write("tests.json", $"{{\n  \"total_tests\": {value},\n  \"passed_tests\": 1,\n  \"failed_tests\": 0\n}}");

        var error = Assert.Throws<QualityGatesException>(() => TestMetricsJsonReader.Read(path));

        Assert.Equal(ErrorCodes.WrongJsonFieldType, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("$.total_tests " + expected, error.Message);
    }

    [Fact]
    public void RejectsAMissingRequiredCountAtTheObjectsLine()
    {
        var path = temp.Write("tests.json", "\n{\n  \"total_tests\": 10,\n  \"passed_tests\": 10\n}");

        var error = Assert.Throws<QualityGatesException>(() => TestMetricsJsonReader.Read(path));

        Assert.Equal(ErrorCodes.MissingJsonField, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("has no required field 'failed_tests'", error.Message);
    }

    [Theory]
    [InlineData("150")]
    [InlineData("-0.5")]
    public void RejectsACoveragePercentOutsideZeroToHundred(string value)
    {
        var path = temp.Write("tests.json", $"{{ \"total_tests\": 1, \"passed_tests\": 1, \"failed_tests\": 0, \"coverage_percent\": {value} }}");

        var error = Assert.Throws<QualityGatesException>(() => TestMetricsJsonReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Contains("percentage from 0 to 100", error.Message);
    }

    [Fact]
    public void RejectsANegativeDuration()
    {
        var path = temp.Write("tests.json", """{ "total_tests": 1, "passed_tests": 1, "failed_tests": 0, "duration_seconds": -3 }""");

        var error = Assert.Throws<QualityGatesException>(() => TestMetricsJsonReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{ \"quality_score\": 0.9 }")]
    public void RejectsAnotherShapeAsTheWrongKindOfFile(string json)
    {
        var path = temp.Write("tests.json", json);

        var error = Assert.Throws<QualityGatesException>(() => TestMetricsJsonReader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
    }

    [Fact]
    public void ReportsTruncatedJsonWithTheLine()
    {
        var path = temp.Write("tests.json", "{\n  \"total_tests\": 10,\n  \"passed_tests\"");

        var error = Assert.Throws<QualityGatesException>(() => TestMetricsJsonReader.Read(path));

        Assert.Equal(ErrorCodes.MalformedJson, error.Code);
        Assert.Equal(3, error.Line);
    }
}
