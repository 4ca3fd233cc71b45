using System.Net.NetworkInformation;
using System.Net.Sockets;
using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Machine;

/// <summary>The interfaces of the machine fwkit runs on, from <see cref="NetworkInterface"/>.</summary>
public sealed class SystemNetworkInterfaces : INetworkInterfaces
{
    public IReadOnlyList<NetworkInterfaceInfo> List() =>
        [.. NetworkInterface.GetAllNetworkInterfaces().Select(n => new NetworkInterfaceInfo(
            n.Name,
            n.OperationalStatus == OperationalStatus.Up,
            n.NetworkInterfaceType == NetworkInterfaceType.Loopback,
            [.. n.GetIPProperties().UnicastAddresses
                .Where(u => u.Address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                .Select(u => new InterfaceAddress(u.Address, PrefixLength(u)))]))];

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
