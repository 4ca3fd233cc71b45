using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;

namespace FirewallKit.Core.Profiles;

/// <summary>A validated deployment: where the product runs and who talks to it. Built only by <see cref="ProfileLoader"/>.</summary>
public sealed record DeploymentProfile(
    string Name,
    string? Description,
    string Source,
    Version ProductVersion,
    Topology Topology,
    IReadOnlyList<Peer> Peers,
    IReadOnlyDictionary<string, AddressSet> AddressSets,
    IReadOnlyDictionary<string, bool> Features,
    IReadOnlyDictionary<string, int> PortOverrides,
    FirewallProfiles FirewallProfiles,
    string RuleGroup,
    Enforcement Enforcement)
{
    public bool IsOn(string feature) => Features.TryGetValue(feature, out var on) && on;

    public AddressSet AddressSet(string name) => AddressSets.TryGetValue(name, out var set) ? set : Addresses.AddressSet.Empty;
}
