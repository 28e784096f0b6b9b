using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Dispatch;

public sealed class DispatchDeadlineTests
{
    private static string Config(string url) => $"""
        [server]
        request_timeout_seconds = 2

        [[providers]]
        name = "silent"
        type = "webhook"
        url = "{url}"
        timeout_seconds = 60
        """;

    [Fact]
    public async Task Dispatch_ProviderHangsPastTheRequestTimeout_Answers503AtTheDeadline()
    {
        using var silent = SilentServer(out var url);
        await using var app = new GatewayApp(Config(url));
        var client = app.CreateClient();
        var clock = Stopwatch.StartNew();

        using var response = await client.PostAsJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "silent"));

        var body = await GatewayApp.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("request_timeout_seconds (2 s)", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}, the deadline is 2 s");
        silent.Stop(); // the held connections close, so the call still in flight ends before the silo stops
    }

    [Fact]
    public async Task Batch_ProviderHangsPastTheRequestTimeout_HungElementsErrorOthersSucceed()
    {
        using var silent = SilentServer(out var url);
        await using var app = new GatewayApp(Config(url));

        var body = await app.PostJsonAsync("/v1/dispatch/batch", new { actions = new[] { GatewayApp.Action(), GatewayApp.Action(provider: "silent") } });

        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("executed", results[0].GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.True(results[1].GetProperty("status").GetString() == "error", body.ToString());
        Assert.Contains("request_timeout_seconds", results[1].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        silent.Stop();
    }

    /// <summary>A loopback server that accepts connections and never answers.</summary>
    private static TcpListener SilentServer(out string url)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook";
        _ = Task.Run(async () =>
        {
            var held = new List<Socket>();
            try
            {
                while (true)
                {
                    held.Add(await listener.AcceptSocketAsync());
                }
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                held.ForEach(s => s.Dispose());
            }
        });
        return listener;
    }
}
