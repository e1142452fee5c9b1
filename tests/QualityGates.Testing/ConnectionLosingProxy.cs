using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QualityGates.Testing;

/// <summary>
/// A TCP proxy in front of a PostgreSQL server that can lose a connection at the worst moment: after the
/// server has received a COMMIT and answered it, before the answer reaches the client. The client then
/// cannot tell whether its transaction committed, the case a retry must not write twice. It reads the
/// protocol in the clear, so connect through it with <c>SSL Mode=Disable</c>.
/// </summary>
public sealed class ConnectionLosingProxy : IDisposable
{
    private static readonly byte[] Commit = Encoding.ASCII.GetBytes("COMMIT");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private int _armed;
    private int _lost;

    public ConnectionLosingProxy(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections were lost on purpose.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Loses the answer to the next COMMIT any connection sends (once).</summary>
    public void LoseNextCommitAnswer() => Interlocked.Exchange(ref _armed, 1);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_host, _port, _stop.Token);
                var commitSent = new TaskCompletionSource();
                using var pair = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = PumpAsync(client.GetStream(), server.GetStream(), chunk =>
                {
                    if (chunk.AsSpan().IndexOf(Commit) >= 0 && Interlocked.Exchange(ref _armed, 0) == 1)
                    {
                        commitSent.TrySetResult();
                    }

                    return true;
                }, pair.Token);
                var down = PumpAsync(server.GetStream(), client.GetStream(), _ =>
                {
                    if (!commitSent.Task.IsCompleted)
                    {
                        return true;
                    }

                    // The server has committed and answered: drop the answer and the connection.
                    Interlocked.Increment(ref _lost);
                    return false;
                }, pair.Token);
                await Task.WhenAny(up, down);
                pair.Cancel();
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A connection ending is what a proxy sees every day.
            }
        }
    }

    /// <summary>Copies until either side ends or <paramref name="forward"/> says stop (then nothing more is forwarded).</summary>
    private static async Task PumpAsync(NetworkStream from, NetworkStream to, Func<byte[], bool> forward, CancellationToken cancel)
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, cancel);
                if (read == 0 || !forward(buffer[..read]))
                {
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancel);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other direction closed the connection.
        }
    }
}
