using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using QualityGates.Errors;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// A registry setting that names a PostgreSQL database: a <c>postgresql://</c> or <c>postgres://</c> URI
/// (libpq's form: <c>postgresql://user@host:port/database?sslmode=require</c>) or an Npgsql key=value
/// connection string naming <c>Host</c> (<c>Host=db;Database=qualitygates;Username=ci</c>). The password
/// never comes from the setting, which ends up in logs and command lines: a setting that holds one is
/// refused (QG3023) without being echoed, and the password is read from
/// <c>QUALITYGATES_REGISTRY_PASSWORD</c>, else <c>PGPASSWORD</c> (else Npgsql's <c>~/.pgpass</c> lookup).
/// </summary>
internal sealed partial record PostgresRegistrySetting(string ConnectionString, string Location, string Server)
{
    public const string PasswordVariable = "QUALITYGATES_REGISTRY_PASSWORD";
    public const string StandardPasswordVariable = "PGPASSWORD";

    // libpq's URI parameters that Npgsql names differently (https://www.postgresql.org/docs/current/libpq-connect.html).
    private static readonly Dictionary<string, string> UriParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["user"] = "Username",
        ["dbname"] = "Database",
        ["port"] = "Port",
        ["host"] = "Host",
    };

    /// <summary>True when <paramref name="setting"/> names a database rather than a folder.</summary>
    public static bool Matches(string? setting) =>
        setting is not null && (UriPrefix().IsMatch(setting) || HostKey().IsMatch(setting));

    /// <summary>The Npgsql connection string (with the password from the environment) and the location to show.</summary>
    /// <exception cref="QualityGatesException">QG3023 when the setting is not valid or holds a password.</exception>
    public static PostgresRegistrySetting Parse(string setting, Func<string, string?> environment)
    {
        var builder = UriPrefix().IsMatch(setting) ? FromUri(setting.Trim()) : FromKeyValue(setting.Trim());
        if (!string.IsNullOrEmpty(builder.Password))
        {
            throw Invalid($"it holds a password. Remove it, and set {PasswordVariable} (or {StandardPasswordVariable}) instead, so it never appears in a command line or log");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw Invalid("it names no host");
        }

        builder.ApplicationName ??= "qualitygates";
        var location = Display(builder);
        if (Password(environment) is { } password)
        {
            builder.Password = password;
        }

        return new PostgresRegistrySetting(builder.ConnectionString, location, $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string? Password(Func<string, string?> environment) =>
        new[] { PasswordVariable, StandardPasswordVariable }.Select(environment).FirstOrDefault(p => !string.IsNullOrEmpty(p));

    private static NpgsqlConnectionStringBuilder FromUri(string setting)
    {
        if (!Uri.TryCreate(setting, UriKind.Absolute, out var uri))
        {
            throw Invalid("it is not a valid postgresql:// URI");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var user = uri.UserInfo.Split(':', 2);
        if (user.Length == 2)
        {
            throw Invalid($"it holds a password after the user name. Remove ':password', and set {PasswordVariable} (or {StandardPasswordVariable}) instead, so it never appears in a command line or log");
        }

        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        builder.Host = uri.IdnHost.Length > 0 ? uri.IdnHost : null;
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (Uri.UnescapeDataString(pair), string.Empty);
            Set(builder, UriParameters.GetValueOrDefault(key, key), value);
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromKeyValue(string setting)
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

        var builder = new NpgsqlConnectionStringBuilder();
        foreach (string key in pairs.Keys)
        {
            Set(builder, key, Convert.ToString(pairs[key], CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return builder;
    }

    private static void Set(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        if (key.Trim().ToLowerInvariant() is "password" or "pwd" or "psw")
        {
            throw Invalid($"it holds a password parameter. Remove it, and set {PasswordVariable} (or {StandardPasswordVariable}) instead");
        }

        try
        {
            builder[key] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw Invalid($"its key '{key}' is not one Npgsql knows, or its value is not valid");
        }
    }

    private static string Display(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : Uri.EscapeDataString(builder.Username) + "@";
        var host = builder.Host!.Contains(':', StringComparison.Ordinal) && !builder.Host.StartsWith('[') ? $"[{builder.Host}]" : builder.Host;
        return $"postgresql://{user}{host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(builder.Database ?? string.Empty)}";
    }

    private static QualityGatesException Invalid(string problem) =>
        new(ErrorCodes.RegistryConnectionStringInvalid, $"The registry connection string cannot be used: {problem}.");

    [GeneratedRegex(@"^\s*postgres(ql)?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriPrefix();

    // A key=value string naming its server: "Host=db;Database=qg", "Server = db; ...".
    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostKey();
}
