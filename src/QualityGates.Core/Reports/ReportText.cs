using System.Text;
using System.Xml;

namespace QualityGates.Reports;

/// <summary>
/// Makes free text (check messages, test names, warnings) safe for the report formats. Messages can
/// quote anything a test printed, so a control character or a lone surrogate must never make a
/// writer throw or produce a file a CI server refuses.
/// </summary>
internal static class ReportText
{
    /// <summary>"1 warning, 1 waived" followed by <paramref name="separator"/> for the counts lines; empty when no check warned or was waived.</summary>
    public static string WarnedAndWaived(Gates.QualityGateReport report, string separator)
    {
        var warned = report.Checks.Count(c => c.Status == Gates.GateStatus.Warning);
        var waived = report.Checks.Count(c => c.Status == Gates.GateStatus.Waived);
        return (warned > 0 ? $"{warned} warning{(warned == 1 ? string.Empty : "s")}{separator}" : string.Empty)
            + (waived > 0 ? $"{waived} waived{separator}" : string.Empty);
    }

    /// <summary>Removes every character XML 1.0 does not allow (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF; lone surrogates).</summary>
    public static string ForXml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsCleanXml(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Replaces lone surrogates with U+FFFD, which UTF-8 (and so JSON) cannot carry.</summary>
    public static string ForJson(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
                clean.Append('\uFFFD');
            }
            else
            {
                clean?.Append(c);
            }
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters, marking the cut with "…".</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never split a surrogate pair
        }

        return text[..cut] + "…";
    }

    private static bool IsCleanXml(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
