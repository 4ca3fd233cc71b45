using System.Net.NetworkInformation;
using System.Net.Sockets;
using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Machine;

/// <summary>
/// The interfaces of the machine fwkit runs on, from <see cref="NetworkInterface"/>, with each
/// one's on-link routes when a route table is given (<see cref="IOnLinkRoutes"/>, Windows).
/// </summary>
public sealed class SystemNetworkInterfaces(IOnLinkRoutes? routes = null) : INetworkInterfaces
{
    public IReadOnlyList<NetworkInterfaceInfo> List()
    {
        var onLink = routes?.Read();
        return [.. NetworkInterface.GetAllNetworkInterfaces().Select(n => new NetworkInterfaceInfo(
            n.Name,
            n.OperationalStatus == OperationalStatus.Up,
            n.NetworkInterfaceType == NetworkInterfaceType.Loopback,
            [.. n.GetIPProperties().UnicastAddresses
                .Where(u => u.Address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                .Select(u => new InterfaceAddress(u.Address, PrefixLength(u)))],
            n.NetworkInterfaceType == NetworkInterfaceType.Tunnel,
            onLink is null ? null : [.. onLink.Where(r => Indexes(n).Contains(r.InterfaceIndex)).Select(r => r.Destination)]))];
    }

    /// <summary>The interface's IPv4 and IPv6 indexes (the same number on Windows), as the route table names it.</summary>
    private static List<int> Indexes(NetworkInterface n)
    {
        var indexes = new List<int>();
        var properties = n.GetIPProperties();
        foreach (var read in new Func<int?>[] { () => properties.GetIPv4Properties()?.Index, () => properties.GetIPv6Properties()?.Index })
        {
            try
            {
                if (read() is { } index)
                {
                    indexes.Add(index);
                }
            }
            catch (NetworkInformationException)
            {
                // The interface does not run that protocol.
            }
        }

        return indexes;
    }

    private static int PrefixLength(UnicastIPAddressInformation unicast)
    {
        try
        {
            return unicast.PrefixLength;
        }
        catch (PlatformNotSupportedException)
        {
            // Where the prefix length is not reported, IPv4 still has its mask; an IPv6 address then stands for itself.
            return unicast.Address.AddressFamily == AddressFamily.InterNetwork
                ? (int)System.Numerics.BitOperations.PopCount((uint)BitConverter.ToInt32(unicast.IPv4Mask.GetAddressBytes()))
                : 128;
        }
    }
}
