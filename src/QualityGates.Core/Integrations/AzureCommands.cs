using System.Text;
using QualityGates.Files;

namespace QualityGates.Integrations;

/// <summary>
/// Azure Pipelines logging commands (<c>##vso[area.action k=v;…]message</c>), escaped as
/// azure-pipelines-task-lib writes them and the agent decodes them: data escapes <c>%</c> (as
/// <c>%AZP25</c>), CR and LF; property values also <c>]</c> and <c>;</c>. The agent acts on the first
/// <c>##vso[</c> of a line only, and with line breaks escaped our command is the whole line.
/// </summary>
internal static class AzureCommands
{
    /// <summary>Escapes a command's message (the part after <c>]</c>).</summary>
    public static string EscapeData(string? text) => new StringBuilder(text ?? string.Empty)
        .Replace("%", "%AZP25")
        .Replace("\r", "%0D")
        .Replace("\n", "%0A")
        .ToString();

    /// <summary>Escapes a property value.</summary>
    public static string EscapeProperty(string? text) => new StringBuilder(EscapeData(text))
        .Replace("]", "%5D")
        .Replace(";", "%3B")
        .ToString();

    /// <summary><c>##vso[task.logissue type=error;code=…]message</c>: an error in the build's issue list.</summary>
    public static string LogError(string message, string? code = null) => LogIssue("error", message, code);

    /// <summary><c>##vso[task.logissue type=warning;code=…]message</c>: a warning in the build's issue list.</summary>
    public static string LogWarning(string message, string? code = null) => LogIssue("warning", message, code);

    private static string LogIssue(string type, string message, string? code) =>
        "##vso[task.logissue type=" + type + (string.IsNullOrEmpty(code) ? string.Empty : ";code=" + EscapeProperty(code)) + "]" + EscapeData(CommandText.ForCommandData(message));

    /// <summary><c>##vso[task.uploadsummary]path</c>: attaches a Markdown file to the build summary.</summary>
    public static string UploadSummary(string path) => "##vso[task.uploadsummary]" + EscapeData(path);

    /// <summary><c>##vso[task.logissue type=warning;sourcepath=…;linenumber=…;code=…]message</c>: a warning on a line of a source file (Azure has no end line).</summary>
    public static string LogWarningOnLine(string message, string code, string sourcePath, int line) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"##vso[task.logissue type=warning;sourcepath={EscapeProperty(sourcePath)};linenumber={line};columnnumber=1;code={EscapeProperty(code)}]{EscapeData(CommandText.ForCommandData(message))}");
}
