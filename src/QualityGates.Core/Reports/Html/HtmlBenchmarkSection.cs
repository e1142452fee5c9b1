using System.Globalization;
using System.Text;
using QualityGates.Configuration;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Gates.Benchmarks;
using QualityGates.Metrics;

namespace QualityGates.Reports.Html;

/// <summary>
/// The page's Benchmarks section: where both runs came from and on what, the test, then one row per benchmark
/// (regressed first) with time and allocations against the baseline, each verdict, and the distribution of
/// both runs' measurements as an inline SVG (markup, allowed by the page's Content-Security-Policy; no script).
/// </summary>
internal static class HtmlBenchmarkSection
{
    /// <summary>Rows that get a distribution drawn, regressed ones first; the others show their figures only, so a run of thousands stays a page.</summary>
    public const int MaxDrawn = 200;

    public static void Append(StringBuilder page, QualityGateReport report, string? root)
    {
        if (report.Inputs.Benchmarks is not { } comparison)
        {
            return;
        }

        var maximum = report.Thresholds.MaxLatencyIncrease;
        page.Append("<section id=\"benchmarks\">\n<h2>Benchmarks</h2>\n<p>")
            .Append(HtmlText.Encode(Format(comparison.Current.Benchmarks.Count, "benchmark"))).Append(" in this run (")
            .Append(HtmlText.Encode(Display(comparison.Current.Source, root))).Append(')');
        if (comparison.Baseline is { } baseline)
        {
            page.Append(", compared with ").Append(HtmlText.Encode(Display(baseline.Source, root))).Append(". Time: one-sided Mann-Whitney U test of this run against the baseline × ")
                .Append(HtmlText.Encode((1 + maximum).ToString("0.###", CultureInfo.InvariantCulture))).Append(" (the ")
                .Append(HtmlText.Encode(report.ContextName)).Append(" maximum latency increase), α = ")
                .Append(comparison.Alpha.ToString(CultureInfo.InvariantCulture)).Append("; allocations: at most ")
                .Append(HtmlText.Encode(GateDescriptions.FormatValue(GateNames.BenchmarkAllocated, report.Thresholds.MaxMemoryIncreasePercent))).Append(" more bytes per operation.</p>\n");
        }
        else
        {
            page.Append("; no baseline: ").Append(HtmlText.Encode(comparison.BaselineMissing)).Append(".</p>\n");
        }

        if (comparison.HostDifferences.Count > 0)
        {
            page.Append("<p class=\"note\"><b>Different machine or runtime than the baseline:</b> ")
                .Append(HtmlText.Encode(string.Join("; ", comparison.HostDifferences))).Append(".</p>\n");
        }

        page.Append("<table class=\"benchmarks\">\n<thead><tr><th>Benchmark</th><th>Time: baseline → this run</th><th>Time</th>")
            .Append("<th>Allocated per operation</th><th>Allocated</th><th>Distribution (grey: baseline, dashed: limit)</th></tr></thead>\n<tbody>\n");
        var ordered = comparison.Benchmarks.OrderBy(b => Rank(b.Time) + Rank(b.Allocated) > 0 ? 0 : 1).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            AppendRow(page, ordered[i], maximum, i < MaxDrawn);
        }

