using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Tests.Shared;

/// <summary>
/// Real servers on 127.0.0.1 for what the code under test calls (webhooks, collectors, emulators): an HTTP server
/// on a port the system picks as it starts (map its routes, then <see cref="StartAsync"/>), or a free port for a
/// server that binds one itself.
/// </summary>
internal static class Loopback
{
    /// <summary>Kestrel alone, with routing: no configuration files, environment or logging of its own.</summary>
    public static WebApplication CreateHttpServer()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        return builder.Build();
    }

    /// <summary>Starts <paramref name="server"/> and returns where it listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public static async Task<Uri> StartAsync(WebApplication server)
    {
        await server.StartAsync();
        var addresses = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First());
    }

    /// <summary>
    /// A loopback port nothing listens on now: for a server that binds it itself, or for a refused connection. It is
    /// taken below the ephemeral range (Linux: 32768 and up), at random: a port the kernel hands out for binding to 0
    /// is also the kind it gives the next outgoing connection of any process, and a silo that bound one moments later
    /// once found it in use ("Address already in use").
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(10_000, 32_000);
            try
            {
                using var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
                // In use: try another.
            }
        }
    }
}
