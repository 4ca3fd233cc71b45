using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Machine;

/// <summary>One network interface: whether it is up, whether it is loopback, and its unicast addresses with their prefix lengths.</summary>
public sealed record NetworkInterfaceInfo(string Name, bool IsUp, bool IsLoopback, ValueList<InterfaceAddress> Addresses);
