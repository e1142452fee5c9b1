namespace QualityGates.Registry.Postgres;

/// <summary>
/// Splits a libpq connection URI into libpq's own keywords, in order: <c>user</c>, <c>host</c>, <c>port</c>
/// and <c>dbname</c> from the URI's parts, then the query's parameters as given
/// (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS):
/// <c>postgresql://[user[:password]@][host][:port][,host[:port]...][/dbname][?name=value&amp;...]</c>.
/// Several hosts (<c>h1:5432,h2:5433</c>), IPv6 addresses in brackets and percent-encoded parts are
/// understood, which <see cref="Uri"/> cannot parse. A password is reported, never returned.
/// </summary>
internal static class LibpqUri
{
    /// <summary>The keywords and values of <paramref name="uri"/>; throws QG3023 (<paramref name="invalid"/>) when it is not a valid URI.</summary>
    public static List<(string Key, string Value)> Parse(string uri, Func<string, Exception> invalid)
    {
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = string.Empty;
        if (rest.IndexOf('?') is var q and >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var database = (string?)null;
        if (rest.IndexOf('/') is var slash and >= 0)
        {
            database = rest[(slash + 1)..];
            rest = rest[..slash];
        }

        var pairs = new List<(string Key, string Value)>();
        if (rest.LastIndexOf('@') is var at and >= 0)
        {
            var user = rest[..at];
            rest = rest[(at + 1)..];
            if (user.Contains(':', StringComparison.Ordinal))
            {
                throw invalid("it holds a password after the user name. Remove ':password', and set " + PostgresRegistrySetting.PasswordVariables + " instead, so it never appears in a command line or log");
            }

            if (user.Length > 0)
            {
                pairs.Add(("user", Decode(user, "the user name", invalid)));
            }
        }

        if (rest.Length > 0)
        {
            var hosts = new List<string>();
            var ports = new List<string>();
            foreach (var entry in rest.Split(','))
            {
                var (host, port) = SplitHostPort(entry, invalid);
                hosts.Add(Decode(host, "a host", invalid));
                ports.Add(port);
            }

            pairs.Add(("host", string.Join(',', hosts)));
            if (ports.Any(p => p.Length > 0))
            {
                pairs.Add(("port", string.Join(',', ports)));
            }
        }

        if (!string.IsNullOrEmpty(database))
        {
            pairs.Add(("dbname", Decode(database, "the database name", invalid)));
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals], "a parameter name", invalid);
            pairs.Add((key, equals < 0 ? string.Empty : Decode(pair[(equals + 1)..], $"the value of '{key}'", invalid)));
        }

        return pairs;
    }

    /// <summary>
    /// One host entry as libpq and Npgsql write it: <c>name</c>, <c>name:port</c>, <c>[v6]</c>, <c>[v6]:port</c>;
    /// a bare IPv6 address (more than one colon, no brackets) has no port.
    /// </summary>
    public static (string Host, string Port) SplitHostPort(string entry, Func<string, Exception> invalid)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']');
            if (close < 0 || (close + 1 < entry.Length && entry[close + 1] != ':'))
            {
                throw invalid("a host in brackets is not an IPv6 address followed by an optional ':port'");
            }

            return (entry[1..close], close + 1 < entry.Length ? entry[(close + 2)..] : string.Empty);
        }

        var colon = entry.IndexOf(':');
        return colon < 0 || entry.IndexOf(':', colon + 1) >= 0 ? (entry, string.Empty) : (entry[..colon], entry[(colon + 1)..]);
    }

    private static string Decode(string text, string what, Func<string, Exception> invalid)
    {
        var decoded = Uri.UnescapeDataString(text);
        return decoded.Any(char.IsControl) ? throw invalid($"{what} holds a control character") : decoded;
    }
}
