using System.Net;
using System.Net.Sockets;

namespace OrleansCrm.Testing;

/// <summary>Free loopback ports, so several silos can run in one test process.</summary>
public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
