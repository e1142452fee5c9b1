using System.Globalization;
using Npgsql;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// Applies connection parameters, by libpq's names (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-PARAMKEYWORDS)
/// or Npgsql's, to an Npgsql connection string, with libpq's meaning: <c>sslmode=verify-full</c> is Npgsql's
/// <c>VerifyFull</c>, a root certificate with <c>sslmode=require</c> verifies the CA as libpq does, several
/// hosts with <c>target_session_attrs</c> choose a server. A parameter Npgsql cannot honour is refused
/// (QG3033), naming it, never dropped: dropping <c>sslcrl</c> or <c>ssl_min_protocol_version</c> would
/// connect with less protection than asked for. Names are compared without case, spaces or underscores.
/// </summary>
internal sealed class LibpqParameters
{
    private const int DefaultPort = 5432;

    // libpq parameters with no Npgsql counterpart, and why ignoring each would be wrong.
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["keepalivescount"] = "Npgsql cannot set the number of TCP keepalive probes",
        ["tcpusertimeout"] = "Npgsql cannot set TCP_USER_TIMEOUT",
        ["replication"] = "the registry needs an ordinary connection, not a replication one",
        ["sslcrl"] = "Npgsql cannot check a certificate revocation list file",
        ["sslcrldir"] = "Npgsql cannot check a certificate revocation list folder",
        ["requirepeer"] = "Npgsql cannot check the server process's user on a Unix socket",
        ["sslminprotocolversion"] = "Npgsql cannot limit the TLS versions (the operating system chooses them)",
        ["sslmaxprotocolversion"] = "Npgsql cannot limit the TLS versions (the operating system chooses them)",
        ["minprotocolversion"] = "Npgsql cannot choose the protocol version",
        ["maxprotocolversion"] = "Npgsql cannot choose the protocol version",
        ["service"] = "Npgsql does not read pg_service.conf; give the service's parameters instead",
        ["sslkeylogfile"] = "Npgsql cannot write TLS key logs",
        ["oauthissuer"] = "Npgsql has no OAuth login",
        ["oauthclientid"] = "Npgsql has no OAuth login",
        ["oauthscope"] = "Npgsql has no OAuth login",
        ["scramclientkey"] = "Npgsql cannot log in with SCRAM keys",
        ["scramserverkey"] = "Npgsql cannot log in with SCRAM keys",
    };

    // libpq parameters whose default Npgsql always has; any other value cannot be honoured.
    private static readonly Dictionary<string, (string Value, string Why)> OnlyDefault = new(StringComparer.Ordinal)
    {
        ["sslcompression"] = ("0", "Npgsql never compresses TLS"),
        ["sslsni"] = ("1", "Npgsql always sends the host name (SNI)"),
        ["sslcertmode"] = ("allow", "Npgsql cannot require or forbid its client certificate"),
        ["gsslib"] = ("gssapi", "Npgsql uses GSSAPI"),
        ["gssdelegation"] = ("0", "Npgsql does not delegate credentials"),
    };

    private static readonly string[] SessionAttributes = ["any", "read-write", "read-only", "primary", "standby", "prefer-standby", "prefer-primary"];

    private readonly NpgsqlConnectionStringBuilder _builder = new();
    private readonly Func<string, string?> _environment;
    private List<string> _hosts = [];
    private List<string> _ports = [];
    private string? _hostaddr;
    private string? _fallbackApplicationName;
    private string? _rootCertificate;
    private string? _sessionAttributes;
    private SslMode? _sslMode;

    public LibpqParameters(Func<string, string?> environment) => _environment = environment;

    /// <summary>Applies one parameter; QG3023 for a bad value or a secret, QG3033 for one that cannot be honoured.</summary>
    public void Set(string key, string value)
    {
        var name = key.Trim();
        var id = new string(name.Where(c => c is not (' ' or '_')).ToArray()).ToLowerInvariant();
        if (id is "password" or "pwd" or "psw")
        {
            throw PostgresRegistrySetting.Invalid($"it holds a password parameter ('{name}'). Remove it, and set {PostgresRegistrySetting.PasswordVariables} instead, so it never appears in a command line or log");
        }

        if (id is "sslpassword" or "oauthclientsecret")
        {
            throw PostgresRegistrySetting.Invalid($"it holds a secret ('{name}'), which would appear in command lines and logs. Remove it (use a key file that needs no passphrase, readable only by the agent's user)");
        }

        if (Unsupported.TryGetValue(id, out var why))
        {
            throw LibpqValues.CannotHonour(name, why);
        }

        if (OnlyDefault.TryGetValue(id, out var only))
        {
            // The one value Npgsql always has is fine; any other is not.
            if (!string.Equals(value.Trim(), only.Value, StringComparison.OrdinalIgnoreCase))
            {
                throw LibpqValues.CannotHonour($"{name}={value.Trim()}", only.Why);
            }

            return;
        }

        switch (id)
        {
            case "host" or "server":
                _hosts = [.. value.Split(',').Select(h => h.Trim())];
                return;
            case "hostaddr":
                _hostaddr = value.Trim();
                return;
            case "port":
                _ports = [.. value.Split(',').Select(p => p.Trim())];
                return;
            case "dbname" or "database" or "db":
                _builder.Database = value;
                return;
            case "user" or "username" or "userid" or "uid":
                _builder.Username = value;
                return;
            case "connecttimeout":
                _builder.Timeout = LibpqValues.ConnectTimeout(name, value);
                return;
            case "fallbackapplicationname":
                _fallbackApplicationName = value;
                return;
            case "sslmode":
                _sslMode = LibpqValues.SslModeOf(name, value);
                return;
            case "requiressl":
                _sslMode ??= LibpqValues.Flag(name, value) ? SslMode.Require : SslMode.Prefer;
                return;
            case "sslrootcert" or "rootcertificate":
                _rootCertificate = value.Trim();
                return;
            case "sslcert" or "sslcertificate":
                Apply("SSL Certificate", LibpqValues.ExistingFile(name, value));
                return;
            case "sslkey":
                Apply("SSL Key", LibpqValues.ExistingFile(name, value));
                return;
            case "targetsessionattrs" or "targetsessionattributes":
                _sessionAttributes = SessionAttributes.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw LibpqValues.ValueNotValid(name, string.Join(", ", SessionAttributes));
                return;
            case "keepalives":
                _builder.TcpKeepAlive = LibpqValues.Flag(name, value);
                return;
            case "keepalivesidle" or "tcpkeepalivetime":
                _builder.TcpKeepAliveTime = LibpqValues.Number(name, value, 0);
                return;
            case "keepalivesinterval" or "tcpkeepaliveinterval":
                _builder.TcpKeepAliveInterval = LibpqValues.Number(name, value, 0);
                return;
            case "loadbalancehosts":
                _builder.LoadBalanceHosts = value.Trim().ToLowerInvariant() switch
                {
                    "random" or "true" => true,
                    "disable" or "false" => false,
                    _ => throw LibpqValues.ValueNotValid(name, "disable or random"),
                };
                return;
            case "requireauth":
                Apply("Require Auth", LibpqValues.RequireAuth(name, value), name);
                return;
            case "gssencmode":
                Apply("GSS Encryption Mode", value, name);
                return;
            default:
                // Npgsql's own names, and libpq's that are the same words (application_name, channel_binding, client_encoding, options, passfile, ...).
                Apply(name.Replace('_', ' '), value, name);
                return;
        }
    }

    /// <summary>The finished connection string, and the session attributes the tool must check itself (one host).</summary>
    public (NpgsqlConnectionStringBuilder Builder, string? CheckSessionAttributes) Finish()
    {
        if (_hostaddr is not null)
        {
            _hosts = _hosts.Count == 0 ? [_hostaddr] : throw LibpqValues.CannotHonour("hostaddr", "with 'host' as well, Npgsql cannot connect to one address while checking the certificate and password file against another name (give 'host' alone)");
        }

        var hosts = Hosts();
        if (hosts.Count == 1)
        {
            _builder.Host = hosts[0].Host;
            _builder.Port = hosts[0].Port;
        }
        else
        {
            _builder.Host = string.Join(',', hosts.Select(h => (h.Host.Contains(':', StringComparison.Ordinal) ? $"[{h.Host}]" : h.Host) + ":" + h.Port.ToString(CultureInfo.InvariantCulture)));
        }

        if (string.IsNullOrEmpty(_builder.ApplicationName))
        {
            _builder.ApplicationName = string.IsNullOrWhiteSpace(_fallbackApplicationName) ? "qualitygates" : _fallbackApplicationName;
        }

        ApplySsl();

        // Npgsql chooses among several hosts itself; with one host it refuses the setting, so the tool checks the server.
        var check = _sessionAttributes;
        if (hosts.Count > 1 && _sessionAttributes is not null)
        {
            _builder.TargetSessionAttributes = _sessionAttributes;
            check = null;
        }

        return (_builder, check is "any" or "prefer-standby" or "prefer-primary" ? null : check);
    }

    private List<(string Host, int Port)> Hosts()
    {
        if (_hosts.Count == 0 || _hosts.All(h => h.Length == 0))
        {
            throw PostgresRegistrySetting.Invalid("it names no host");
        }

        if (_ports.Count > 1 && _ports.Count != _hosts.Count)
        {
            throw PostgresRegistrySetting.Invalid($"it gives {_ports.Count} ports for {_hosts.Count} hosts (give one port, or one per host)");
        }

        return _hosts.Select((entry, i) =>
        {
            var (host, embedded) = LibpqUri.SplitHostPort(entry, PostgresRegistrySetting.Invalid);
            var port = embedded.Length > 0 ? embedded : _ports.Count == 0 ? string.Empty : _ports[_ports.Count == 1 ? 0 : i];
            return host.Length == 0
                ? throw PostgresRegistrySetting.Invalid("one of its hosts is empty")
                : (host, port.Length == 0 ? DefaultPort : LibpqValues.Number("port", port, 1, 65535));
        }).ToList();
    }

    // libpq: a root certificate turns sslmode=require into verify-ca; sslrootcert=system means the
    // system's CAs and needs verify-full (https://www.postgresql.org/docs/current/libpq-ssl.html).
    private void ApplySsl()
    {
        if (string.Equals(_rootCertificate, "system", StringComparison.Ordinal))
        {
            if (_sslMode is { } weak && weak != SslMode.VerifyFull)
            {
                throw PostgresRegistrySetting.Invalid($"sslrootcert=system needs sslmode=verify-full (libpq refuses the weaker '{weak}' with it too)");
            }

            // Npgsql has no "system" value: it uses the system's CAs when no root certificate is named, unless one of these names one.
            if (_environment("PGSSLROOTCERT") is { Length: > 0 } || File.Exists(DefaultRootCertificate()))
            {
                throw LibpqValues.CannotHonour("sslrootcert=system", $"Npgsql would use PGSSLROOTCERT or {DefaultRootCertificate()} instead of the system's CAs here (name the CA file in sslrootcert)");
            }

            _sslMode = SslMode.VerifyFull;
        }
        else if (_rootCertificate is not null)
        {
            Apply("Root Certificate", LibpqValues.ExistingFile("sslrootcert", _rootCertificate));
            if (_sslMode == SslMode.Require)
            {
                _sslMode = SslMode.VerifyCA;
            }
        }

        if (_sslMode is { } mode)
        {
            _builder.SslMode = mode;
        }
    }

    private static string DefaultRootCertificate() => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "postgresql", "root.crt")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".postgresql", "root.crt");

    private void Apply(string key, string value, string? shown = null)
    {
        try
        {
            _builder[key] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw PostgresRegistrySetting.Invalid($"its key '{shown ?? key}' is not one Npgsql knows, or its value is not valid");
        }
    }
}
