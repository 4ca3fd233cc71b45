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
    Provenance Provenance);
