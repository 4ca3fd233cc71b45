using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Audit;

/// <summary>
/// One firewall rule as found on a machine, with every field that changes what it matches.
/// <see cref="Program"/> and <see cref="Service"/> are null when the rule is not scoped to one;
/// <see cref="Service"/> is <c>*</c> for "any service". Addresses are the core's sets, keywords included;
/// a port keyword (RPC, IPHTTPS, ...) names the machine's own services and never matches a product's port. <see cref="Location"/> says where the rule is in
/// its source (<c>line 12</c>, <c>$.Rules[3]</c>) so findings can point at it.
/// </summary>
public sealed record ObservedRule(
    string? Id,
    string DisplayName,
    string Group,
    bool Enabled,
    ObservedDirection Direction,
    ObservedAction Action,
    ObservedProtocol Protocol,
    PortSet LocalPorts,
    PortSet RemotePorts,
    AddressSet LocalAddresses,
    AddressSet RemoteAddresses,
    string? Program,
    string? Service,
    NetworkProfiles Profiles,
    EdgeTraversal EdgeTraversal,
    InterfaceTypes InterfaceTypes,
    string Security,
    RuleStore Store,
    string Location)
{
    /// <summary>How findings name the rule: its display name, and its ID when the source gives one.</summary>
    public string Label => Id is null || Id == DisplayName ? $"'{DisplayName}'" : $"'{DisplayName}' ({Id})";

    /// <summary>IPsec authentication is required, so only authenticated peers match.</summary>
    public bool RequiresAuthentication => !string.IsNullOrEmpty(Security) && !string.Equals(Security, "NotRequired", StringComparison.OrdinalIgnoreCase);
}
