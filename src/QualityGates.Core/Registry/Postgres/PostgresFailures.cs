using System.Net.Sockets;
using System.Security.Authentication;
using Npgsql;
using QualityGates.Errors;

namespace QualityGates.Registry.Postgres;

/// <summary>
/// What a database failure means for the registry: worth another attempt (a conflict the server resolved
/// by aborting one transaction, a connection dropped by a restart, crash or failover, a server refusing
/// connections for a moment), or final. Final failures become coded errors naming the server and never a
/// password: a refused login is QG3021, a lock another session holds QG3032, anything else that stops the
/// registry being used (server down, timeout, missing database, no permission, a refused certificate) QG3020.
/// </summary>
internal static class PostgresFailures
{
    // libpq/PostgreSQL error codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private const string AdminShutdown = "57P01", CrashShutdown = "57P02", CannotConnectNow = "57P03", TooManyConnections = "53300";
    public const string LockNotAvailable = "55P03";

    public enum Kind
    {
        /// <summary>Not worth another attempt.</summary>
        Final,
        /// <summary>The server aborted the transaction to resolve a conflict (serialization failure, deadlock).</summary>
        Conflict,
        /// <summary>An open connection was lost: the server shut down, crashed or restarted, or the network dropped it.</summary>
        Dropped,
        /// <summary>No connection could be made for now: refused, or the server is starting up, shutting down or full.</summary>
        Refused,
    }

    /// <summary>What <paramref name="ex"/> means; <paramref name="opened"/> tells a lost connection from one never made.</summary>
    public static Kind Classify(Exception ex, bool opened) => ex switch
    {
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => Kind.Conflict,
        PostgresException { SqlState: AdminShutdown or CrashShutdown or CannotConnectNow } => opened ? Kind.Dropped : Kind.Refused,
        PostgresException { SqlState: TooManyConnections } when !opened => Kind.Refused,
        PostgresException => Kind.Final,
        NpgsqlException { InnerException: AggregateException hosts } when hosts.InnerExceptions.All(h => Classify(h, opened) == Kind.Refused) => Kind.Refused,
        NpgsqlException { InnerException: { } inner } when IsConnectionLoss(inner) => opened ? Kind.Dropped : Kind.Refused,
        _ => Kind.Final,
    };

    /// <summary>The coded error for a database failure; null for anything else (coded errors and bugs pass through).</summary>
    /// <param name="ex">What was thrown.</param>
    /// <param name="setting">The database, to name it.</param>
    /// <param name="opened">False while the connection was being made, where anything thrown comes from the client library or the server.</param>
    /// <param name="tries">How many attempts were made, to say so when there were several.</param>
    public static QualityGatesException? Translate(Exception ex, PostgresRegistrySetting setting, bool opened, string tries)
    {
        var where = $"the registry database {setting.Location}";
        return ex switch
        {
            QualityGatesException => null,
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseLoginRefused,
                    $"The server {setting.Server} refused the login to {where}: {pg.MessageText}. Set {PostgresRegistrySetting.PasswordVariables} to the user's password.", inner: ex),
            NpgsqlException npgsql when npgsql.Message.Contains("password", StringComparison.OrdinalIgnoreCase) && npgsql is not PostgresException =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseLoginRefused,
                    $"The server {setting.Server} asks for a password for {where}, and none is set: set {PostgresRegistrySetting.PasswordVariables}.", inner: ex),
            PostgresException pg =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable, $"The server {setting.Server} cannot serve {where}: {pg.MessageText} (SQLSTATE {pg.SqlState}){tries}.", inner: ex),
            NpgsqlException { InnerException: TimeoutException } when opened =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable,
                    $"A command on {where} ({setting.Server}) did not finish within the command timeout of {Builder(setting).CommandTimeout} s; it was not tried again, since a command that ran out of time would again.", inner: ex),
            NpgsqlException npgsql =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable, $"Cannot reach {where} on {setting.Server}: {Cause(npgsql, setting)}{tries}.", inner: ex),
            TimeoutException =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable, $"Cannot reach {where} on {setting.Server}: the connection timed out.", inner: ex),

            // While connecting, the client library throws its own exceptions for what the settings ask of it
            // (a certificate file it cannot read, a method it cannot use): the settings' fault, not a bug.
            _ when !opened =>
                new QualityGatesException(ErrorCodes.RegistryDatabaseUnavailable, $"Cannot connect to {where} on {setting.Server}: {Describe(ex, setting)}.", inner: ex),
            _ => null,
        };
    }

    private static bool IsConnectionLoss(Exception ex) => ex switch
    {
        EndOfStreamException => true,
        SocketException socket => socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.ConnectionAborted
            or SocketError.Shutdown or SocketError.NotConnected or SocketError.NetworkReset or SocketError.TryAgain,
        IOException { InnerException: { } inner } => IsConnectionLoss(inner),
        _ => false,
    };

    private static string Cause(NpgsqlException ex, PostgresRegistrySetting setting) => ex.InnerException switch
    {
        SocketException socket => socket.Message,
        TimeoutException => "the connection timed out",
        AggregateException hosts => string.Join("; ", hosts.InnerExceptions.Select(h => h is NpgsqlException n ? n.Message.TrimEnd('.') + (n.InnerException is { } i ? ": " + i.Message.TrimEnd('.') : string.Empty) : h.Message.TrimEnd('.'))),
        { } inner => Describe(inner, setting) is var described && described.StartsWith("the server's certificate", StringComparison.Ordinal) ? described : ex.Message.TrimEnd('.') + ": " + described,
        null => ex.Message.TrimEnd('.'),
    };

    private static string Describe(Exception ex, PostgresRegistrySetting setting)
    {
        if (ex is AuthenticationException)
        {
            var builder = Builder(setting);
            var signer = string.IsNullOrEmpty(builder.RootCertificate) ? "a CA this machine trusts" : $"the CA in {builder.RootCertificate}";
            var name = builder.SslMode == SslMode.VerifyFull ? " and name the host it was reached by" : string.Empty;
            return $"the server's certificate was refused (SSL mode {builder.SslMode}: it must be signed by {signer}{name}): {ex.Message.TrimEnd('.')}";
        }

        return ex.Message.TrimEnd('.');
    }

    private static NpgsqlConnectionStringBuilder Builder(PostgresRegistrySetting setting) => new(setting.ConnectionString);
}
