using System.Globalization;
using System.Text;
using QualityGates.Errors;

namespace QualityGates.Reports.Html;

/// <summary>
/// Escapes free text (test names, messages, paths) for HTML element content and quoted attribute
/// values. Test names and messages are whatever a test printed, so every <c>&lt;</c> and quote is
/// escaped, characters HTML cannot carry (controls, lone surrogates) are replaced, and bidi and
/// zero-width characters are shown as <c>&lt;U+202E&gt;</c> instead of reordering or hiding text.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string? text)
    {
        var clean = ReportText.ForJson(text); // lone surrogates become U+FFFD
        var html = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                case '\t' or '\n':
                    html.Append(c);
                    break;
                case '\r':
                    break;
                case var _ when char.IsControl(c):
                    html.Append('\uFFFD');
                    break;
                case var _ when UntrustedText.IsInvisible(c):
                    // Bidi overrides and zero-width characters are shown, not obeyed: the page must not reorder or hide text.
                    html.Append("&lt;U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append("&gt;");
                    break;
                default:
                    html.Append(c);
                    break;
            }
        }

        return html.ToString();
    }
}
