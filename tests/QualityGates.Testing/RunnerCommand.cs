namespace QualityGates.Testing;

/// <summary>
/// A workflow command as GitHub's runner reads it from one log line (actions/runner ActionCommand
/// TryParseV2): the line, trimmed at the start, must begin with "::"; the command info ends at the
/// next "::"; properties split on ',' then at the first '='; values and data are unescaped in the
/// runner's order. Any command name is accepted here, so a test sees every injection attempt.
/// </summary>
public sealed record RunnerCommand(string Name, IReadOnlyDictionary<string, string> Properties, string Data)
{
    public static RunnerCommand? Parse(string line)
    {
        var message = line.TrimStart();
        if (!message.StartsWith("::", StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var info = message[2..end];
        var space = info.IndexOf(' ');
        var name = space < 0 ? info : info[..space];
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var pair in info[(space + 1)..].Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2)
                {
                    properties[parts[0]] = UnescapeProperty(parts[1]);
                }
            }
        }

        return new RunnerCommand(name, properties, UnescapeData(message[(end + 2)..]));
    }

    /// <summary>Every command in <paramref name="log"/>, one per line at most.</summary>
    public static IReadOnlyList<RunnerCommand> All(string log) =>
        log.Split('\n').Select(l => Parse(l.TrimEnd('\r'))).OfType<RunnerCommand>().ToList();

    private static string UnescapeData(string text) => text.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");

    private static string UnescapeProperty(string text) =>
        text.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%3A", ":").Replace("%2C", ",").Replace("%25", "%");
}
