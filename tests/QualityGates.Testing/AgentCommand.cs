namespace QualityGates.Testing;

/// <summary>
/// A logging command as the Azure Pipelines agent reads it from one log line: the first "##vso["
/// anywhere in the line, the command info up to the first ']' after it, properties split on ';' then
/// at the first '='; values and data unescaped with the agent's mapping (%AZP25 last).
/// </summary>
public sealed record AgentCommand(string Name, IReadOnlyDictionary<string, string> Properties, string Data)
{
    private const string Prefix = "##vso[";

    public static AgentCommand? Parse(string line)
    {
        var start = line.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = line.IndexOf(']', start);
        if (end < 0)
        {
            return null;
        }

        var info = line[(start + Prefix.Length)..end];
        var space = info.IndexOf(' ');
        var name = space < 0 ? info : info[..space];
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var pair in info[(space + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                if (eq > 0)
                {
                    properties[pair[..eq].Trim()] = Unescape(pair[(eq + 1)..]);
                }
            }
        }

        return new AgentCommand(name, properties, Unescape(line[(end + 1)..]));
    }

    public static IReadOnlyList<AgentCommand> All(string log) =>
        log.Split('\n').Select(l => Parse(l.TrimEnd('\r'))).OfType<AgentCommand>().ToList();

    private static string Unescape(string text) =>
        text.Replace("%3B", ";").Replace("%0D", "\r").Replace("%0A", "\n").Replace("%5D", "]").Replace("%AZP25", "%");
}
