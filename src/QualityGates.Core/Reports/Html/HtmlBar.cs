using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Gates;

namespace QualityGates.Reports.Html;

/// <summary>
/// The bar drawn for a value against its threshold, in CSS widths only (no script, no images).
/// Rates (pass rate, coverage) use a fixed 0–100 % scale; any other gate is scaled to 125 % of the
/// larger of value and threshold, so both stay visible. The failing side of the threshold is
/// hatched: left of the mark for a minimum, right of it for a maximum.
/// </summary>
internal static class HtmlBar
{
    public static string Render(string gate, GateStatus status, double? value, double? threshold)
    {
        var scale = Scale(gate, value, threshold);
        var label = Label(gate, value, threshold);
        var parts = new List<string>();
        if (threshold is double t && double.IsFinite(t))
        {
            var mark = Percent(t, scale);
            parts.Add(GateDescriptions.IsMinimum(gate)
                ? $"<span class=\"zone\" style=\"left:0;width:{mark}%\"></span>"
                : $"<span class=\"zone\" style=\"left:{mark}%;right:0\"></span>");
            if (value is double v && double.IsFinite(v))
            {
                parts.Add($"<span class=\"fill {StatusClass(status)}\" style=\"width:{Percent(v, scale)}%\"></span>");
            }

            parts.Add($"<span class=\"mark\" style=\"left:{mark}%\"></span>");
        }
        else if (value is double v && double.IsFinite(v))
        {
            parts.Add($"<span class=\"fill {StatusClass(status)}\" style=\"width:{Percent(v, scale)}%\"></span>");
        }

        var empty = value is double x && double.IsFinite(x) ? string.Empty : " none";
        return $"<div class=\"bar{empty}\" role=\"img\" aria-label=\"{HtmlText.Encode(label)}\" title=\"{HtmlText.Encode(label)}\">{string.Concat(parts)}</div>";
    }

    /// <summary>A plain fraction (0–1) bar with an optional minimum mark, for coverage per assembly.</summary>
    public static string Rate(double? rate, double? minimum)
    {
        var gate = GateNames.LineCoverage;
        var status = rate is double r && minimum is double m && r < m ? GateStatus.Failed : GateStatus.Passed;
        return Render(gate, status, rate, minimum);
    }

    public static string StatusClass(GateStatus status) => status switch
    {
        GateStatus.Passed => "passed",
        GateStatus.Failed => "failed",
        GateStatus.Warning => "warning",
        GateStatus.Waived => "waived",
        _ => "skipped",
    };

    private static double Scale(string gate, double? value, double? threshold)
    {
        if (GateNames.BaseOf(gate) is GateNames.TestPassRate or GateNames.LineCoverage or GateNames.BranchCoverage)
        {
            return 1;
        }

        var largest = Math.Max(Math.Abs(Finite(value)), Math.Abs(Finite(threshold)));
        return largest > 0 ? largest * 1.25 : 1;
    }

    // An improvement (a negative regression or latency increase) draws as an empty bar; the text says the value.
    private static string Percent(double value, double scale) =>
        Math.Clamp(value / scale * 100, 0, 100).ToString("0.##", CultureInfo.InvariantCulture);

    private static double Finite(double? value) => value is double v && double.IsFinite(v) ? v : 0;

    private static string Label(string gate, double? value, double? threshold)
    {
        var shown = value is null ? "no value" : GateDescriptions.FormatValue(gate, value);
        if (threshold is null)
        {
            return shown;
        }

        var kind = GateDescriptions.IsMinimum(gate) ? "minimum" : "maximum";
        return $"{shown} against a {kind} of {GateDescriptions.FormatValue(gate, threshold)}";
    }
}
