using System.Net;
using System.Net.Sockets;

namespace Acteon.Providers.Aws.Tests.Support;

/// <summary>A loopback port that accepts connections and never answers: a service that hangs.</summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly TaskCompletionSource _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Completes once a client has connected (its request is then in flight).</summary>
    public Task Connected => _firstConnection.Task;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync();
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }

                _firstConnection.TrySetResult();
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        lock (_accepted)
        {
            foreach (var socket in _accepted)
            {
                socket.Dispose();
            }
        }
    }
}
