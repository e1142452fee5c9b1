using System.Text;

namespace QualityGates.Reports.Html;

/// <summary>
/// Escapes free text (test names, messages, paths) for HTML element content and quoted attribute
/// values. Test names and messages are whatever a test printed, so every <c>&lt;</c> and quote is
/// escaped and characters HTML cannot carry (controls, lone surrogates) are replaced.
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
                default:
                    html.Append(char.IsControl(c) ? '\uFFFD' : c);
                    break;
            }
        }

        return html.ToString();
    }
}
