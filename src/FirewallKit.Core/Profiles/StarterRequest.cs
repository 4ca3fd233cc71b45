using FirewallKit.Core.Catalog;
using FirewallKit.Core.IO;

namespace FirewallKit.Core.Profiles;

/// <summary>What <c>fwkit init</c> was told; anything left empty becomes a placeholder.</summary>
/// <param name="Provenance">The command that made the starter, which its description quotes.</param>
public sealed record StarterRequest(
    StarterTopology Topology,
    string? ProductVersion,
    IReadOnlyList<string> Clients,
    IReadOnlyList<string> Admins,
    IReadOnlyList<StarterPeer> Peers,
    Provenance Provenance)
{
    /// <summary>The load balancers in front of the servers; none when empty (no placeholder: most sites have none).</summary>
    public IReadOnlyList<string> LoadBalancers { get; init; } = [];

    /// <summary>Features turned on or off by name; the others keep the catalog's defaults.</summary>
    public IReadOnlyDictionary<string, bool> Features { get; init; } = new Dictionary<string, bool>();
}
