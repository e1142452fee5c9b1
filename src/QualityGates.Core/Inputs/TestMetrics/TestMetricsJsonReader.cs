using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;
using static System.FormattableString;

namespace QualityGates.Inputs.TestMetrics;

/// <summary>
/// Reads the seed's <c>TestMetrics</c> JSON (for runs whose TRX is not at hand): <c>total_tests</c>,
/// <c>passed_tests</c> and <c>failed_tests</c> are required whole non-negative numbers;
/// <c>skipped_tests</c>, <c>duration_seconds</c> and <c>coverage_percent</c> are optional.
/// </summary>
internal static class TestMetricsJsonReader
{
    private static readonly string[] KnownFields =
        ["total_tests", "passed_tests", "failed_tests", "skipped_tests", "duration_seconds", "coverage_percent"];

    public static TestMetricsJson Read(string path)
    {
        using var file = JsonInputFile.Open(path);
        var root = file.Root;
        if (root.Kind != JsonValueKind.Object || !KnownFields.Any(root.Contains))
        {
            var shape = root.Kind == JsonValueKind.Object ? "an object with none of them" : root.Description;
            throw root.Error(ErrorCodes.WrongFileKind,
                $"not a test metrics file: expected a JSON object with total_tests, passed_tests and failed_tests, but the top level is {shape}.");
        }

        var total = root.Required("total_tests").AsCount();
        var passed = root.Required("passed_tests").AsCount();
        var failed = root.Required("failed_tests").AsCount();
        var skippedField = root.Optional("skipped_tests");
        var skipped = skippedField?.AsCount();

        // long: three counts near int.MaxValue must not wrap around and pass the check.
        var accounted = (long)passed + failed + (skipped ?? 0);
        if (accounted > total)
        {
            var parts = skipped is null
                ? Invariant($"passed_tests ({passed}) + failed_tests ({failed})")
                : Invariant($"passed_tests ({passed}) + failed_tests ({failed}) + skipped_tests ({skipped})");
            throw root.Required("total_tests").OutOfRange(Invariant($"{parts} = {accounted}, more than total_tests ({total})."));
        }

        return new TestMetricsJson(
            new TestRunSummary
            {
                Total = total,
                Passed = passed,
                Failed = failed,
                // Without skipped_tests, every test that neither passed nor failed did not run (as in TRX).
                Skipped = skipped ?? total - passed - failed,
                Duration = ReadDuration(root),
                SourceFiles = [path],
            },
            ReadCoverageRate(root));
    }

    private static TimeSpan ReadDuration(JsonCursor root)
    {
        if (root.Optional("duration_seconds") is not { } field)
        {
            return TimeSpan.Zero;
        }

        var seconds = field.AsNonNegativeNumber();
        return seconds <= TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw field.OutOfRange($"{field.Path} is {field.RawText} seconds, longer than a duration can be.");
    }

    private static double? ReadCoverageRate(JsonCursor root)
    {
        if (root.Optional("coverage_percent") is not { } field)
        {
            return null;
        }

        // coverage_percent is a percentage (88.5 = 88.5 %); the gates work on rates (0.885).
        var percent = field.AsFiniteNumber();
        return percent is >= 0 and <= 100
            ? percent / 100.0
            : throw field.OutOfRange($"{field.Path} is {field.RawText}; coverage_percent is a percentage from 0 to 100.");
    }
}
