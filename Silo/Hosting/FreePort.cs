using System.Net;
using System.Net.Sockets;

namespace Acteon.Silo.Hosting;

/// <summary>A TCP port nothing listens on now, for a silo whose port nobody needs to know in advance.</summary>
internal static class FreePort
{
    public static int On(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
