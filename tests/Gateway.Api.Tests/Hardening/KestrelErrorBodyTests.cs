using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Gateway.Api.Tests.Hardening;

/// <summary>
/// The answers Kestrel gives before any middleware runs (bad request line, NUL in the path, a request target or
/// headers over its limits) carry the <c>{"error": ...}</c> body too, on a real Kestrel and a raw socket.
/// </summary>
public sealed class KestrelErrorBodyTests
{
    [Theory]
    [InlineData("GET /v1/audit/%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed request")]
    [InlineData("GET /v1/audit/a b c HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed request")]
    [InlineData("G\u0001T /health HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed request")]
    [InlineData("GET /health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400, "malformed request")]
    [InlineData("GET /v1/audit/{long} HTTP/1.1\r\nHost: x\r\n\r\n", 414, "the request target (path and query) is too long")]
    [InlineData("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: {huge}\r\n\r\n", 431, "the request headers are too large")]
    public async Task RawRequest_RejectedByKestrel_AnswersTheJsonErrorBody(string request, int status, string message)
    {
        await using var app = new GatewayApp("[server]\nport = 0");
        app.UseKestrel(0);
        app.StartServer();
        var port = Port(app);

        var (head, body) = await SendAsync(port, request.Replace("{long}", new string('a', 10_000), StringComparison.Ordinal)
            .Replace("{huge}", new string('b', 40_000), StringComparison.Ordinal));

        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json; charset=utf-8", head, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(message, json.RootElement.GetProperty("error").GetString()![..message.Length]);
    }

    [Fact]
    public async Task Requests_AfterOthersOnOneConnection_PassThroughUntouched()
    {
        await using var app = new GatewayApp("[server]\nport = 0");
        app.UseKestrel(0);
        app.StartServer();
        var port = Port(app);

        // A route that answers 404 and one that answers 200 on one kept-alive connection, then a bad one that closes it.
        var (head, body) = await SendAsync(port,
            "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\nGET /health/live HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/audit/%00 HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 404 ", head, StringComparison.Ordinal);
        Assert.Contains("no route for GET /nowhere", body, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 200 OK", body, StringComparison.Ordinal);
        Assert.Contains("{\"status\":\"ok\"}", body, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 400 Bad Request", body, StringComparison.Ordinal);
        Assert.EndsWith("{\"error\":\"" + Http.KestrelErrorBodies.Message(400) + "\"}", body, StringComparison.Ordinal);
    }

    private static int Port(GatewayApp app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    /// <summary>Sends the bytes as they are and reads until the server closes: the first response's head, and the rest.</summary>
    private static async Task<(string Head, string Tail)> SendAsync(int port, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var read = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.CopyToAsync(read, timeout.Token);
        var text = Encoding.UTF8.GetString(read.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? (text, "") : (text[..end], text[(end + 4)..]);
    }
}
