using System.Globalization;
using System.Text;
using QualityGates.Errors;

namespace QualityGates.Reports;

/// <summary>
/// Makes text that came from an input (a file name, a test name, a scan's tool name, a webhook's
/// reason phrase) safe to print in a terminal or CI log. Every adapter (the CLI, the MSBuild tasks,
/// the test-platform extension) prints input text only through <see cref="Neutralise"/>:
/// <list type="bullet">
/// <item>control characters (C0, DEL, C1: ESC, backspace, NUL, CR, LF), line and paragraph
/// separators, format characters (bidi overrides and isolates, zero-width characters, BOM) and lone
/// surrogates are shown as <c>\uXXXX</c>, so the text stays on its line and shows what it holds;</item>
/// <item><c>##vso[</c> and <c>##[</c> anywhere (Azure Pipelines acts on <c>##vso[</c> anywhere in a
/// line; its <c>##[group]</c> formatting and the GitHub runner's legacy <c>##[command]</c> form too)
/// and <c>::</c> at the start after blanks (GitHub Actions workflow commands, which the runner reads
/// after trimming leading white space) get their first character shown as <c>\u0023</c> or <c>\u003A</c>.</item>
/// </list>
/// The tool's own workflow and logging commands are written by <c>GitHubCommands</c> and
/// <c>AzureCommands</c> and never pass through here. Why: docs/hostile-environments.md.
/// </summary>
internal static class ConsoleText
{
    /// <summary>The text as one line that no terminal or CI agent interprets; null becomes empty.</summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsPlain(text))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
                {
                    safe.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}"); // tag characters
                }
                else
                {
                    safe.Append(c).Append(text[i + 1]);
                }

                i++;
                lineStart = false;
                continue;
            }

            if (UntrustedText.IsHidden(c))
            {
                UntrustedText.AppendEscape(safe, c);
                continue; // an escaped character is visible text, but a command after it is still defused below
            }

            if ((c == '#' && StartsCommand(text, i)) || (c == ':' && lineStart && i + 1 < text.Length && text[i + 1] == ':'))
            {
                UntrustedText.AppendEscape(safe, c);
            }
            else
            {
                safe.Append(c);
            }

            lineStart &= c is ' ' or '\t';
        }

        return safe.ToString();
    }

    /// <summary>
    /// Makes JSON text (a report or record printed with <c>--json</c>) safe for a CI log without
    /// changing what it parses to: the JSON writer already escapes control characters in strings, so
    /// the line breaks left are structure; format and separator characters and the <c>#</c> that
    /// starts <c>##vso[</c> or <c>##[</c> (which can only be inside strings) become <c>\uXXXX</c> escapes.
    /// </summary>
    public static string NeutraliseJson(string json)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            var escape = UntrustedText.IsInvisible(c) || (c == '#' && StartsCommand(json, i));
            if (escape)
            {
                safe ??= new StringBuilder(json, 0, i, json.Length + 16);
                UntrustedText.AppendEscape(safe, c);
            }
            else
            {
                safe?.Append(c);
            }
        }

        return safe?.ToString() ?? json;
    }

    private static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c > '~' || c is '#' or ':')
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsCommand(string text, int i) =>
        string.Compare(text, i, "##vso[", 0, 6, StringComparison.OrdinalIgnoreCase) == 0
        || string.Compare(text, i, "##[", 0, 3, StringComparison.Ordinal) == 0;
}
