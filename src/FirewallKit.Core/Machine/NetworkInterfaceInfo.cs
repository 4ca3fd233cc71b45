using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Machine;

/// <summary>
/// One network interface: whether it is up, loopback or a tunnel (Teredo, 6to4, IP-HTTPS), its
/// unicast addresses with their prefix lengths, and, where the route table was read, the
/// destinations of its on-link routes (<see cref="OnLinkPrefixes"/>; null when unknown).
/// </summary>
public sealed record NetworkInterfaceInfo(
    string Name,
    bool IsUp,
    bool IsLoopback,
    ValueList<InterfaceAddress> Addresses,
    bool IsTunnel = false,
    ValueList<InterfaceAddress>? OnLinkPrefixes = null);
