using System.Globalization;
using System.Text;

namespace QualityGates.Errors;

/// <summary>
/// Text that came from an input (a file name, a test name, a model name, a waiver's reason): how much of
/// it a message repeats (<see cref="Cap"/>), and which of its characters hide, reorder or control other
/// text (<see cref="IsHidden"/>), which readers refuse in names and every printer escapes.
/// </summary>
internal static class UntrustedText
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

    /// <summary>True for a bidi control, zero-width or other format character, or a line or paragraph separator: text that reorders or hides other text.</summary>
    public static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>True for a character a console printer shows as an escape rather than as itself.</summary>
    public static bool IsHidden(char c) =>
        char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// True when <paramref name="text"/> holds a control, format (bidi override or isolate, zero-width,
    /// BOM, tag) or line/paragraph separator character, or a lone surrogate: what a console printer escapes.
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

    /// <summary>Appends <paramref name="c"/> as the escape <c>\uXXXX</c>, visible text that shows what it holds.</summary>
    public static void AppendEscape(StringBuilder text, char c) =>
        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
}
