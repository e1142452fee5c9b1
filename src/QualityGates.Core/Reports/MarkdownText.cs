using System.Globalization;
using System.Text;
using QualityGates.Errors;

namespace QualityGates.Reports;

/// <summary>
/// Makes free text (messages, test names) safe for one cell of a GitHub-flavoured Markdown table:
/// one line, no cell break, no raw HTML, no accidental emphasis, links or code spans, and bidi or
/// zero-width characters shown as <c>&lt;U+202E&gt;</c> rather than obeyed.
/// </summary>
internal static class MarkdownText
{
    /// <summary>The text as cell content, cut to <paramref name="maxLength"/> characters first.</summary>
    public static string Cell(string? text, int maxLength = int.MaxValue)
    {
        var cut = Reports.ReportText.Truncate(text ?? string.Empty, maxLength);
        var cell = new StringBuilder(cut.Length + 16);
        foreach (var c in cut)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    cell.Append(' ');
                    break;
                // Entities, not backslashes: GitHub's sanitizer strips tags, and '|' ends a cell even after '\' in some renderers.
                case '&':
                    cell.Append("&amp;");
                    break;
                case '<':
                    cell.Append("&lt;");
                    break;
                case '>':
                    cell.Append("&gt;");
                    break;
                case '|':
                    cell.Append("&#124;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '#' or '!':
                    cell.Append('\\').Append(c);
                    break;
                case var _ when char.IsControl(c):
                    cell.Append(' ');
                    break;
                case var _ when UntrustedText.IsInvisible(c):
                    // Bidi overrides and zero-width characters are shown, not obeyed: a finding must not disguise what it says.
                    cell.Append("&lt;U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append("&gt;");
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        return cell.ToString();
    }
}
