using System.Globalization;
using Npgsql;
using QualityGates.Errors;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// libpq's parameter values in Npgsql's terms (<see cref="LibpqParameters"/>), and the coded errors for
/// values that are not valid (QG3023, naming the key, never echoing a value that could be a secret) or
/// that cannot be honoured (QG3033).
/// </summary>
internal static class LibpqValues
{
    public static SslMode SslModeOf(string name, string value) => value.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verifyca" => SslMode.VerifyCA,
        "verifyfull" => SslMode.VerifyFull,
        _ => throw ValueNotValid(name, "disable, allow, prefer, require, verify-ca or verify-full"),
    };

    // libpq: 0 or less waits for ever (Npgsql: 0); 1 is taken as 2. Npgsql waits at most 1024 s.
    public static int ConnectTimeout(string name, string value)
    {
        var seconds = int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw ValueNotValid(name, "a whole number of seconds");
        return seconds switch
        {
            <= 0 => 0,
            1 => 2,
            > 1024 => throw CannotHonour($"{name}={seconds}", "Npgsql waits at most 1024 s for a connection (give 1024 or less, or 0 to wait for ever)"),
            _ => seconds,
        };
    }

    // libpq's method names (password, md5, gss, sspi, scram-sha-256, none, each optionally negated with '!') in Npgsql's spelling.
    public static string RequireAuth(string name, string value) => string.Join(',', value.Split(',').Select(item =>
    {
        var method = item.Trim();
        var negated = method.StartsWith('!');
        var spelled = method.TrimStart('!').ToLowerInvariant() switch
        {
            "password" => "Password",
            "md5" => "MD5",
            "gss" => "GSS",
            "sspi" => "SSPI",
            "scram-sha-256" or "scramsha256" => "ScramSHA256",
            "none" => "None",
            _ => throw ValueNotValid(name, "a list of password, md5, gss, sspi, scram-sha-256 or none (each may start with '!')"),
        };
        return (negated ? "!" : string.Empty) + spelled;
    }));

    public static bool Flag(string name, string value) => value.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "on" or "yes" => true,
        "0" or "false" or "off" or "no" => false,
        _ => throw ValueNotValid(name, "0 or 1"),
    };

    public static int Number(string name, string value, int min, int max = int.MaxValue) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw ValueNotValid(name, max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}");

    public static string ExistingFile(string name, string path) => File.Exists(path.Trim())
        ? path.Trim()
        : throw PostgresRegistrySetting.Invalid($"its '{name}' names the file '{path.Trim()}', which does not exist");

    public static QualityGatesException CannotHonour(string what, string why) =>
        new(ErrorCodes.RegistryConnectionParameterUnsupported,
            $"The registry connection string asks for '{what}', which cannot be honoured: {why}. Remove it rather than connect with less than it asks for.");

    public static QualityGatesException ValueNotValid(string name, string allowed) =>
        PostgresRegistrySetting.Invalid($"the value of its key '{name}' is not valid (allowed: {allowed})");
}
