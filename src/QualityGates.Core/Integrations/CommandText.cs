using System.Text;
using QualityGates.Errors;

namespace QualityGates.Integrations;

/// <summary>The text of the tool's own CI workflow and logging commands (<see cref="GitHubCommands"/>, <see cref="AzureCommands"/>).</summary>
internal static class CommandText
{
    /// <summary>
    /// The message of one of the tool's own workflow or logging commands: line breaks and tabs are
    /// kept for the command's own escaping (the runner and agent decode them back, an annotation may
    /// span lines), every other control, format or separator character is shown as <c>\uXXXX</c>.
    /// </summary>
    public static string ForCommandData(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(c => UntrustedText.IsHidden(c) && c is not ('\r' or '\n' or '\t')))
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
            else if (UntrustedText.IsHidden(c) && c is not ('\r' or '\n' or '\t'))
            {
                UntrustedText.AppendEscape(safe, c);
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }
}
