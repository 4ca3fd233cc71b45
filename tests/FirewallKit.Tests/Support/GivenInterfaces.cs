using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Machine;

namespace FirewallKit.Tests.Support;

/// <summary>A machine's network interfaces handed in, so LocalSubnet resolves the same on every build machine.</summary>
public sealed class GivenInterfaces(params NetworkInterfaceInfo[] interfaces) : INetworkInterfaces
{
    /// <summary>
    /// An office server: one up Ethernet interface (10.60.0.0/22 and an IPv6 prefix), a link-local address,
    /// a down Wi-Fi interface and loopback; only the first counts.
    /// </summary>
    public static readonly GivenInterfaces Office = new(
        Interface("Ethernet", up: true, loopback: false, ("10.60.1.20", 22), ("fd00:60::20", 64), ("fe80::1:20", 64)),
        Interface("Wi-Fi", up: false, loopback: false, ("192.168.77.5", 24)),
        Interface("Loopback Pseudo-Interface 1", up: true, loopback: true, ("127.0.0.1", 8), ("::1", 128)));

    public int Reads { get; private set; }

    public IReadOnlyList<NetworkInterfaceInfo> List()
    {
        Reads++;
        return interfaces;
    }

    public static NetworkInterfaceInfo Interface(string name, bool up, bool loopback, params (string Address, int PrefixLength)[] addresses) =>
        new(name, up, loopback, [.. addresses.Select(a => new InterfaceAddress(IPAddress.Parse(a.Address), a.PrefixLength))]);
}
