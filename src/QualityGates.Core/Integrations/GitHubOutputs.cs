using System.Security.Cryptography;

namespace QualityGates.Integrations;

/// <summary>
/// Lines for the <c>$GITHUB_OUTPUT</c> file. A value that could hold a line break (any path) is
/// written in the heredoc form <c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c> with a random
/// delimiter, so no value can end early or add outputs of its own.
/// </summary>
internal static class GitHubOutputs
{
    /// <summary><c>name=value</c> for a value known to be one safe line (a number, true/false).</summary>
    public static string Simple(string name, string value)
    {
        if (value.Contains('\n') || value.Contains('\r'))
        {
            throw new ArgumentException("A simple output value must be one line; use Multiline.", nameof(value));
        }

        return name + "=" + value + "\n";
    }

    /// <summary>The heredoc form, for any value.</summary>
    public static string Multiline(string name, string value)
    {
        string delimiter;
        do
        {
            delimiter = "ghadelimiter_" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        }
        while (value.Contains(delimiter, StringComparison.Ordinal));

        return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
    }
}
