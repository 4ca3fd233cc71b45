using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Machine;

/// <summary>
/// What <c>LocalSubnet</c> stands for on a machine: the on-link prefixes (IPv4 and IPv6) of its
/// interfaces that are up, loopback and <c>::</c> aside (<see cref="OutsideRules"/>), as literal ranges a block rule can complement.
/// </summary>
public sealed record MachineSubnets(AddressSet Subnets, IReadOnlyList<string> Interfaces)
{
    public static MachineSubnets Of(IEnumerable<NetworkInterfaceInfo> interfaces)
    {
        var up = interfaces.Where(i => i.IsUp && !i.IsLoopback).ToList();
        var ranges = up
            .SelectMany(i => i.Addresses)
            .Select(a => AddressRange.OfPrefix(a.Address, a.PrefixLength))
            .ToList();
        return new MachineSubnets(AddressSet.FromRanges(ranges).Except(OutsideRules.Addresses), [.. up.Where(i => i.Addresses.Count > 0).Select(i => i.Name)]);
    }
}