        page.Append("</tbody>\n</table>\n");
        if (ordered.Count > MaxDrawn)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Distributions are drawn for the first {MaxDrawn} rows; every benchmark's figures are in the table and in the JSON report.</p>\n");
        }

        page.Append("</section>\n");
    }

    private static void AppendRow(StringBuilder page, BenchmarkVerdict b, double maximum, bool draw)
    {
        var status = Status(b.Time) == "failed" || Status(b.Allocated) == "failed" ? "failed" : string.Empty;
        page.Append("<tr class=\"").Append(status).Append("\"><td><code>").Append(HtmlText.Encode(b.FullName)).Append("</code>");
        if (b.Note is { } note)
        {
            page.Append("<div class=\"note\">").Append(HtmlText.Encode(note)).Append("</div>");
        }

        page.Append("</td><td class=\"num\">").Append(HtmlText.Encode(TimeText(b))).Append("</td><td>").Append(Badge(b.Time)).Append("</td>")
            .Append("<td class=\"num\">").Append(HtmlText.Encode(AllocatedText(b))).Append("</td><td>").Append(Badge(b.Allocated)).Append("</td><td>")
            .Append(draw ? Distribution(b, maximum) : string.Empty).Append("</td></tr>\n");
    }

    private static string TimeText(BenchmarkVerdict b) => (b.Base, b.Current) switch
    {
        ({ } before, { } now) => $"{BenchmarkText.Time(before.Mean)} → {BenchmarkText.Time(now.Mean)} (×{b.Ratio?.ToString("0.00", CultureInfo.InvariantCulture)}"
            + (b.PValue is double p ? $", p = {BenchmarkText.PValue(p)})" : ")"),
        (null, { } now) => $"new: {BenchmarkText.Time(now.Mean)}",
        ({ } before, null) => $"removed (was {BenchmarkText.Time(before.Mean)})",
        _ => "-",
    };

    private static string AllocatedText(BenchmarkVerdict b) => (b.Base?.AllocatedBytes, b.Current?.AllocatedBytes) switch
    {
        ({ } before, { } now) => $"{BenchmarkText.Bytes(before)} → {BenchmarkText.Bytes(now)}" + b.AllocatedIncreasePercent switch
        {
            double.PositiveInfinity => " (was allocation-free)",
            double change => $" ({BenchmarkText.Change(change)})",
            _ => string.Empty,
        },
        (null, { } now) => BenchmarkText.Bytes(now),
        ({ } before, null) => BenchmarkText.Bytes(before),
        _ => "-",
    };

    private static int Rank(BenchmarkOutcome outcome) => outcome is BenchmarkOutcome.Regressed or BenchmarkOutcome.Waived or BenchmarkOutcome.Warning ? 1 : 0;

    private static string Status(BenchmarkOutcome outcome) => outcome switch
    {
        BenchmarkOutcome.Regressed => "failed",
        BenchmarkOutcome.Waived => "waived",
        BenchmarkOutcome.Warning => "warning",
        BenchmarkOutcome.NotJudged => "skipped",
        _ => "passed",
    };

    private static string Badge(BenchmarkOutcome outcome) =>
        $"<span class=\"badge {Status(outcome)}\">{HtmlText.Encode(JsonBenchmarks.OutcomeName(outcome).ToUpperInvariant())}</span>";

    /// <summary>
    /// Both runs' measurements on one time axis: the baseline's in grey above, this run's in its verdict's colour
    /// below, each with its quartile box and median; the dashed line is the baseline's mean × (1 + maximum).
    /// </summary>
    private static string Distribution(BenchmarkVerdict b, double maximum)
    {
        const double width = 240, height = 44, pad = 4;
        var before = b.Base?.Samples ?? [];
        var now = b.Current?.Samples ?? [];
        double? limit = b.Base is { } baseline ? baseline.Mean * (1 + maximum) : null;
        var all = before.Concat(now).Concat(limit is double l ? [l] : []).Where(double.IsFinite).ToList();
        if (all.Count == 0)
        {
            return string.Empty;
        }

        var (low, high) = (all.Min(), all.Max());
        if (high - low < 1e-12)
        {
            (low, high) = (low * 0.9, (high * 1.1) + 1e-9);
        }

        double X(double v) => pad + ((v - low) / (high - low) * (width - (2 * pad)));
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var title = $"Baseline: {Summary(before)}; this run: {Summary(now)}"
            + (limit is double t ? $"; limit {BenchmarkText.Time(t)} (baseline mean + {(maximum * 100).ToString("0.#", CultureInfo.InvariantCulture)}%)" : string.Empty)
            + $"; axis {BenchmarkText.Time(low)} to {BenchmarkText.Time(high)}";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"dist\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-label=\"{HtmlText.Encode(title)}\">")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>");
        Row(svg, before, 12, "base", X, N);
        Row(svg, now, 32, Status(b.Time), X, N);
        if (limit is double mark)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(mark))}\" x2=\"{N(X(mark))}\" y1=\"1\" y2=\"{N(height - 1)}\" class=\"limit\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>One run's quartile box, median and points (at most 100, evenly spread over the sorted values).</summary>
    private static void Row(StringBuilder svg, IReadOnlyList<double> samples, double y, string css, Func<double, double> x, Func<double, string> n)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var sorted = samples.Order().ToArray();
        double Quantile(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{n(x(Quantile(0.25)))}\" y=\"{n(y - 6)}\" width=\"{n(Math.Max(1, x(Quantile(0.75)) - x(Quantile(0.25))))}\" height=\"12\" class=\"box {css}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{n(x(Quantile(0.5)))}\" x2=\"{n(x(Quantile(0.5)))}\" y1=\"{n(y - 7)}\" y2=\"{n(y + 7)}\" class=\"median\"/>");
        var step = Math.Max(1, sorted.Length / 100.0);
        for (var i = 0.0; i < sorted.Length; i += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{n(x(sorted[(int)i]))}\" cy=\"{n(y)}\" r=\"1.8\" class=\"{css}\"/>");
        }
    }

    private static string Summary(IReadOnlyList<double> samples) => samples.Count == 0 ? "none"
        : $"{samples.Count} measurements, median {BenchmarkText.Time(samples.Order().ElementAt(samples.Count / 2))}, mean {BenchmarkText.Time(samples.Average())}";

    private static string Format(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Display(string source, string? root) => root is null ? source : source.Replace(root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
}
