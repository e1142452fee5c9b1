using System.Globalization;
using System.Text;

namespace QualityGates.Files;

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
public static class ConsoleText
{
    /// <summary>The most characters of one input value that a message or report repeats (a model name, a waiver's reason).</summary>
    public const int MaxEchoedValue = 1000;

    /// <summary>The most characters of one message (an error, a warning, a check's result): the backstop for any value no reader capped.</summary>
    public const int MaxMessage = 16 * 1024;

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="max"/> characters; else its start and a
    /// marker that says it was cut and how long it was, so a megabyte in an input never becomes a
    /// megabyte in every message and report. A surrogate pair is never split.
    /// </summary>
    public static string Cap(string text, int max = MaxEchoedValue)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, cut)}… [cut: {text.Length} characters in all]");
    }

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

            if (IsHidden(c))
            {
                Escape(safe, c);
                continue; // an escaped character is visible text, but a command after it is still defused below
            }

            if ((c == '#' && StartsCommand(text, i)) || (c == ':' && lineStart && i + 1 < text.Length && text[i + 1] == ':'))
            {
                Escape(safe, c);
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
            var escape = IsInvisible(c) || (c == '#' && StartsCommand(json, i));
            if (escape)
            {
                safe ??= new StringBuilder(json, 0, i, json.Length + 16);
                Escape(safe, c);
            }
            else
            {
                safe?.Append(c);
            }
        }

        return safe?.ToString() ?? json;
    }

    /// <summary>
    /// The message of one of the tool's own workflow or logging commands: line breaks and tabs are
    /// kept for the command's own escaping (the runner and agent decode them back, an annotation may
    /// span lines), every other control, format or separator character is shown as <c>\uXXXX</c>.
    /// </summary>
    public static string ForCommandData(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(c => IsHidden(c) && c is not ('\r' or '\n' or '\t')))
        {
            return text ?? string.Empty;
        }

        var safe = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (IsHidden(c) && c is not ('\r' or '\n' or '\t'))
            {
                Escape(safe, c);
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }

    /// <summary>True for a bidi control, zero-width or other format character, or a line or paragraph separator: text that reorders or hides other text.</summary>
    public static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>True for a character <see cref="Neutralise"/> shows as an escape rather than as itself.</summary>
    public static bool IsHidden(char c) =>
        char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// True when <paramref name="text"/> holds a control, format (bidi override or isolate, zero-width,
    /// BOM, tag) or line/paragraph separator character, or a lone surrogate: what <see cref="Neutralise"/> escapes.
    /// </summary>
    public static bool HasHidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (Rune.GetUnicodeCategory(new Rune(text[i], text[++i])) == UnicodeCategory.Format)
                {
                    return true;
                }
            }
            else if (IsHidden(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first character <see cref="HasHidden"/> finds, as <c>U+XXXX</c>, for messages; null when none.</summary>
    public static string? FirstHidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var isPair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var value = isPair ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (isPair ? Rune.GetUnicodeCategory(new Rune(value)) == UnicodeCategory.Format : IsHidden(text[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"U+{value:X4}");
            }

            i += isPair ? 1 : 0;
        }

        return null;
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

    private static void Escape(StringBuilder safe, char c) =>
        safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
}
