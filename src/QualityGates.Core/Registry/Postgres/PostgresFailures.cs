using System.Net.Sockets;
using Npgsql;
using QualityGates.Errors;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// Turns what Npgsql throws into the registry's coded errors, naming the server and never a password:
/// a refused login is QG3021, anything else that stops the registry being used (server down, timeout,
/// missing database, no permission) QG3020. Npgsql's messages carry no password.
/// </summary>
internal static class PostgresFailures
{
    /// <summary>Conflicts the server resolves by aborting one transaction, and connections lost mid-way.</summary>
    public static bool IsWorthRetrying(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>The coded error for a database failure; null for anything else (coded errors and bugs pass through).</summary>
    public static QualityGatesException? Translate(Exception ex, PostgresRegistrySetting setting)
    {
        var where = $"the registry database {setting.Location}";
        return ex switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseLoginRefused,
                    $"The server {setting.Server} refused the login to {where}: {pg.MessageText}. Set {PostgresRegistrySetting.PasswordVariable} (or {PostgresRegistrySetting.StandardPasswordVariable}) to the user's password.", inner: ex),
            NpgsqlException npgsql when npgsql.Message.Contains("password", StringComparison.OrdinalIgnoreCase) && npgsql is not PostgresException =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseLoginRefused,
                    $"The server {setting.Server} asks for a password for {where}, and none is set: set {PostgresRegistrySetting.PasswordVariable} (or {PostgresRegistrySetting.StandardPasswordVariable}).", inner: ex),
            PostgresException pg =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable, $"The server {setting.Server} cannot serve {where}: {pg.MessageText} (SQLSTATE {pg.SqlState}).", inner: ex),
            NpgsqlException npgsql =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable, $"Cannot reach {where} on {setting.Server}: {Cause(npgsql)}.", inner: ex),
            TimeoutException =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable, $"Cannot reach {where} on {setting.Server}: the connection timed out.", inner: ex),
            _ => null,
        };
    }

    private static string Cause(NpgsqlException ex) => ex.InnerException switch
    {
        SocketException socket => socket.Message,
        TimeoutException => "the connection timed out",
        { } inner => ex.Message.TrimEnd('.') + ": " + inner.Message.TrimEnd('.'),
        null => ex.Message.TrimEnd('.'),
    };
}
