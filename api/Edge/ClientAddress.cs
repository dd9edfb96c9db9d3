using System.Net;
using System.Net.Sockets;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// The address a request is limited by: its IPv4 address, or the /64 network of an IPv6 address (one customer line
/// holds a whole /64, so limiting single IPv6 addresses would limit nothing). Behind a reverse proxy this is the
/// proxy's address unless the forwarded headers are honoured (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }
}
