using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace QualityGates.Testing;

/// <summary>
/// A PostgreSQL server of one test's own: a fresh data folder and a free local port, for tests that
/// restart or crash the server, which the shared server of <see cref="TestPostgres"/> must never be.
/// Its programs come from <c>QUALITYGATES_TEST_POSTGRES_BIN</c> (set by .ci/postgres.sh), else the newest
/// <c>/usr/lib/postgresql/*/bin</c>; as root they run as the <c>postgres</c> user (initdb refuses root).
/// Stopped at once and deleted on dispose.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string BinVariable = "QUALITYGATES_TEST_POSTGRES_BIN";

    private readonly string _bin;
    private readonly string _data;
    private readonly int _port;

    public PostgresCluster()
    {
        _bin = BinDirectory ?? throw new InvalidOperationException(TestPostgres.SkipReason);
        _port = FreePort();
        _data = Path.Combine(Path.GetTempPath(), "qg-pgcluster-" + Guid.NewGuid().ToString("N")[..12]);
        Run("initdb", "-D", _data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        PgCtl("start");
    }

    /// <summary>The folder holding pg_ctl and initdb, or null when none is installed.</summary>
    public static string? BinDirectory => Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } bin ? bin
        : Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0).LastOrDefault()
            : null;

    /// <summary>A key=value connection string for the superuser (trusted over 127.0.0.1).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    /// <summary>Restarts the server: <c>fast</c> ends sessions with 57P01, <c>immediate</c> kills them as a crash would and recovers on start.</summary>
    public void Restart(string mode) => PgCtl("restart", "-m", mode);

    public void Dispose()
    {
        try
        {
            PgCtl("stop", "-m", "immediate");
        }
        finally
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private void PgCtl(string action, params string[] more) => Run("pg_ctl", [action, "-w", "-t", "60", "-D", _data, "-l", Path.Combine(_data, "server.log"),
        "-o", $"-p {_port} -k {_data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", .. more]);

    private void Run(string program, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? OnPath("runuser") : Path.Combine(_bin, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in asRoot ? ["-u", "postgres", "--", Path.Combine(_bin, program), .. args] : args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {output.Result}{error.Result}");
        }
    }

    private static string OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(Path.IsPathRooted).Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is not on PATH.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
