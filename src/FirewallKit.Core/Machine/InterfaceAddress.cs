using System.Net;

namespace FirewallKit.Core.Machine;

/// <summary>A unicast address of an interface and the length of its on-link prefix (10.0.1.5/24).</summary>
public sealed record InterfaceAddress(IPAddress Address, int PrefixLength);
