using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using QualityGates.Errors;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// A registry setting that names a PostgreSQL database: a <c>postgresql://</c> or <c>postgres://</c> URI
/// (libpq's form: <c>postgresql://user@host:port/database?sslmode=verify-full</c>, several hosts as
/// <c>h1:5432,h2:5433</c>) or an Npgsql key=value connection string naming <c>Host</c>
/// (<c>Host=db;Database=qualitygates;Username=ci</c>). Both take libpq's parameter names and values
/// (<see cref="LibpqParameters"/>). The password never comes from the setting, which ends up in logs and
/// command lines: a setting that holds one is refused (QG3023) without being echoed, and the password is
/// read from <c>QUALITYGATES_REGISTRY_PASSWORD</c>, else <c>PGPASSWORD</c> (else Npgsql's <c>~/.pgpass</c> lookup).
/// </summary>
/// <param name="ConnectionString">The Npgsql connection string, with the password from the environment.</param>
/// <param name="Location">The database as logs show it: <c>postgresql://user@host:port/database</c>.</param>
/// <param name="Server">The server(s) as <c>host:port[,host:port...]</c>.</param>
internal sealed partial record PostgresRegistrySetting(string ConnectionString, string Location, string Server)
{
    public const string PasswordVariable = "QUALITYGATES_REGISTRY_PASSWORD";
    public const string StandardPasswordVariable = "PGPASSWORD";
    public const string PasswordVariables = PasswordVariable + " (or " + StandardPasswordVariable + ")";

    // The longest a statement waits for a lock before the registry names the cause (QG3032).
    private static readonly TimeSpan MaxLockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>libpq's <c>target_session_attrs</c> for a single host, which the tool checks itself after connecting (Npgsql only chooses among several hosts).</summary>
    public string? SessionAttributes { get; init; }

    /// <summary>How long a statement waits for a lock another session holds: below the command timeout, so the cause can be named.</summary>
    public TimeSpan LockTimeout { get; init; } = MaxLockTimeout;

    /// <summary>How long a refused or dropped connection is tried again (a restart or failover): the connect timeout, or a minute when that is unlimited.</summary>
    public TimeSpan ReconnectWindow { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>True when <paramref name="setting"/> names a database rather than a folder.</summary>
    public static bool Matches(string? setting) =>
        setting is not null && (UriPrefix().IsMatch(setting) || HostKey().IsMatch(setting));

    /// <summary>The Npgsql connection string (with the password from the environment) and the location to show.</summary>
    /// <exception cref="QualityGatesException">QG3023 when the setting is not valid or holds a password; QG3033 when it asks for what cannot be honoured.</exception>
    public static PostgresRegistrySetting Parse(string setting, Func<string, string?> environment)
    {
        var text = setting.Trim();
        var parameters = new LibpqParameters(environment);
        foreach (var (key, value) in UriPrefix().IsMatch(text) ? LibpqUri.Parse(text, Invalid) : KeyValuePairs(text))
        {
            parameters.Set(key, value);
        }

        var (builder, sessionAttributes) = parameters.Finish();
        var location = Display(builder);
        if (Password(environment) is { } password)
        {
            builder.Password = password;
        }

        return new PostgresRegistrySetting(builder.ConnectionString, location, Servers(builder))
        {
            SessionAttributes = sessionAttributes,
            LockTimeout = builder.CommandTimeout > 0 && TimeSpan.FromSeconds(builder.CommandTimeout) / 2 < MaxLockTimeout ? TimeSpan.FromSeconds(builder.CommandTimeout) / 2 : MaxLockTimeout,
            ReconnectWindow = TimeSpan.FromSeconds(builder.Timeout > 0 ? builder.Timeout : 60),
        };
    }

    internal static QualityGatesException Invalid(string problem) =>
        new(ErrorCodes.RegistryConnectionStringInvalid, $"The registry connection string cannot be used: {problem}.");

    private static string? Password(Func<string, string?> environment) =>
        new[] { PasswordVariable, StandardPasswordVariable }.Select(environment).FirstOrDefault(p => !string.IsNullOrEmpty(p));

    private static IEnumerable<(string Key, string Value)> KeyValuePairs(string setting)
    {
        // Split with the framework's parser (quoting rules), then set key by key, so an error names the key, never a value.
        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = setting;
        }
        catch (ArgumentException)
        {
            throw Invalid("it is not a valid key=value connection string");
        }

        return pairs.Keys.Cast<string>().Select(key => (key, Convert.ToString(pairs[key], CultureInfo.InvariantCulture) ?? string.Empty)).ToList();
    }

    /// <summary>Each host with its port: <c>db:5432</c>, <c>[::1]:5433</c>; Npgsql keeps several hosts' ports in <c>Host</c>.</summary>
    private static IEnumerable<string> HostPorts(NpgsqlConnectionStringBuilder builder) => builder.Host!.Contains(',', StringComparison.Ordinal)
        ? builder.Host.Split(',')
        : [(builder.Host.Contains(':', StringComparison.Ordinal) ? $"[{builder.Host}]" : builder.Host) + ":" + builder.Port.ToString(CultureInfo.InvariantCulture)];

    private static string Servers(NpgsqlConnectionStringBuilder builder) => string.Join(',', HostPorts(builder));

    private static string Display(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : Uri.EscapeDataString(builder.Username) + "@";
        var hosts = string.Join(',', HostPorts(builder).Select(h => h.Replace("/", "%2F", StringComparison.Ordinal)));
        return $"postgresql://{user}{hosts}/{Uri.EscapeDataString(builder.Database ?? string.Empty)}";
    }

    [GeneratedRegex(@"^\s*postgres(ql)?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriPrefix();

    // A key=value string naming its server: "Host=db;Database=qg", "Server = db; ...".
    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostKey();
}
