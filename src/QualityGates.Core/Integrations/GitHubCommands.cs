using System.Text;
using QualityGates.Files;

namespace QualityGates.Integrations;

/// <summary>
/// GitHub Actions workflow commands (<c>::error …::message</c>), escaped exactly as the runner
/// decodes them (actions/runner ActionCommand): data escapes <c>%</c>, CR and LF; property values
/// also <c>:</c> and <c>,</c>. With line breaks escaped a command is always one line, so text in a
/// message (<c>::set-output</c> after a newline, a literal <c>%0A</c>) can never start a command of its own.
/// </summary>
internal static class GitHubCommands
{
    /// <summary>Escapes a command's message (the part after the second <c>::</c>).</summary>
    public static string EscapeData(string? text) => new StringBuilder(text ?? string.Empty)
        .Replace("%", "%25")
        .Replace("\r", "%0D")
        .Replace("\n", "%0A")
        .ToString();

    /// <summary>Escapes a property value (<c>title=…</c>, <c>file=…</c>).</summary>
    public static string EscapeProperty(string? text) => new StringBuilder(EscapeData(text))
        .Replace(":", "%3A")
        .Replace(",", "%2C")
        .ToString();

    /// <summary><c>::error title=…,file=…,line=…::message</c>; a null file or line is left out.</summary>
    public static string Error(string message, string? title = null, string? file = null, int? line = null) =>
        Command("error", message, title, file, line);

    /// <summary><c>::warning title=…,file=…,line=…::message</c>: a warning annotation (a check in its warning band, a waived failure).</summary>
    public static string Warning(string message, string? title = null, string? file = null, int? line = null) =>
        Command("warning", message, title, file, line);

    private static string Command(string command, string message, string? title, string? file, int? line)
    {
        var properties = new List<string>();
        if (!string.IsNullOrEmpty(title))
        {
            properties.Add("title=" + EscapeProperty(CommandText.ForCommandData(title)));
        }

        if (!string.IsNullOrEmpty(file))
        {
            properties.Add("file=" + EscapeProperty(file));
            if (line is > 0)
            {
                properties.Add("line=" + line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var head = properties.Count == 0 ? "::" + command : $"::{command} " + string.Join(",", properties);
        return head + "::" + EscapeData(CommandText.ForCommandData(message));
    }

    /// <summary><c>::warning file=…,line=…,endLine=…,title=…::message</c>: a warning annotation on a range of lines of a repository file.</summary>
    public static string WarningOnLines(string message, string title, string file, int line, int endLine) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"::warning file={EscapeProperty(file)},line={line},endLine={endLine},title={EscapeProperty(CommandText.ForCommandData(title))}::{EscapeData(CommandText.ForCommandData(message))}");
}
