using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Profiles;

/// <summary>A validated deployment: where the product runs and who talks to it. Built only by <see cref="ProfileLoader"/>.</summary>
public sealed record DeploymentProfile
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The file the profile was read from.</summary>
    public required string Source { get; init; }

    public required Version ProductVersion { get; init; }

    public required Topology Topology { get; init; }

    public ValueList<Peer> Peers { get; init; } = [];

    /// <summary>The profile's <c>addresses.*</c> sets by audience name, defaults filled in.</summary>
    public required ValueMap<string, AddressSet> AddressSets { get; init; }

    /// <summary>Every catalog feature, on or off.</summary>
    public required ValueMap<string, bool> Features { get; init; }

    public required ValueMap<string, int> PortOverrides { get; init; }

    public NetworkProfiles NetworkProfiles { get; init; } = NetworkProfiles.All;

    public required string RuleGroup { get; init; }

    public Enforcement Enforcement { get; init; } = Enforcement.Strict;

    /// <summary>The profile's <c>groupPolicy.localRules</c>: what the Registry.pol and GPO backup exports set beside the rules.</summary>
    public GroupPolicyLocalRules LocalRules { get; init; } = GroupPolicyLocalRules.NotManaged;

    /// <summary>Ports of other software on the host, which the plan neither opens nor blocks.</summary>
    public ValueList<UnmanagedPort> UnmanagedPorts { get; init; } = [];

    /// <summary>Entries of peers, admins or loadBalancers wider than these prefixes are warned about (<c>wide-audience</c>).</summary>
    public WideAudiencePrefix WideAudiencePrefix { get; init; } = WideAudiencePrefix.Default;

    /// <summary>The JSON paths of addresses in a documentation range: placeholders still to be replaced (<see cref="Addresses.DocumentationRanges"/>).</summary>
    public ValueList<string> Placeholders { get; init; } = [];

    public bool IsOn(string feature) => Features.TryGetValue(feature, out var on) && on;

    public AddressSet AddressSet(string name) => AddressSets.TryGetValue(name, out var set) ? set : Addresses.AddressSet.Empty;
}
