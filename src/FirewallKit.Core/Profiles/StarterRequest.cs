namespace FirewallKit.Core.Profiles;

/// <summary>What <c>fwkit init</c> was told; anything left empty becomes a placeholder.</summary>
public sealed record StarterRequest(
    StarterTopology Topology,
    string? ProductVersion,
    IReadOnlyList<string> Clients,
    IReadOnlyList<string> Admins,
    IReadOnlyList<StarterPeer> Peers);
