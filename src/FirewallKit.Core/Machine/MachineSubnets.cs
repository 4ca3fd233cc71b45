using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Machine;

/// <summary>
/// What <c>LocalSubnet</c> stands for on a machine: the on-link prefixes (IPv4 and IPv6) of its
/// interfaces that are up, loopback and <c>::</c> aside (<see cref="OutsideRules"/>), as literal ranges a block rule can complement.
/// <para>
/// Windows' own LocalSubnet follows the on-link routes, so where the route table was read
/// (<see cref="NetworkInterfaceInfo.OnLinkPrefixes"/>) those are used, not each address's prefix
/// length: a DHCPv6 address reports /128 although its /64 is on-link. Where it was not, each
/// address's prefix stands in. Tunnel interfaces (Teredo's 2001::/32, 6to4, IP-HTTPS) are left
/// out, like loopback: their "subnet" is the Internet, not a neighbour. Default routes (prefix 0),
/// multicast and the limited broadcast address are never a subnet a packet comes from.
/// </para>
/// </summary>
public sealed record MachineSubnets(AddressSet Subnets, IReadOnlyList<string> Interfaces)
{
    private static readonly AddressSet NeverASource = AddressSet.Parse("224.0.0.0/4", "255.255.255.255", "ff00::/8");

    public static MachineSubnets Of(IEnumerable<NetworkInterfaceInfo> interfaces)
    {
        var up = interfaces.Where(i => i.IsUp && !i.IsLoopback && !i.IsTunnel).ToList();
        var ranges = up
            .SelectMany(i => i.OnLinkPrefixes ?? i.Addresses)
            .Where(a => a.PrefixLength > 0)
            .Select(a => AddressRange.OfPrefix(a.Address, a.PrefixLength))
            .ToList();
        var subnets = AddressSet.FromRanges(ranges).Except(OutsideRules.Addresses).Except(NeverASource);
        return new MachineSubnets(subnets, [.. up.Where(i => (i.OnLinkPrefixes ?? i.Addresses).Count > 0).Select(i => i.Name)]);
    }
}
