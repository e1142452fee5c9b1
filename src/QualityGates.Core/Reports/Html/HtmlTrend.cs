using System.Globalization;
using System.Text;
using QualityGates.Gates;

namespace QualityGates.Reports.Html;

/// <summary>
/// A gated figure across the last runs as a tiny inline SVG line (allowed by the page's
/// Content-Security-Policy: it is markup, not a loaded resource), with the threshold dashed and this
/// run's point in its status colour. The values are spelled out in the tooltip and under the line.
/// </summary>
internal static class HtmlTrend
{
    private const double Width = 120;
    private const double Height = 26;
    private const double Pad = 3;

    /// <summary>The cell content, or empty when no earlier run measured <paramref name="gate"/>.</summary>
    public static string Render(string gate, IReadOnlyList<double?> earlier, double? value, double? threshold, GateStatus status)
    {
        if (earlier.All(v => v is null))
        {
            return string.Empty;
        }

        var values = earlier.Append(value).ToList();
        var known = values.OfType<double>().Concat(threshold is double t && double.IsFinite(t) ? [t] : []).ToList();
        var (low, high) = (known.Min(), known.Max());
        if (high - low < 1e-12)
        {
            (low, high) = (low - 1, high + 1);
        }

        double X(int i) => values.Count == 1 ? Width / 2 : Pad + (i * (Width - (2 * Pad)) / (values.Count - 1));
        double Y(double v) => Height - Pad - ((v - low) / (high - low) * (Height - (2 * Pad)));
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var shown = string.Join(" → ", values.Select(v => v is null ? "–" : GateDescriptions.FormatValue(gate, v)));
        var title = $"Last {values.Count} runs: {shown}" + (threshold is null ? string.Empty
            : $" ({(GateDescriptions.IsMinimum(gate) ? "minimum" : "maximum")} {GateDescriptions.FormatValue(gate, threshold)})");
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"img\" aria-label=\"{HtmlText.Encode(title)}\">")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>");
        if (threshold is double limit && double.IsFinite(limit))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{N(Width)}\" y1=\"{N(Y(limit))}\" y2=\"{N(Y(limit))}\" class=\"limit\"/>");
        }

        var points = values.Select((v, i) => v is double d ? $"{N(X(i))},{N(Y(d))}" : null).OfType<string>().ToList();
        if (points.Count > 1)
        {
            svg.Append("<polyline points=\"").Append(string.Join(' ', points)).Append("\"/>");
        }

        if (value is double current)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(values.Count - 1))}\" cy=\"{N(Y(current))}\" r=\"3\" class=\"{HtmlBar.StatusClass(status)}\"/>");
        }

        svg.Append("</svg>");
        var previous = earlier.LastOrDefault(v => v is not null);
        return svg + $"<div class=\"note\">{values.Count} runs · before: {HtmlText.Encode(GateDescriptions.FormatValue(gate, previous))}</div>";
    }
}
