using System.Net;
using System.Net.Sockets;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>Free loopback TCP ports for test servers.</summary>
public static class Ports
{
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
