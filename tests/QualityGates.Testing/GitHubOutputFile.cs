namespace QualityGates.Testing;

/// <summary>
/// Reads a $GITHUB_OUTPUT file the way the runner does: name=value lines and name&lt;&lt;DELIMITER blocks.
/// A malformed file throws <see cref="InvalidDataException"/>, which fails the calling test.
/// </summary>
public static class GitHubOutputFile
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>();
        var lines = File.ReadAllText(path).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var eq = line.IndexOf('=');
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (eq >= 0 && (heredoc < 0 || eq < heredoc))
            {
                values[line[..eq]] = line[(eq + 1)..];
                continue;
            }

            if (heredoc <= 0)
            {
                throw new InvalidDataException($"Line {i + 1} is neither name=value nor name<<DELIMITER: {line}");
            }

            var name = line[..heredoc];
            var delimiter = line[(heredoc + 2)..];
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i] != delimiter; i++)
            {
                body.Add(lines[i]);
            }

            if (i == lines.Length)
            {
                throw new InvalidDataException($"The value of {name} has no closing delimiter.");
            }

            values[name] = string.Join("\n", body);
        }

        return values;
    }
}
