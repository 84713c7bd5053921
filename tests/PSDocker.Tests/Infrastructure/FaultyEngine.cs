using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PSDocker.Tests.Infrastructure;

/// <summary>How a <see cref="FaultyEngine"/> misbehaves.</summary>
public enum Fault
{
    /// <summary>Accepts connections and never answers.</summary>
    Silent,

    /// <summary>Closes each connection without answering.</summary>
    CloseAtOnce,

    /// <summary>A plain web server: 404 with an HTML page, no API-Version header.</summary>
    PlainWebServer,

    /// <summary>Answers /_ping like an engine, then 200 with a body that is not JSON.</summary>
    NotJson,

    /// <summary>Answers /_ping like an engine, then 200 with JSON of the wrong shape.</summary>
    WrongShape,
}

/// <summary>
/// A loopback TCP server that is not a working Docker engine, for the fault cases: what a user gets
/// when -DockerHost points at something that misbehaves. Stops with the test.
/// </summary>
public sealed class FaultyEngine : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = new();

    public FaultyEngine(Fault fault)
    {
        _listener.Start();
        _ = Task.Run(() => AcceptAsync(fault));
    }

    /// <summary>The address to pass as -DockerHost.</summary>
    public string Host => "tcp://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync(Fault fault)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            lock (_clients)
            {
                _clients.Add(client);
            }

            _ = Task.Run(() => ServeAsync(client, fault));
        }
    }

    private async Task ServeAsync(TcpClient client, Fault fault)
    {
        try
        {
            if (fault == Fault.CloseAtOnce)
            {
                client.Client.Close();
                return;
            }

            var stream = client.GetStream();
            var buffer = new byte[8192];
            while (!_stop.IsCancellationRequested)
            {
                var request = new StringBuilder();
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                if (fault == Fault.Silent)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                var path = request.ToString().Split(' ')[1];
                var ping = path.EndsWith("/_ping", StringComparison.Ordinal);
                var (status, headers, body) = fault switch
                {
                    Fault.PlainWebServer => ("404 Not Found", "Content-Type: text/html\r\n", "<html><body><h1>Not Found</h1></body></html>"),
                    _ when ping => ("200 OK", "API-Version: 1.41\r\nContent-Type: text/plain\r\n", "OK"),
                    Fault.NotJson => ("200 OK", "Content-Type: application/json\r\n", "<html>surprise</html>"),
                    _ => ("200 OK", "Content-Type: application/json\r\n", path.Contains("/containers/json", StringComparison.Ordinal) ? "[{\"Foo\":1}]" : "{\"Foo\":1}"),
                };
                var bytes = Encoding.UTF8.GetBytes(body);
                var head = $"HTTP/1.1 {status}\r\n{headers}Content-Length: {bytes.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(bytes, _stop.Token);
            }
        }
        catch (Exception)
        {
            // The test ended or the client went away.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var c in _clients)
            {
                c.Dispose();
            }
        }
    }
}
